/** What the image APIs accept, as plain data. `registry.ts` fills these in per model. */

export type Endpoint = 'generate' | 'edit' | 'variation' | 'responses';

/** The models the registry describes (api-2026-12 §1), current ones first. */
export type KnownModelId =
  | 'gpt-image-2.6-sunburst'
  | 'gpt-image-2.6-flare'
  | 'gpt-image-2.5-sunburst'
  | 'gpt-image-2.5-flare'
  | 'gpt-image-2'
  | 'gpt-image-1.5'
  | 'gpt-image-1'
  | 'gpt-image-1-mini'
  | 'dall-e-3'
  | 'dall-e-2';

/**
 * A model id: one the registry knows, or one a provider's `GET /models` listed that it does not (a newer
 * `gpt-image-*`), which gets the capabilities of its family (registry.ts `findModel`).
 */
export type ModelId = KnownModelId | (string & {});

/** `xhigh` and `max` exist on gpt-image-2.5 and 2.6 only (api-2026-12 §2.1). */
export type Quality = 'low' | 'medium' | 'high' | 'xhigh' | 'max' | 'auto' | 'standard' | 'hd';
/** gpt-image-2.6's planning depth, separate from quality; omitted means the model's default. */
export type Complexity = 'low' | 'medium' | 'high';
/** gif and svg are gpt-image-2.6 only (api-2026-12 §2.2, §2.3). */
export type OutputFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'svg';
export type Background = 'transparent' | 'opaque' | 'auto';
export type Moderation = 'auto' | 'low';
export type Style = 'vivid' | 'natural';
export type ResponseFormat = 'url' | 'b64_json';
export type InputFidelity = 'low' | 'high';
export type ImageFileType = 'png' | 'jpeg' | 'webp';

/** gpt-image-2 takes any WxH inside these bounds (api-reference §12). */
export interface CustomSizeRule {
  multiple: number;
  maxEdge: number;
  minPixels: number;
  maxPixels: number;
  maxAspect: number;
}

export interface InputImageRule {
  maxCount: number;
  maxBytes: number;
  types: readonly ImageFileType[];
  /** dall-e-2 wants a square PNG. */
  square: boolean;
}

export interface MaskRule {
  maxBytes: number;
}

/**
 * Animated GIF output (api-2026-12 §2.2, REF-MIRROR): frame_count and frame_duration_ms, accepted only with gif;
 * gif forbids streaming, partial images, a mask and output_compression. OpenAI publishes no frame-size limits: the
 * caps are a gateway's measurements (3P-apiyi-gif), the largest square frame by frame count.
 */
export interface GifRule {
  frameCount: { min: number; max: number; default: number };
  frameDurationMs: { min: number; max: number; default: number; roundTo: number };
  /** [most frames, largest square side]: up to 9 frames 960, up to 12 816, up to 16 720 (3P measured). */
  squareCaps: readonly (readonly [frames: number, side: number])[];
}

/**
 * SVG output (api-2026-12 §2.3): a text "authoring" model writes the SVG from a reference raster; the request
 * needs `svg: { model, reasoning?: { effort } }`; generations only, n = 1, no streaming requested.
 */
export interface SvgRule {
  /** Mainline models that can author the SVG, and the reasoning efforts they take. */
  authoringModels: readonly string[];
  efforts: readonly string[];
  /** ComfyUI exposes only these reference-raster sizes (3P-comfy-svg); the service may take more. */
  sizes: readonly string[];
}

/**
 * Markup-guided edits (2.6): marks on a separate fully transparent PNG the first image's size, sent as a file part.
 * The field's name is not confirmed by any official text read (api-2026-12 §2.4): one setting, `field`.
 */
export interface MarkupRule {
  field: string;
  maxBytes: number;
}

/** What one endpoint of one model accepts. A field left undefined means the parameter is not accepted. */
export interface EndpointCaps {
  /** Fixed sizes, `auto` included where accepted. */
  sizes: readonly string[];
  customSize?: CustomSizeRule;
  qualities: readonly Quality[];
  /** gpt-image-2.6 only. */
  complexities?: readonly Complexity[];
  n: { min: number; max: number };
  promptMax: number;
  outputFormats?: readonly OutputFormat[];
  /** Backgrounds, and the formats that can carry `transparent`. */
  backgrounds?: readonly Background[];
  transparentFormats?: readonly OutputFormat[];
  /**
   * Values the service documents as preview: offered, and labelled so, never silently (the spec: transparent
   * backgrounds on gpt-image-2 and its snapshot are "in preview").
   */
  preview?: { backgrounds?: readonly Background[] };
  /**
   * Why this endpoint is offered on weaker evidence than an official page (api-2026-12 §4: 2.6 in the Responses
   * tool is unconfirmed). The UI shows it beside the model; `UNCONFIRMED_OFFERED` in registry.ts turns it off.
   */
  unconfirmed?: string;
  compression?: { min: number; max: number };
  moderation?: readonly Moderation[];
  styles?: readonly Style[];
  responseFormats?: readonly ResponseFormat[];
  inputFidelity?: readonly InputFidelity[];
  /** Streaming with 0..max partial images. */
  partialImages?: { min: number; max: number };
  images?: InputImageRule;
  mask?: MaskRule;
  /** dall-e-2 edits without a mask use the image's own transparency. */
  maskFromImageAlpha?: boolean;
  gif?: GifRule;
  svg?: SvgRule;
  markup?: MarkupRule;
  defaults: {
    size: string;
    quality: Quality;
    outputFormat?: OutputFormat;
    background?: Background;
    moderation?: Moderation;
    style?: Style;
    responseFormat?: ResponseFormat;
    inputFidelity?: InputFidelity;
  };
}

/** How output image tokens are counted (api-reference §9.1, §12); dall-e is priced per image. */
export type OutputTokenRule =
  | 'gpt-image-1-table'
  | 'gpt-image-1-mini-table'
  | 'gpt-image-2-formula'
  | 'gpt-image-2.5-fit'
  | 'gpt-image-2.6-fit'
  | 'per-image';

/** What the registry knows about a model. When and where it shuts down is in lifecycle.ts, per provider. */
export interface ModelSpec {
  id: ModelId;
  label: string;
  family: 'gpt-image' | 'dall-e';
  note?: string;
  /** What leaving `quality` out (or `auto`) does on this model, where the variants differ (api-2026-12 §2.1). */
  qualityOmitted?: string;
  /** False for an id a provider listed that the registry does not know: it runs on its family's rules. */
  inRegistry: boolean;
  /** For such an id, the registry model whose rules it borrows. */
  familyOf?: KnownModelId;
  aliases: readonly string[];
  outputTokens: OutputTokenRule;
  endpoints: Partial<Record<Endpoint, EndpointCaps>>;
}
