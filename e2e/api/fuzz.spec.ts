/**
 * A bounded, seeded fuzz of every offline API route: malformed JSON, truncated multipart, huge fields, random
 * bytes under random content types, random field values and files that only look like images, by POST and GET.
 * Each request must get a JSON 4xx error in the spec's shape (or a 2xx where the input happens to be valid),
 * never a 5xx and never a hang; afterwards the server must still make a valid image.
 */
import { expect, test } from '@playwright/test';
import { AUTH, AZURE_API_VERSION, BASE, KEY, openaiClient } from './helpers/env';
import { encodeForm } from './helpers/http';
import { corruptPng, decode, fromB64, noiseBytes, patternPng } from './helpers/images';
import { specProblems } from './helpers/spec';

/** mulberry32: the same seed gives the same requests on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const rnd = prng(SEED);

const AZ = (op: string) => `/api/offline/openai/deployments/gpt-image-1/images/${op}?api-version=${AZURE_API_VERSION}`;
const POST_PATHS = ['/api/offline/v1/images/generations', '/api/offline/v1/images/edits', '/api/offline/v1/images/variations', AZ('generations'), AZ('edits'), AZ('variations')];
const GET_PATHS = ['/api/offline/v1/models', '/api/offline/v1/images/generations', '/api/offline/v1/images/edits', `/api/offline/images/${'ab'.repeat(16)}`, '/api/offline/images/..%2F..%2Fetc%2Fpasswd', '/api/offline/v1/nope', AZ('generations'), '/api/offline/openai/deployments/%00/images/edits?api-version=x'];
const CONTENT_TYPES = ['application/json', 'multipart/form-data', 'multipart/form-data; boundary=zzz', 'application/x-www-form-urlencoded', 'text/plain', 'image/png', 'application/octet-stream', 'application/json; charset=utf-16', ''];
const FIELDS = ['prompt', 'model', 'n', 'size', 'quality', 'output_format', 'output_compression', 'background', 'moderation', 'style', 'response_format', 'stream', 'partial_images', 'input_fidelity', 'user', 'image', 'mask', 'image[]', '__proto__', 'constructor'];
const VALUES: unknown[] = [
  'gpt-image-1', 'gpt-image-2', 'dall-e-2', 'dall-e-3', 'auto', 'low', 'png', 'jpeg', 'transparent', '1024x1024', '256x256', '99999x99999', '0x0', '-16x32',
  '', ' ', 'a cat', '\u0000', '\ud800', '🦦', 0, 1, 2, -1, 11, 1e309, 3.5, 2 ** 53, true, false, null, [], [1, 'a'], {}, { a: { b: [] } }, 'x'.repeat(5000),
];

interface Case {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

let images: { png: Buffer; corrupt: Buffer; hugeHeader: Buffer };

test.beforeAll(async () => {
  const png = await patternPng(64, 64);
  const hugeHeader = Buffer.from(png);
  hugeHeader.writeUInt32BE(60_000, 16);
  hugeHeader.writeUInt32BE(60_000, 20);
  images = { png, corrupt: await corruptPng(), hugeHeader };
});

/** Random fields; half of the time on top of a valid request, so the mutation reaches the renderer. */
function randomObject(): Record<string, unknown> {
  const valid = rnd.next() < 0.5;
  const o: Record<string, unknown> = valid ? { model: rnd.pick(['gpt-image-2.6-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2', 'gpt-image-1', 'dall-e-2']), prompt: 'a fox', quality: rnd.pick(['low', 'standard']) } : {};
  for (let i = 0, n = valid ? 1 : 1 + rnd.int(5); i < n; i++) o[rnd.pick(FIELDS)] = rnd.pick(VALUES);
  if (!valid && rnd.next() < 0.5) o.prompt = rnd.pick(['a fox', 'x', 'transparent sticker', ''] as const);
  return o;
}

/** A multipart edit or variation: random fields, and files that may only look like images, in the file fields. */
async function randomMultipart(path: string): Promise<{ body: Uint8Array; contentType: string }> {
  const f = new FormData();
  const fileFields = new Set(['image', 'image[]', 'mask']);
  // Often a clean edit or variation, so the files themselves are what the server must cope with.
  const clean = rnd.next() < 0.6;
  const variation = path.includes('variations');
  const model = rnd.pick(['gpt-image-2.6-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2', 'gpt-image-1', 'dall-e-2']);
  const fields: Record<string, unknown> = !clean ? randomObject() : variation ? {} : { model, prompt: 'a fox', quality: model === 'dall-e-2' ? 'standard' : 'low' };
  for (const [k, v] of Object.entries(fields)) if (!fileFields.has(k) && (typeof v !== 'object' || v === null)) f.append(k, String(v));
  const files = [images.png, images.corrupt, images.hugeHeader, noiseBytes(2048, rnd.int(1e9)), new Uint8Array(0), images.png.subarray(0, 40)].map((b) => new Uint8Array(b));
  f.append(rnd.pick(['image', 'image[]', 'image[]']), new Blob([rnd.pick(files)]), rnd.pick(['a.png', 'unknown_file', 'x.jpg', '../../x.png']));
  if (rnd.next() < 0.3) f.append(rnd.pick(['image[]', 'mask', 'photo']), new Blob([rnd.pick(files)]), 'b.png');
  const { bytes, contentType } = await encodeForm(f);
  return { body: bytes, contentType };
}

