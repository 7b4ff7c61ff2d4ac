/**
 * The one place that knows what each image model accepts, per endpoint.
 * Facts from OpenAI's image generation guide and API reference, its OpenAPI spec (e2e/fixtures/openapi) and
 * the openai SDK's types; where they disagree, the spec and the SDK win.
 * UI options, server validation, the offline API and the cost estimator all read this.
 */
import { MAIN_MODELS } from './main-models';
import type { EndpointCaps, GifRule, KnownModelId, ModelId, ModelSpec, Quality, SvgRule } from './types';

const MB = 1024 * 1024;

const GPT_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'] as const;
const PLAIN_FORMATS = ['png', 'jpeg', 'webp'] as const;
const GPT_QUALITIES: readonly Quality[] = ['auto', 'low', 'medium', 'high'];
/** gpt-image-2.5 and 2.6 add two levels above high (api-2026-12 §2.1). */
const GPT_2X_QUALITIES: readonly Quality[] = ['auto', 'low', 'medium', 'high', 'xhigh', 'max'];
/** The 2.x custom-size rule (spec CreateImageRequest.size for gpt-image-2; the same rule on 2.5 and 2.6). */
const GPT_2X_SIZE_RULE = { multiple: 16, maxEdge: 3840, minPixels: 655_360, maxPixels: 8_294_400, maxAspect: 3 } as const;

/**
 * Offer what only third parties report (api-2026-12 §0: "use as hints behind feature flags"): gpt-image-2.6 in
 * the Responses image_generation tool. One switch: set it false and the tool stops offering 2.6; while true, the
 * UI labels the choice with the endpoint's `unconfirmed` note.
 */
export const UNCONFIRMED_OFFERED = true;

interface GptOptions {
  promptMax?: number;
  customSize?: boolean;
  inputFidelity?: boolean;
  /** Transparent backgrounds: 'preview' where the service documents them so. */
  transparent?: boolean | 'preview';
  /** `xhigh` and `max` (2.5, 2.6). */
  topQualities?: boolean;
  /** `complexity` (2.6). */
  complexity?: boolean;
  /** Why the Responses tool offers this model on weak evidence; with UNCONFIRMED_OFFERED false it is not offered. */
  toolUnconfirmed?: string;
  /** gif and svg output, markup-guided edits (2.6). */
  gifSvgMarkup?: boolean;
}

/** api-2026-12 §2.2: frame_count 2–16 (default 9), frame_duration_ms ≥ 20 (default 200, rounded to 10, ≤ 655,350). */
const GIF_RULE: GifRule = {
  frameCount: { min: 2, max: 16, default: 9 },
  frameDurationMs: { min: 20, max: 655_350, default: 200, roundTo: 10 },
  squareCaps: [[9, 960], [12, 816], [16, 720]],
};

/** api-2026-12 §2.3: the authoring models (mainline GPT-6; efforts none…max on 5.1+ and 6.x). */
const SVG_RULE: SvgRule = {
  authoringModels: MAIN_MODELS.filter((m) => m.startsWith('gpt-6')),
  efforts: ['none', 'low', 'medium', 'high', 'xhigh', 'max'],
  sizes: ['1024x1024', '1536x1024', '1024x1536'],
};

/**
 * The markup part's name on /v1/images/edits is the one unconfirmed fact here (api-2026-12 §2.4, §9.1): the
 * pass-through wrappers call it `markup`. Change it in this one place once a live call confirms it.
 */
export const MARKUP_FIELD = 'markup';

/** The options every GPT image model shares on generations and edits. */
function gptImage(opts: GptOptions): Pick<EndpointCaps, 'sizes' | 'customSize' | 'qualities' | 'complexities' | 'n' | 'promptMax' | 'outputFormats' | 'gif' | 'svg' | 'backgrounds' | 'transparentFormats' | 'preview' | 'compression' | 'moderation' | 'partialImages' | 'defaults'> {
  return {
    ...(opts.transparent === 'preview' ? { preview: { backgrounds: ['transparent'] as const } } : {}),
    sizes: GPT_SIZES,
    customSize: opts.customSize ? GPT_2X_SIZE_RULE : undefined,
    qualities: opts.topQualities ? GPT_2X_QUALITIES : GPT_QUALITIES,
    ...(opts.complexity ? { complexities: ['low', 'medium', 'high'] as const } : {}),
    n: { min: 1, max: 10 },
    promptMax: opts.promptMax ?? 32_000,
    outputFormats: opts.gifSvgMarkup ? ['png', 'jpeg', 'webp', 'gif', 'svg'] : ['png', 'jpeg', 'webp'],
    ...(opts.gifSvgMarkup ? { gif: GIF_RULE, svg: SVG_RULE } : {}),
    backgrounds: opts.transparent === false ? ['auto', 'opaque'] : ['auto', 'opaque', 'transparent'],
    transparentFormats: ['png', 'webp'],
    compression: { min: 0, max: 100 },
    moderation: ['auto', 'low'],
    partialImages: { min: 0, max: 3 },
    defaults: { size: 'auto', quality: 'auto', outputFormat: 'png', background: 'auto', moderation: 'auto' },
  };
}

