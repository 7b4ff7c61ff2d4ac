import 'server-only';
/**
 * Read and check a `POST /responses` body for the offline API: the main model, the `image_generation` tool and
 * its options (api-reference §6.1, checked with the registry's `responses` caps), `tool_choice`, and the input
 * (a string, or messages with `input_text` / `input_image` parts and `image_generation_call` references).
 * Errors are OpenAI-shaped and name the param by its path, e.g. `tools[0].quality`, `input[0].content[1].file_id`.
 */
import { ApiError, invalid, listValues, wrongType } from '../../errors/api-error';
import type { CapsNarrowing } from '../../models/caps';
import type { Background, InputFidelity, ModelId, Moderation, OutputFormat, Quality } from '../../models/types';
import { validateImageRequest } from '../../models/validate';
import { checkImageModel, checkMainModel } from '../lineup.server';

const KNOWN_FIELDS = [
  'model', 'input', 'tools', 'tool_choice', 'previous_response_id', 'stream', 'instructions', 'metadata', 'store',
  'temperature', 'top_p', 'parallel_tool_calls', 'user', 'text', 'max_output_tokens', 'max_tool_calls', 'reasoning',
  'truncation', 'include', 'service_tier', 'background', 'prompt_cache_key', 'safety_identifier', 'stream_options',
];

const TOOL_FIELDS = ['type', 'model', 'quality', 'size', 'background', 'output_format', 'output_compression', 'moderation', 'partial_images', 'input_fidelity', 'input_image_mask', 'action'];
const ACTIONS = ['generate', 'edit', 'auto'] as const;
export type Action = (typeof ACTIONS)[number];

/** Where an input image comes from, before it is fetched and decoded. */
export type ImageRef =
  | { kind: 'data_url'; url: string; param: string }
  | { kind: 'file'; id: string; param: string }
  | { kind: 'call'; id: string; param: string };

export interface ImageTool {
  /** As the request gave it, echoed in `tools`. */
  raw: Record<string, unknown>;
  /** The registry's id, for its rules. */
  model: ModelId;
  /** As asked (a dated snapshot stays one), echoed in `tools`. */
  modelName: string;
  quality?: Quality;
  size: string;
  background?: Background;
  outputFormat?: OutputFormat;
  outputCompression?: number;
  moderation?: Moderation;
  partialImages: number;
  inputFidelity?: InputFidelity;
  mask?: ImageRef;
  action: Action;
}

export interface ResponsesRequest {
  model: string;
  /** The user's text of this turn, joined. */
  prompt: string;
  images: ImageRef[];
  tool: ImageTool | null;
  /** Echoed as given (default `auto`). */
  toolChoice: unknown;
  /** The tool is to be called: not `tool_choice: none`. */
  callTool: boolean;
  previousResponseId?: string;
  stream: boolean;
  instructions: string | null;
  metadata: Record<string, string>;
  temperature: number;
  topP: number;
  store: boolean;
  user?: string;
}

export interface ParseOptions {
  /** Azure: `model` is a deployment name (any), the tool model comes from a header. */
  azure?: { imageDeployment: string | null };
  narrowing?: CapsNarrowing;
  /** Serve models OpenAI shut down (lineup.server.ts); Azure always does. */
  retired?: boolean;
  /** The image models the tool may name (the validator's `models`). */
  models?: readonly ModelId[];
}

/** The tool's default model in the spec (OAPI-0821 ImageGenTool), shut down on OpenAI 2026-10-23 (api-2026-12 §4). */
const TOOL_DEFAULT_MODEL = 'gpt-image-1';

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}