/** One random case of `kind`. */
async function makeCase(kind: number): Promise<Case> {
  const path = rnd.pick(POST_PATHS);
  const auth = rnd.next() < 0.9 ? { ...AUTH, 'api-key': KEY } : {};
  const json = (name: string, body: string): Case => ({ name, method: 'POST', path, headers: { ...auth, 'content-type': 'application/json' }, body });
  switch (kind) {
    case 0: {
      const text = JSON.stringify(randomObject());
      return json('malformed JSON (truncated)', text.slice(0, rnd.int(text.length)));
    }
    case 1: {
      const bytes = Buffer.from(JSON.stringify(randomObject()));
      for (let i = 0; i < 3; i++) bytes[rnd.int(bytes.length)] = rnd.int(256);
      return { name: 'malformed JSON (bytes flipped)', method: 'POST', path, headers: { ...auth, 'content-type': 'application/json' }, body: bytes };
    }
    case 2: {
      const { body, contentType } = await randomMultipart(path);
      return { name: 'truncated multipart', method: 'POST', path, headers: { ...auth, 'content-type': contentType }, body: body.subarray(0, rnd.int(body.length)) };
    }
    case 3: {
      const filePath = rnd.pick(POST_PATHS.filter((p) => !p.includes('generations')));
      const { body, contentType } = await randomMultipart(filePath);
      return { name: 'random multipart', method: 'POST', path: filePath, headers: { ...auth, 'content-type': contentType }, body };
    }
    case 4: {
      // Any route, by any method that carries a body.
      const method = rnd.pick(['POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE']);
      return { name: 'random bytes, random content type', method, path: rnd.pick([...POST_PATHS, ...GET_PATHS]), headers: { ...auth, 'content-type': rnd.pick(CONTENT_TYPES) }, body: noiseBytes(1 + rnd.int(20_000), rnd.int(1e9)) };
    }
    case 5:
      return json('random JSON fields', JSON.stringify(randomObject()));
    case 6:
      return { name: 'GET with random query', method: 'GET', path: `${rnd.pick(GET_PATHS)}${rnd.next() < 0.5 ? `&q=${rnd.int(1e6)}` : ''}`, headers: auth };
    default:
      return json('JSON of another type', rnd.pick(['[]', '"x"', '42', 'null', 'true', '{"prompt":{"$gt":""}}', '{"prompt":"x","prompt":"y"}', '\ufeff{"prompt":"x"}']));
  }
}

/** The fixed heavy cases: huge fields and deep nesting. */
function heavyCases(): Case[] {
  const headers = { ...AUTH, 'api-key': KEY, 'content-type': 'application/json' };
  const many: Record<string, string> = {};
  for (let i = 0; i < 10_000; i++) many[`f${i}`] = 'x';
  const manyForm = new FormData();
  for (let i = 0; i < 10_000; i++) manyForm.append(`f${i}`, 'x');
  const bigForm = new FormData();
  bigForm.append('prompt', 'p'.repeat(3 * 1024 * 1024));
  bigForm.append('model', 'gpt-image-2.6-sunburst');
  const cases: Case[] = [];
  for (const path of POST_PATHS) {
    cases.push({ name: '3 MB prompt (JSON)', method: 'POST', path, headers, body: JSON.stringify({ model: 'gpt-image-2.6-sunburst', prompt: 'p'.repeat(3 * 1024 * 1024) }) });
    cases.push({ name: '10k fields (JSON)', method: 'POST', path, headers, body: JSON.stringify({ prompt: 'x', ...many }) });
    cases.push({ name: 'deep nesting', method: 'POST', path, headers, body: `{"prompt":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
    cases.push({ name: '3 MB prompt (multipart)', method: 'POST', path, headers: { ...AUTH, 'api-key': KEY }, body: bigForm as unknown as string });
    cases.push({ name: '10k fields (multipart)', method: 'POST', path, headers: { ...AUTH, 'api-key': KEY }, body: manyForm as unknown as string });
  }
  return cases;
}

async function send(c: Case): Promise<string | null> {
  const started = Date.now();
  try {
    const res = await fetch(`${BASE}${c.path}`, { method: c.method, headers: c.headers, body: c.body as BodyInit | undefined, signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    const what = `${c.name}: ${c.method} ${c.path} -> ${res.status} ${text.slice(0, 160)}`;
    if (res.status >= 500) return what;
    if (res.status >= 400) {
      if (!/^application\/json/.test(res.headers.get('content-type') ?? '')) return `${what} (not JSON)`;
      const problems = specProblems('ErrorResponse', JSON.parse(text));
      if (problems.length) return `${what} ${problems.join('; ')}`;
    } else if (res.status < 200 || res.status >= 300) {
      return what;
    }
    return null;
  } catch (e) {
    return `${c.name}: ${c.method} ${c.path} threw after ${Date.now() - started} ms: ${String(e)}`;
  }
}

test(`fuzz: a few hundred malformed requests at every route get 4xx JSON errors, never 5xx or a hang (seed ${SEED})`, async () => {
  test.setTimeout(180_000);
  const cases: Case[] = heavyCases();
  // Every kind in turn, random multipart (the files reach the decoder) twice as often.
  const kinds = [0, 1, 2, 3, 3, 4, 5, 6, 7];
  for (let i = 0; i < 315; i++) cases.push(await makeCase(kinds[i % kinds.length]));
  const failures: string[] = [];
  // A few at a time, as several clients would.
  for (let i = 0; i < cases.length; i += 6) {
    const results = await Promise.all(cases.slice(i, i + 6).map(send));
    failures.push(...results.filter((r): r is string => r !== null));
  }
  expect(cases.length).toBeGreaterThan(300);
  expect(failures, `${failures.length} of ${cases.length} requests misbehaved`).toEqual([]);
});

test('after the fuzz the server still makes a valid image', async () => {
  const res = await openaiClient().images.generate({ model: 'gpt-image-2.6-sunburst', prompt: 'still standing', quality: 'low', size: '1024x1024' });
  expect(await decode(fromB64(res.data![0].b64_json))).toMatchObject({ format: 'png', width: 1024, height: 1024 });
});