function gptEndpoints(opts: GptOptions & { inputFidelity: boolean }): ModelSpec['endpoints'] {
  const base = gptImage(opts);
  // The edit schema (spec CreateImageEditRequest, the SDK's ImageEditParams) has no `moderation`.
  const { moderation: _moderation, ...editBase } = base;
  const editDefaults = { ...base.defaults, moderation: undefined };
  const fidelity = opts.inputFidelity ? ({ inputFidelity: ['low', 'high'] } as const) : {};
  const withFidelityDefault = opts.inputFidelity
    ? { ...base.defaults, inputFidelity: 'low' as const }
    : base.defaults;
  // The tool's schema (OAPI-0821 ImageGenTool) has no `complexity`, gif or svg; what 2.6 takes there is undocumented.
  const { complexities: _complexities, gif: _gif, svg: _svg, ...toolTaken } = base;
  const toolBase = { ...toolTaken, outputFormats: PLAIN_FORMATS };
  // SVG is generation only (3P-replicate); GIF works on edits (3P-apiyi, 3P-laozhang).
  const { svg: _editSvg, ...editTaken } = editBase;
  const editFormats = base.outputFormats!.filter((f) => f !== 'svg');
  const offerTool = !opts.toolUnconfirmed || UNCONFIRMED_OFFERED;
  return {
    generate: base,
    edit: {
      ...editTaken,
      outputFormats: editFormats,
      ...fidelity,
      ...(base.complexities ? { complexities: base.complexities } : {}),
      ...(opts.gifSvgMarkup ? { markup: { field: MARKUP_FIELD, maxBytes: 50 * MB } } : {}),
      images: { maxCount: 16, maxBytes: 50 * MB, types: ['png', 'jpeg', 'webp'], square: false },
      mask: { maxBytes: 4 * MB },
      defaults: opts.inputFidelity ? { ...editDefaults, inputFidelity: 'low' as const } : editDefaults,
    },
    // The Responses image_generation tool: same image options, no n (api-reference §6.1).
    ...(offerTool
      ? {
          responses: {
            ...toolBase,
            ...fidelity,
            ...(opts.toolUnconfirmed ? { unconfirmed: opts.toolUnconfirmed } : {}),
            n: { min: 1, max: 1 },
            mask: { maxBytes: 4 * MB },
            defaults: withFidelityDefault,
          },
        }
      : {}),
  };
}

const SUNBURST_OMITTED = 'Quality left out or auto: Sunburst renders as at high.';
const FLARE_OMITTED = 'Quality left out or auto: Flare picks a level from the prompt, so its cost varies most.';
const TOOL_26 = 'gpt-image-2.6 in the Responses image tool is reported by third parties, not yet by an official page.';