function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function readImageRef(obj: Record<string, unknown>, param: string): ImageRef {
  const url = obj.image_url;
  const fileId = obj.file_id;
  if (present(url) && present(fileId)) throw invalid(param, 'invalid_value', `Invalid '${param}': give either 'image_url' or 'file_id', not both.`);
  if (present(fileId)) {
    if (typeof fileId !== 'string') throw wrongType(`${param}.file_id`, 'a string', fileId);
    return { kind: 'file', id: fileId, param: `${param}.file_id` };
  }
  if (!present(url)) throw invalid(param, 'missing_required_parameter', `Missing required parameter: '${param}.image_url' (or '${param}.file_id').`);
  if (typeof url !== 'string') throw wrongType(`${param}.image_url`, 'a string', url);
  if (/^https?:\/\//i.test(url)) {
    throw invalid(`${param}.image_url`, 'invalid_image_url', `Invalid '${param}.image_url': the offline image API does not download images; send a base64 data URL (data:image/png;base64,...) or a file_id from POST /files.`);
  }
  return { kind: 'data_url', url, param: `${param}.image_url` };
}

function readContent(content: unknown, param: string, texts: string[], images: ImageRef[]): void {
  if (typeof content === 'string') {
    texts.push(content);
    return;
  }
  if (!Array.isArray(content)) throw wrongType(param, 'a string or an array', content);
  content.forEach((part, j) => {
    const p = `${param}[${j}]`;
    if (!isObject(part)) throw wrongType(p, 'an object', part);
    switch (part.type) {
      case 'input_text':
      case 'output_text':
        if (typeof part.text !== 'string') throw wrongType(`${p}.text`, 'a string', part.text);
        if (part.type === 'input_text') texts.push(part.text);
        return;
      case 'input_image':
        if (present(part.detail) && !['low', 'high', 'auto', 'original'].includes(part.detail as string)) {
          throw invalid(`${p}.detail`, 'invalid_value', `Invalid value: '${clip(String(part.detail))}'. Supported values are: 'low', 'high', 'auto', and 'original'.`);
        }
        images.push(readImageRef(part, p));
        return;
      default:
        throw invalid(`${p}.type`, 'invalid_value', `Invalid value: '${clip(String(part.type))}'. Supported values are: 'input_text' and 'input_image' (the offline API takes no files or audio).`);
    }
  });
}

function readInput(input: unknown, texts: string[], images: ImageRef[]): void {
  if (typeof input === 'string') {
    texts.push(input);
    return;
  }
  if (!Array.isArray(input)) throw wrongType('input', 'a string or an array', input);
  input.forEach((item, i) => {
    const p = `input[${i}]`;
    if (!isObject(item)) throw wrongType(p, 'an object', item);
    // An image call by id: the guide's `{type: "image_generation_call", id}`, the SDK's typed item (with status
    // and result), or the spec's generic `{type: "item_reference", id}` (type may be null) pointing at one.
    const reference = item.type === 'item_reference' || (item.type === null && !present(item.role));
    if (item.type === 'image_generation_call' || reference) {
      if (typeof item.id !== 'string') throw wrongType(`${p}.id`, 'a string', item.id);
      images.push({ kind: 'call', id: item.id, param: `${p}.id` });
      return;
    }
    if (present(item.type) && item.type !== 'message') {
      throw invalid(`${p}.type`, 'invalid_value', `Invalid value: '${clip(String(item.type))}'. The offline API takes 'message', 'image_generation_call' and 'item_reference' input items.`);
    }
    if (!['user', 'assistant', 'system', 'developer'].includes(item.role as string)) {
      throw invalid(`${p}.role`, 'invalid_value', `Invalid value: '${clip(String(item.role))}'. Supported values are: 'user', 'assistant', 'system', and 'developer'.`);
    }
    if (item.role === 'user') readContent(item.content, `${p}.content`, texts, images);
    else if (typeof item.content !== 'string' && !Array.isArray(item.content)) throw wrongType(`${p}.content`, 'a string or an array', item.content);
  });
}

