/**
 * The one place that knows what each image model accepts, per endpoint.
 * Facts from OpenAI's image generation guide and API reference, its OpenAPI spec (e2e/fixtures/openapi) and
 * the openai SDK's types; where they disagree, the spec and the SDK win.
 * UI options, server validation, the offline API and the cost estimator all read this.
 */
import type { EndpointCaps, ModelId, ModelSpec, Quality } from './types';

const MB = 1024 * 1024;

const GPT_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'] as const;
const GPT_QUALITIES: readonly Quality[] = ['auto', 'low', 'medium', 'high'];

/** The options every GPT image model shares on generations and edits. */
function gptImage(opts: {
  promptMax?: number;
  customSize?: boolean;
  inputFidelity?: boolean;
  /** Transparent backgrounds: 'preview' where the service documents them so. */
  transparent?: boolean | 'preview';
}): Pick<EndpointCaps, 'sizes' | 'customSize' | 'qualities' | 'n' | 'promptMax' | 'outputFormats' | 'backgrounds' | 'transparentFormats' | 'preview' | 'compression' | 'moderation' | 'partialImages' | 'defaults'> {
  return {
    ...(opts.transparent === 'preview' ? { preview: { backgrounds: ['transparent'] as const } } : {}),
    sizes: GPT_SIZES,
    customSize: opts.customSize
      ? { multiple: 16, maxEdge: 3840, minPixels: 655_360, maxPixels: 8_294_400, maxAspect: 3 }
      : undefined,
    qualities: GPT_QUALITIES,
    n: { min: 1, max: 10 },
    promptMax: opts.promptMax ?? 32_000,
    outputFormats: ['png', 'jpeg', 'webp'],
    backgrounds: opts.transparent === false ? ['auto', 'opaque'] : ['auto', 'opaque', 'transparent'],
    transparentFormats: ['png', 'webp'],
    compression: { min: 0, max: 100 },
    moderation: ['auto', 'low'],
    partialImages: { min: 0, max: 3 },
    defaults: { size: 'auto', quality: 'auto', outputFormat: 'png', background: 'auto', moderation: 'auto' },
  };
}

function gptEndpoints(opts: { customSize?: boolean; inputFidelity: boolean; transparent?: boolean | 'preview' }): ModelSpec['endpoints'] {
  const base = gptImage(opts);
  // The edit schema (spec CreateImageEditRequest, the SDK's ImageEditParams) has no `moderation`.
  const { moderation: _moderation, ...editBase } = base;
  const editDefaults = { ...base.defaults, moderation: undefined };
  const fidelity = opts.inputFidelity ? ({ inputFidelity: ['low', 'high'] } as const) : {};
  const withFidelityDefault = opts.inputFidelity
    ? { ...base.defaults, inputFidelity: 'low' as const }
    : base.defaults;
  return {
    generate: base,
    edit: {
      ...editBase,
      ...fidelity,
      images: { maxCount: 16, maxBytes: 50 * MB, types: ['png', 'jpeg', 'webp'], square: false },
      mask: { maxBytes: 4 * MB },
      defaults: opts.inputFidelity ? { ...editDefaults, inputFidelity: 'low' as const } : editDefaults,
    },
    // The Responses image_generation tool: same image options, no n (api-reference §6.1).
    responses: { ...base, ...fidelity, n: { min: 1, max: 1 }, mask: { maxBytes: 4 * MB }, defaults: withFidelityDefault },
  };
}

export const MODELS: readonly ModelSpec[] = [
  {
    id: 'gpt-image-2',
    label: 'GPT Image 2',
    family: 'gpt-image',
    status: 'current',
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
    status: 'available',
    aliases: [],
    outputTokens: 'gpt-image-1-table',
    endpoints: gptEndpoints({ inputFidelity: true }),
  },
  {
    id: 'gpt-image-1',
    label: 'GPT Image 1',
    family: 'gpt-image',
    status: 'retired',
    note: 'Retired on OpenAI 2026-10-23; Azure deployments and gateways may still serve it.',
    aliases: [],
    outputTokens: 'gpt-image-1-table',
    endpoints: gptEndpoints({ inputFidelity: true }),
  },
  {
    id: 'gpt-image-1-mini',
    label: 'GPT Image 1 mini',
    family: 'gpt-image',
    status: 'deprecated',
    note: 'No input_fidelity.',
    aliases: [],
    outputTokens: 'gpt-image-1-mini-table',
    endpoints: gptEndpoints({ inputFidelity: false }),
  },
  {
    id: 'dall-e-3',
    label: 'DALL·E 3',
    family: 'dall-e',
    status: 'removed',
    note: 'Removed from OpenAI 2026-05-12; may live on in Azure and gateways. n = 1 only.',
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
    status: 'removed',
    note: 'Removed from OpenAI 2026-05-12; may live on in Azure and gateways. The only model with variations.',
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

export const MODEL_IDS = MODELS.map((m) => m.id);

/** The model OpenAI and the offline API default to in this playground (design.md "Defaults"). */
export const DEFAULT_MODEL: ModelId = 'gpt-image-2';

export function findModel(idOrAlias: string): ModelSpec | undefined {
  return MODELS.find((m) => m.id === idOrAlias || m.aliases.includes(idOrAlias));
}

export function getModel(id: ModelId): ModelSpec {
  const model = findModel(id);
  if (!model) throw new Error(`Unknown model ${id}`);
  return model;
}

export function modelsFor(endpoint: keyof ModelSpec['endpoints']): ModelSpec[] {
  return MODELS.filter((m) => m.endpoints[endpoint]);
}

/** Parameters only GPT image models take; their presence makes a model-less generation a GPT one (§1). */
export const GPT_ONLY_PARAMS = [
  'output_format',
  'output_compression',
  'background',
  'moderation',
  'stream',
  'partial_images',
  'input_fidelity',
] as const;

/**
 * The model a request without `model` gets, as the real API decides it (api-reference §1, §2):
 * generations default to dall-e-2 unless a GPT-only parameter is sent; edits default to gpt-image-1.5;
 * variations are dall-e-2 only.
 */
export function implicitModel(endpoint: 'generate' | 'edit' | 'variation', fields: Record<string, unknown>): ModelId {
  if (endpoint === 'variation') return 'dall-e-2';
  if (endpoint === 'edit') return 'gpt-image-1.5';
  const gptOnly = GPT_ONLY_PARAMS.some((p) => fields[p] !== undefined && fields[p] !== null);
  return gptOnly ? DEFAULT_MODEL : 'dall-e-2';
}
