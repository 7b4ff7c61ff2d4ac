/**
 * Plain fetch against the offline API (what the SDK will not send: bad bodies, missing keys, odd methods),
 * SSE reading, and the one assertion every error answer gets: status, JSON content type, the spec's
 * ErrorResponse shape, and the param/code/type it should name.
 */
import { expect } from '@playwright/test';
import { AUTH, V1 } from './env';
import { expectSpec } from './spec';

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${V1}${path}`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A multipart form; an array under `image[]` becomes repeated parts, as the SDK sends them. */
export function form(fields: Record<string, string | number | boolean | Blob | Blob[]>): FormData {
  const f = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v instanceof Blob) f.append(name, v, v instanceof File ? v.name : `${name.replace('[]', '')}.png`);
      else f.append(name, String(v));
    }
  }
  return f;
}

export function png(bytes: Uint8Array, name = 'image.png', type = 'image/png'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

export function postForm(path: string, body: FormData, headers: Record<string, string> = {}, base = V1): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { ...AUTH, ...headers }, body });
}

/** The form encoded to bytes with its boundary, for tests that tamper with the wire. */
export async function encodeForm(body: FormData): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const r = new Response(body);
  return { bytes: new Uint8Array(await r.arrayBuffer()), contentType: r.headers.get('content-type')! };
}

export interface ExpectedError {
  param?: string | null;
  code?: string | null;
  type?: string;
  message?: RegExp;
}

/** Assert an OpenAI-shaped error answer and return its `error` object. */
export async function expectApiError(res: Response, status: number, want: ExpectedError = {}) {
  const text = await res.text();
  expect(res.status, `status for ${text.slice(0, 300)}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  const body = JSON.parse(text);
  expectSpec('ErrorResponse', body);
  const e = body.error as { message: string; type: string; param: string | null; code: string | null };
  if (want.param !== undefined) expect(e.param, e.message).toBe(want.param);
  if (want.code !== undefined) expect(e.code, e.message).toBe(want.code);
  if (want.type !== undefined) expect(e.type, e.message).toBe(want.type);
  if (want.message) expect(e.message).toMatch(want.message);
  return e;
}

export interface SseRecord {
  event: string | null;
  data: string;
}

/** Split an SSE body into records the way openai-node does (blank-line separated; `event:` and `data:` fields). */
export function parseSse(text: string): SseRecord[] {
  const records: SseRecord[] = [];
  for (const chunk of text.split(/\r\n\r\n|\n\n|\r\r/)) {
    if (!chunk.trim()) continue;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of chunk.split(/\r\n|\n|\r/)) {
      if (line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      if (field === 'data') data.push(value);
    }
    records.push({ event, data: data.join('\n') });
  }
  return records;
}