export const MODELS: readonly ModelSpec[] = [
  {
    id: 'gpt-image-2.6-sunburst',
    label: 'GPT Image 2.6 Sunburst',
    family: 'gpt-image',
    inRegistry: true,
    note: 'Current flagship (2026-11-04). Quality up to xhigh and max; complexity sets planning depth. Any WxH.',
    qualityOmitted: SUNBURST_OMITTED,
    aliases: [],
    outputTokens: 'gpt-image-2.6-fit',
    endpoints: gptEndpoints({ customSize: true, inputFidelity: false, transparent: true, topQualities: true, complexity: true, toolUnconfirmed: TOOL_26, gifSvgMarkup: true }),
  },
  {
    id: 'gpt-image-2.6-flare',
    label: 'GPT Image 2.6 Flare',
    family: 'gpt-image',
    inRegistry: true,
    note: '2026-11-04. Quality up to xhigh and max; complexity sets planning depth. Any WxH.',
    qualityOmitted: FLARE_OMITTED,
    aliases: [],
    outputTokens: 'gpt-image-2.6-fit',
    endpoints: gptEndpoints({ customSize: true, inputFidelity: false, transparent: true, topQualities: true, complexity: true, toolUnconfirmed: TOOL_26, gifSvgMarkup: true }),
  },
  {
    id: 'gpt-image-2.5-sunburst',
    label: 'GPT Image 2.5 Sunburst',
    family: 'gpt-image',
    inRegistry: true,
    note: '2026-09-08. Quality up to xhigh and max; transparent backgrounds supported. Any WxH.',
    qualityOmitted: SUNBURST_OMITTED,
    aliases: ['gpt-image-2.5-sunburst-2026-09-08'],
    outputTokens: 'gpt-image-2.5-fit',
    endpoints: gptEndpoints({ customSize: true, inputFidelity: false, transparent: true, topQualities: true }),
  },
  {
    id: 'gpt-image-2.5-flare',
    label: 'GPT Image 2.5 Flare',
    family: 'gpt-image',
    inRegistry: true,
    note: '2026-09-08. Quality up to xhigh and max; transparent backgrounds supported. Any WxH.',
    qualityOmitted: FLARE_OMITTED,
    aliases: ['gpt-image-2.5-flare-2026-09-08'],
    outputTokens: 'gpt-image-2.5-fit',
    endpoints: gptEndpoints({ customSize: true, inputFidelity: false, transparent: true, topQualities: true }),
  },
  {
    id: 'gpt-image-2',
    label: 'GPT Image 2',
    family: 'gpt-image',
    inRegistry: true,
    note: 'Any WxH (multiples of 16, up to 3840 on the long side); reference images always at high fidelity.',
    aliases: ['gpt-image-2-2026-04-21'],
    outputTokens: 'gpt-image-2-formula',
    // input_fidelity is not a parameter here: references are used at high fidelity automatically. Transparent
    // backgrounds are "in preview" for gpt-image-2 and its snapshot (spec, CreateImageRequest.background).
    endpoints: gptEndpoints({ customSize: true, inputFidelity: false, transparent: 'preview' }),
  },
  {
    id: 'gpt-image-1.5',
    label: 'GPT Image 1.5',
    family: 'gpt-image',
    inRegistry: true,
    // Its dated snapshot (api-2026-12 §1; Azure version 2025-12-16, §6.2): the same model, rules and shutdown date.
    aliases: ['gpt-image-1.5-2025-12-16'],
    outputTokens: 'gpt-image-1-table',
    endpoints: gptEndpoints({ inputFidelity: true }),
  },
  {
    id: 'gpt-image-1',
    label: 'GPT Image 1',
    family: 'gpt-image',
    inRegistry: true,
    aliases: [],
    outputTokens: 'gpt-image-1-table',
    endpoints: gptEndpoints({ inputFidelity: true }),
  },
  {
    id: 'gpt-image-1-mini',
    label: 'GPT Image 1 mini',
    family: 'gpt-image',
    inRegistry: true,
    note: 'No input_fidelity.',
    aliases: [],
    outputTokens: 'gpt-image-1-mini-table',
    endpoints: gptEndpoints({ inputFidelity: false }),
  },
  {
    id: 'dall-e-3',
    label: 'DALL·E 3',
    family: 'dall-e',
    inRegistry: true,
    note: 'n = 1 only; url or b64_json answers.',
    aliases: [],
    outputTokens: 'per-image',
    endpoints: {
      generate: {
        sizes: ['1024x1024', '1792x1024', '1024x1792'],
        qualities: ['standard', 'hd'],
        n: { min: 1, max: 1 },
        promptMax: 4000,
        styles: ['vivid', 'natural'],
        responseFormats: ['url', 'b64_json'],
        defaults: { size: '1024x1024', quality: 'standard', style: 'vivid', responseFormat: 'url' },
      },
    },
  },
  {
    id: 'dall-e-2',
    label: 'DALL·E 2',
    family: 'dall-e',
    inRegistry: true,
    note: 'The only model with variations.',
    aliases: [],
    outputTokens: 'per-image',
    endpoints: {
      generate: {
        sizes: ['256x256', '512x512', '1024x1024'],
        qualities: ['standard'],
        n: { min: 1, max: 10 },
        promptMax: 1000,
        responseFormats: ['url', 'b64_json'],
        defaults: { size: '1024x1024', quality: 'standard', responseFormat: 'url' },
      },
      edit: {
        sizes: ['256x256', '512x512', '1024x1024'],
        qualities: ['standard'],
        n: { min: 1, max: 10 },
        promptMax: 1000,
        responseFormats: ['url', 'b64_json'],
        images: { maxCount: 1, maxBytes: 4 * MB, types: ['png'], square: true },
        mask: { maxBytes: 4 * MB },
        maskFromImageAlpha: true,
        defaults: { size: '1024x1024', quality: 'standard', responseFormat: 'url' },
      },
      variation: {
        sizes: ['256x256', '512x512', '1024x1024'],
        qualities: [],
        n: { min: 1, max: 10 },
        promptMax: 0,
        responseFormats: ['url', 'b64_json'],
        images: { maxCount: 1, maxBytes: 4 * MB, types: ['png'], square: true },
        defaults: { size: '1024x1024', quality: 'standard', responseFormat: 'url' },
      },
    },
  },
];

