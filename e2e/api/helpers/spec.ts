/**
 * Validate wire data against the official OpenAI OpenAPI spec, vendored in e2e/fixtures/openapi/ (MIT, from
 * openai/openai-openapi; its LICENSE and origin are beside it).
 * The 3 MB YAML is parsed once per worker and kept in module scope; schemas compile on first use.
 * OpenAPI 3.1 is close to JSON Schema 2020-12: the whole `components.schemas` is registered under one $id so
 * its `#/components/schemas/X` refs resolve as they are, and the OpenAPI 3.0 leftover `nullable` is rewritten
 * (Ajv refuses `nullable` without a sibling `type`, which the spec has on e.g. `model`).
 */
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';

export const SPEC_PATH = new URL('../../fixtures/openapi/openai-openapi.yaml', import.meta.url);
const ID = 'https://offline.test/openai-openapi.json';

export type SchemaName =
  | 'CreateImageRequest'
  | 'CreateImageEditRequest'
  | 'CreateImageVariationRequest'
  | 'ImagesResponse'
  | 'ImageGenPartialImageEvent'
  | 'ImageGenCompletedEvent'
  | 'ImageEditPartialImageEvent'
  | 'ImageEditCompletedEvent'
  | 'ErrorResponse';

/** `nullable: true` (OpenAPI 3.0) becomes `anyOf: [schema, {type: null}]`; `nullable: false` goes. */
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = rewriteNullable(v);
  if (typeof out.nullable !== 'boolean') return out;
  const nullable = out.nullable;
  delete out.nullable;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function load(): Ajv2020 {
  if (ajv) return ajv;
  const doc = YAML.parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const instance = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);
  addFormats(instance);
  // Formats the spec uses that ajv-formats does not know.
  instance.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
  instance.addFormat('binary', true);
  instance.addSchema({ $id: ID, components: { schemas: rewriteNullable(doc.components.schemas) } });
  ajv = instance;
  return instance;
}

export function schema(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = load().getSchema(`${ID}#/components/schemas/${name}`);
    if (!v) throw new Error(`schema ${name} not found in the spec`);
    compiled.set(name, v);
  }
  return v;
}

/** The spec's problems with `value` as readable lines, or [] when it conforms. */
export function specProblems(name: SchemaName, value: unknown): string[] {
  const v = schema(name);
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${name}${e.instancePath || ''} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

export function expectSpec(name: SchemaName, value: unknown): void {
  expect(specProblems(name, value), `${name} should conform to the OpenAPI spec`).toEqual([]);
}

/**
 * The spec's ImagesResponse and stream events list only the three classic sizes; gpt-image-2's custom sizes
 * (e.g. 3840x2160) are checked everywhere else, so leave `size` out of the schema check for those.
 */
export function withClassicSize<T extends { size?: unknown }>(body: T): T {
  const classic = ['1024x1024', '1024x1536', '1536x1024', 'auto'];
  if (typeof body.size !== 'string' || classic.includes(body.size)) return body;
  const { size: _size, ...rest } = body;
  return rest as T;
}

/** A multipart body as the spec sees it: files as binary strings, `image[]` as the `image` array, numbers and booleans typed. */
export function formAsSpecObject(form: FormData, integers: readonly string[] = ['n', 'output_compression', 'partial_images']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const images: string[] = [];
  for (const [name, value] of form.entries()) {
    const v = typeof value === 'string' ? value : `<file ${value.size} bytes>`;
    if (name === 'image[]') images.push(v);
    else if (integers.includes(name) && /^-?\d+$/.test(v)) out[name] = Number(v);
    else if (name === 'stream' && (v === 'true' || v === 'false')) out[name] = v === 'true';
    else out[name] = v;
  }
  if (images.length) out.image = images;
  return out;
}