/** Check the tool's image options with the registry (as an edit would be), renaming params to `tools[i].…`. */
function readTool(raw: Record<string, unknown>, index: number, opts: ParseOptions): ImageTool {
  const param = `tools[${index}]`;
  for (const key of Object.keys(raw)) {
    if (!TOOL_FIELDS.includes(key)) throw invalid(`${param}.${key}`, 'unknown_parameter', `Unknown parameter: '${param}.${clip(key)}'.`);
  }
  let model = raw.model ?? TOOL_DEFAULT_MODEL;
  if (opts.azure) {
    if (!opts.azure.imageDeployment) {
      throw invalid(null, 'missing_required_header', "The image_generation tool needs the 'x-ms-oai-image-generation-deployment' header naming a GPT image deployment (on the offline API, deployments are named after models, e.g. gpt-image-1, or in OFFLINE_AZURE_DEPLOYMENTS).");
    }
    model = opts.azure.imageDeployment;
  }
  if (typeof model !== 'string') throw wrongType(`${param}.model`, 'a string', model);
  if (!opts.azure) {
    const defaulted = raw.model === undefined || raw.model === null;
    checkImageModel(model, opts.retired ?? false, `${param}.model`, defaulted ? ` It is the image_generation tool's default model: set '${param}.model'.` : '');
  }
  const fields: Record<string, unknown> = { model };
  for (const k of ['quality', 'size', 'background', 'output_format', 'output_compression', 'moderation', 'partial_images', 'input_fidelity']) {
    if (present(raw[k])) fields[k] = raw[k];
  }
  // The playground's own validator, on the tool's endpoint in the registry (what the chat checks before sending).
  let req;
  try {
    req = validateImageRequest('responses', fields, { narrowing: opts.narrowing, paramPrefix: `${param}.`, models: opts.models });
  } catch (e) {
    // Azure names the tool's model in a header, not in a field.
    if (opts.azure && e instanceof ApiError && e.param === `${param}.model`) throw new ApiError(e.status, { ...e.toBody().error, param: null }, e.headers);
    throw e;
  }
  const action = raw.action ?? 'auto';
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    throw invalid(`${param}.action`, 'invalid_value', `Invalid value: '${clip(String(action))}'. Supported values are: ${listValues(ACTIONS)}.`);
  }
  let mask: ImageRef | undefined;
  if (present(raw.input_image_mask)) {
    if (!isObject(raw.input_image_mask)) throw wrongType(`${param}.input_image_mask`, 'an object', raw.input_image_mask);
    for (const key of Object.keys(raw.input_image_mask)) {
      if (key !== 'image_url' && key !== 'file_id') throw invalid(`${param}.input_image_mask.${key}`, 'unknown_parameter', `Unknown parameter: '${param}.input_image_mask.${clip(key)}'.`);
    }
    mask = readImageRef(raw.input_image_mask, `${param}.input_image_mask`);
  }
  return {
    raw,
    model: req.model,
    modelName: req.modelName,
    quality: req.quality,
    size: req.size,
    background: req.background,
    outputFormat: req.outputFormat,
    outputCompression: req.outputCompression,
    moderation: req.moderation,
    partialImages: req.partialImages,
    inputFidelity: req.inputFidelity,
    mask,
    action: action as Action,
  };
}

function readNumber(fields: Record<string, unknown>, name: string, min: number, max: number, dflt: number): number {
  const v = fields[name];
  if (!present(v)) return dflt;
  if (typeof v !== 'number') throw wrongType(name, 'a number', v);
  if (v < min || v > max) throw invalid(name, v > max ? 'decimal_above_max_value' : 'decimal_below_min_value', `Invalid '${name}': expected a value between ${min} and ${max}, but got ${v} instead.`);
  return v;
}