export const MODEL_IDS: KnownModelId[] = MODELS.map((m) => m.id as KnownModelId);

/**
 * The model OpenAI and the offline API default to in this playground: the current flagship (api-2026-12 §1).
 * Azure defaults to its first configured deployment (providers/config.ts).
 */
export const DEFAULT_MODEL: KnownModelId = 'gpt-image-2.6-sunburst';

const byName = new Map<string, ModelSpec>(MODELS.flatMap((m) => [m.id, ...m.aliases].map((name) => [name, m] as const)));
/** Family names that are no model's id: a new 2.6 or 2.5 variant borrows its Sunburst's rules. */
const FAMILIES: Record<string, KnownModelId> = { 'gpt-image-2.6': 'gpt-image-2.6-sunburst', 'gpt-image-2.5': 'gpt-image-2.5-sunburst' };
const prefixes = new Map<string, ModelSpec>([...byName, ...Object.entries(FAMILIES).map(([f, id]) => [f, byName.get(id)!] as const)]);
/** Longest first, so `gpt-image-2.6-sunburst-2027-01-01` borrows from 2.6 Sunburst, not from gpt-image-2. */
const familyPrefixes = [...prefixes.keys()].filter((n) => n.startsWith('gpt-image-')).sort((a, b) => b.length - a.length);
/** A prefix counts only up to a boundary: `gpt-image-10` is not gpt-image-1, `gpt-image-2.7` is of gpt-image-2. */
const extends_ = (id: string, prefix: string) => id.startsWith(prefix) && (id.length === prefix.length || id[prefix.length] === '-' || id[prefix.length] === '.');
const borrowed = new Map<string, ModelSpec>();

/**
 * The registry's model for an id or dated snapshot; an unknown `gpt-image-*` id (one a provider's model list
 * adds) gets the rules of the registry model whose id it extends, marked `inRegistry: false`. Whether a provider
 * serves the id is the provider's list's business (validate.ts `resolveModel`), not this lookup's.
 */
export function findModel(idOrAlias: string): ModelSpec | undefined {
  const known = byName.get(idOrAlias);
  if (known) return known;
  if (!/^gpt-image-[a-z0-9][a-z0-9.-]{0,80}$/.test(idOrAlias)) return undefined;
  const cached = borrowed.get(idOrAlias);
  if (cached) return cached;
  const prefix = familyPrefixes.find((p) => extends_(idOrAlias, p));
  if (!prefix) return undefined;
  const base = prefixes.get(prefix)!;
  const spec: ModelSpec = {
    ...base,
    id: idOrAlias,
    label: idOrAlias,
    aliases: [],
    inRegistry: false,
    familyOf: base.id as KnownModelId,
    note: `Not in the registry: treated as ${base.id}, whose rules it follows.`,
  };
  borrowed.set(idOrAlias, spec);
  return spec;
}

export function getModel(id: ModelId): ModelSpec {
  const model = findModel(id);
  if (!model) throw new Error(`Unknown model ${id}`);
  return model;
}

export function modelsFor(endpoint: keyof ModelSpec['endpoints']): ModelSpec[] {
  return MODELS.filter((m) => m.endpoints[endpoint]);
}
