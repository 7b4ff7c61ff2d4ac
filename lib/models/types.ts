/** What the image APIs accept, as plain data. `registry.ts` fills these in per model. */

export type Endpoint = 'generate' | 'edit' | 'variation' | 'responses';

export type ModelId =
  | 'gpt-image-2'
  | 'gpt-image-1.5'
  | 'gpt-image-1'
  | 'gpt-image-1-mini'
  | 'dall-e-3'
  | 'dall-e-2';

export type Quality = 'low' | 'medium' | 'high' | 'auto' | 'standard' | 'hd';
export type OutputFormat = 'png' | 'jpeg' | 'webp';
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

/** What one endpoint of one model accepts. A field left undefined means the parameter is not accepted. */
export interface EndpointCaps {
  /** Fixed sizes, `auto` included where accepted. */
  sizes: readonly string[];
  customSize?: CustomSizeRule;
  qualities: readonly Quality[];
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
export type OutputTokenRule = 'gpt-image-1-table' | 'gpt-image-1-mini-table' | 'gpt-image-2-formula' | 'per-image';

export interface ModelSpec {
  id: ModelId;
  label: string;
  family: 'gpt-image' | 'dall-e';
  /** On OpenAI, late 2026. Azure deployments and gateways may still serve retired models. */
  status: 'current' | 'available' | 'deprecated' | 'retired' | 'removed';
  note?: string;
  aliases: readonly string[];
  outputTokens: OutputTokenRule;
  endpoints: Partial<Record<Endpoint, EndpointCaps>>;
}