export function parseResponsesRequest(fields: Record<string, unknown>, opts: ParseOptions = {}): ResponsesRequest {
  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.includes(key)) throw invalid(key, 'unknown_parameter', `Unknown parameter: '${clip(key)}'.`);
  }
  const model = fields.model;
  if (!present(model)) throw invalid('model', 'missing_required_parameter', "Missing required parameter: 'model'.");
  if (typeof model !== 'string') throw wrongType('model', 'a string', model);
  // OpenAI: a main model the offline API serves and OpenAI has not shut down, else 404 model_not_found (the real
  // service's answer for a model it does not have). Azure: `model` is a deployment name, any will do.
  if (!opts.azure) checkMainModel(model, opts.retired ?? false);

  let tool: ImageTool | null = null;
  if (present(fields.tools)) {
    if (!Array.isArray(fields.tools)) throw wrongType('tools', 'an array', fields.tools);
    fields.tools.forEach((t, i) => {
      if (!isObject(t)) throw wrongType(`tools[${i}]`, 'an object', t);
      if (t.type !== 'image_generation') {
        throw invalid(`tools[${i}].type`, 'invalid_value', `Invalid value: '${clip(String(t.type))}'. The offline API offers only the 'image_generation' tool.`);
      }
      if (tool) throw invalid(`tools[${i}]`, 'invalid_value', `Invalid 'tools[${i}]': the image_generation tool may be given once.`);
      tool = readTool(t, i, opts);
    });
  }

  const toolChoice = fields.tool_choice ?? 'auto';
  let callTool = true;
  if (typeof toolChoice === 'string') {
    if (!['auto', 'required', 'none'].includes(toolChoice)) {
      throw invalid('tool_choice', 'invalid_value', `Invalid value: '${clip(toolChoice)}'. Supported values are: 'none', 'auto', and 'required'.`);
    }
    callTool = toolChoice !== 'none';
  } else if (isObject(toolChoice)) {
    if (toolChoice.type !== 'image_generation') {
      throw invalid('tool_choice.type', 'invalid_value', `Invalid value: '${clip(String(toolChoice.type))}'. The offline API can force only {"type": "image_generation"}.`);
    }
  } else throw wrongType('tool_choice', 'a string or an object', toolChoice);
  if (!tool && toolChoice !== 'none') {
    const forced = isObject(toolChoice) || toolChoice === 'required';
    throw invalid(forced ? 'tool_choice' : 'tools', forced ? 'invalid_value' : 'missing_required_parameter',
      forced ? "Tool choice 'image_generation' not found in 'tools' parameter." : "The offline image API answers with the image_generation tool only: add tools: [{type: 'image_generation'}].");
  }

  if (!present(fields.input) && !present(fields.previous_response_id)) throw invalid('input', 'missing_required_parameter', "Missing required parameter: 'input'.");
  const texts: string[] = [];
  const images: ImageRef[] = [];
  if (present(fields.input)) readInput(fields.input, texts, images);
  const prompt = texts.join('\n').trim();

  const prev = fields.previous_response_id;
  if (present(prev) && typeof prev !== 'string') throw wrongType('previous_response_id', 'a string', prev);
  const instructions = fields.instructions;
  if (present(instructions) && typeof instructions !== 'string') throw wrongType('instructions', 'a string', instructions);
  const stream = fields.stream ?? false;
  if (typeof stream !== 'boolean') throw wrongType('stream', 'a boolean', stream);
  const store = fields.store ?? true;
  if (typeof store !== 'boolean') throw wrongType('store', 'a boolean', store);
  const metadata = fields.metadata ?? {};
  if (!isObject(metadata) || Object.values(metadata).some((v) => typeof v !== 'string')) throw wrongType('metadata', 'an object of strings', metadata);
  const user = fields.user;
  if (present(user) && typeof user !== 'string') throw wrongType('user', 'a string', user);

  if (!prompt && !images.length && !present(prev)) throw invalid('input', 'empty_string', "Invalid 'input': it holds no text and no image; say what to draw.");

  return {
    model,
    prompt,
    images,
    tool,
    toolChoice,
    callTool: callTool && !!tool,
    previousResponseId: prev as string | undefined,
    stream,
    instructions: (instructions as string | undefined) ?? null,
    metadata: metadata as Record<string, string>,
    temperature: readNumber(fields, 'temperature', 0, 2, 1),
    topP: readNumber(fields, 'top_p', 0, 1, 1),
    store,
    user: user as string | undefined,
  };
}
