/**
 * The SSE reader against streams whose chunking the test controls: a record may arrive in any number of pieces
 * (a network splits anywhere, even inside a `\r\n` or a multi-byte character), comments stamp the next record
 * only, `[DONE]` ends nothing by itself, and what goes wrong (a record that is not JSON, a record without its
 * image, a cut connection) rejects instead of passing as a complete stream.
 */
import { describe, expect, it } from 'vitest';
import { readSse, type SseRecord } from './sse.server';

const utf8 = new TextEncoder();

/** A Response whose body delivers exactly `chunks`, then closes (or errors with `fail`). */
function responseOf(chunks: Uint8Array[], fail?: Error) {
  let cancelled: unknown = 'not cancelled';
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(ctl) {
      if (pulled < chunks.length) ctl.enqueue(chunks[pulled++]);
      else if (fail) ctl.error(fail);
      else ctl.close();
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  return { response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }), cancelled: () => cancelled, pulled: () => pulled };
}

/** `text` as bytes cut at the given offsets (of the encoded bytes, so a cut may fall inside a character). */
function cut(text: string | Uint8Array, at: number[]): Uint8Array[] {
  const bytes = typeof text === 'string' ? utf8.encode(text) : text;
  const points = [0, ...at, bytes.length];
  return points.slice(1).map((end, i) => bytes.slice(points[i], end));
}

async function read(chunks: Uint8Array[], fail?: Error) {
  const got: SseRecord[] = [];
  const source = responseOf(chunks, fail);
  let error: unknown;
  try {
    await readSse(source.response, (r) => got.push(r));
  } catch (e) {
    error = e;
  }
  return { got, error, cancelled: source.cancelled() };
}

const partial = { type: 'image_generation.partial_image', b64_json: 'iVBORw0KGgo=', partial_image_index: 0 };
const completed = { type: 'image_generation.completed', b64_json: 'iVBORw0KGgoAAAA=', revised_prompt: '水獺 🦦 reading', usage: { output_tokens: 272 } };

/** An Images stream as the offline API writes it: emitted-at stamps, a keep-alive, named events, `[DONE]`. */
function imagesStream(eol: string): string {
  return [
    `: emitted-at 123${eol}`,
    `event: image_generation.partial_image${eol}data: ${JSON.stringify(partial)}${eol}${eol}`,
    `: keep-alive${eol}${eol}`,
    `: emitted-at 456${eol}`,
    `event: image_generation.completed${eol}data: ${JSON.stringify(completed)}${eol}${eol}`,
    `data: [DONE]${eol}${eol}`,
  ].join('');
}

const EXPECTED: SseRecord[] = [
  { type: 'image_generation.partial_image', data: partial, emittedAt: 123 },
  { type: 'image_generation.completed', data: completed, emittedAt: 456 },
];

describe('records split across chunks', () => {
  it.each([['LF', '\n'], ['CRLF', '\r\n']])('gives the same records whichever byte the stream is cut at (%s line ends)', async (_, eol) => {
    const bytes = utf8.encode(imagesStream(eol));
    expect(await read([bytes])).toEqual({ got: EXPECTED, error: undefined, cancelled: 'not cancelled' });
    for (let i = 1; i < bytes.length; i++) {
      const { got, error } = await read(cut(bytes, [i]));
      expect(error, `cut at byte ${i}`).toBeUndefined();
      expect(got, `cut at byte ${i}`).toEqual(EXPECTED);
    }
  });

  it('gives the same records one byte at a time, and cut in three at every pair of boundaries near a CRLF and a character', async () => {
    const bytes = utf8.encode(imagesStream('\r\n'));
    expect((await read(cut(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)))).got).toEqual(EXPECTED);
    // Around the completed record's first CRLF and its multi-byte revised prompt (水 is 3 bytes, 🦦 is 4).
    const text = imagesStream('\r\n');
    const crlf = utf8.encode(text.slice(0, text.indexOf('\r\n', text.indexOf('event: image_generation.completed')))).length;
    const otter = utf8.encode(text.slice(0, text.indexOf('水'))).length;
    for (const a of [crlf - 1, crlf, crlf + 1, crlf + 2]) {
      for (const b of [otter, otter + 1, otter + 2, otter + 3, otter + 9, otter + 10, otter + 11]) {
        expect((await read(cut(bytes, [a, b]))).got, `cut at ${a} and ${b}`).toEqual(EXPECTED);
      }
    }
  });

  it('splits a comment line itself across chunks and still stamps the record after it', async () => {
    const text = ': emitted-at 987654321\nevent: x\ndata: {"type":"image_generation.partial_image","b64_json":"AA=="}\n\n';
    for (let i = 1; i < ': emitted-at 987654321\n'.length; i++) {
      const { got } = await read(cut(text, [i]));
      expect(got, `cut at ${i}`).toEqual([{ type: 'image_generation.partial_image', data: { type: 'image_generation.partial_image', b64_json: 'AA==' }, emittedAt: 987654321 }]);
    }
  });

  it('joins a record whose data spans several data: lines, as the SSE format says (with a newline)', async () => {
    const { got } = await read(cut('event: response.completed\ndata: {"type":\ndata: "response.completed", "n": 1}\n\n', [20]));
    expect(got).toEqual([{ type: 'response.completed', data: { type: 'response.completed', n: 1 }, emittedAt: undefined }]);
  });

  it('reads lone CR line ends too', async () => {
    const { got } = await read([utf8.encode(imagesStream('\r'))]);
    expect(got).toEqual(EXPECTED);
  });
});

describe('comments', () => {
  it('stamp only the record right after them; a record without a stamp has none, other comments change nothing', async () => {
    const text = [
      ': emitted-at 10\n',
      ': keep-alive\n',
      'data: {"type":"a"}\n\n',
      'data: {"type":"b"}\n\n',
      ':emitted-at 30\n',
      'data: {"type":"c"}\n\n',
      ': emitted-at not-a-number\n',
      'data: {"type":"d"}\n\n',
    ].join('');
    const { got } = await read(cut(text, [5, 40, 41]));
    expect(got.map((r) => [r.type, r.emittedAt])).toEqual([['a', 10], ['b', undefined], ['c', 30], ['d', undefined]]);
  });

  it('a stream of nothing but keep-alive comments ends with no record and no error', async () => {
    expect(await read(cut(': keep-alive\n\n: keep-alive\n\n', [3, 14]))).toEqual({ got: [], error: undefined, cancelled: 'not cancelled' });
  });
});

describe('type and [DONE]', () => {
  it("takes the type from the JSON, else from the event: name, else ''", async () => {
    const { got } = await read([utf8.encode('event: named\ndata: {"type":"inner"}\n\nevent: named\ndata: {"n":1}\n\ndata: {"n":2}\n\n')]);
    expect(got.map((r) => r.type)).toEqual(['inner', 'named', '']);
  });

  it('skips data: [DONE] (the Responses and Chat streams end with it) without a record or an error', async () => {
    const { got, error } = await read(cut('data: {"type":"a"}\n\ndata: [DONE]\n\n', [22]));
    expect(error).toBeUndefined();
    expect(got.map((r) => r.type)).toEqual(['a']);
  });
});

describe('what goes wrong rejects', () => {
  it('a record that is not JSON: rejects with an error naming the record (event and the start of its data), after the records before it', async () => {
    const bad = 'event: image_generation.partial_image\ndata: {"type":"image_generation.partial_image","b64_json":"iVBOR\n\n';
    const after = 'event: image_generation.completed\ndata: {"type":"image_generation.completed","b64_json":"AA=="}\n\n';
    const { got, error } = await read(cut(`data: {"type":"first"}\n\n${bad}${after}`, [30]));
    expect(got.map((r) => r.type)).toEqual(['first']);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SyntaxError);
    const message = (error as Error).message;
    expect(message).toContain('image_generation.partial_image');
    // The start of its data, in whatever quoting the message uses.
    expect(message).toMatch(/b64_json.{0,6}iVBOR/);
  });

  it('a record without b64_json is delivered as it came; when the consumer refuses it, readSse rejects with that error and delivers nothing after', async () => {
    const text = [
      'event: image_generation.partial_image\ndata: {"type":"image_generation.partial_image","partial_image_index":0}\n\n',
      `event: image_generation.completed\ndata: ${JSON.stringify(completed)}\n\n`,
    ].join('');
    const got: SseRecord[] = [];
    const refusal = new Error('image_generation.partial_image has no b64_json');
    const source = responseOf(cut(text, [10, 150]));
    const read = readSse(source.response, (r) => {
      got.push(r);
      if (typeof r.data.b64_json !== 'string') throw refusal;
    });
    await expect(read).rejects.toBe(refusal);
    expect(got).toEqual([{ type: 'image_generation.partial_image', data: { type: 'image_generation.partial_image', partial_image_index: 0 }, emittedAt: undefined }]);
  });

  it('a connection cut mid-record rejects with the transport error; the records before it arrived, the half record did not', async () => {
    const cutOff = new TypeError('terminated');
    const text = `data: ${JSON.stringify(partial)}\n\nevent: image_generation.completed\ndata: {"type":"image_generation.comp`;
    const { got, error } = await read(cut(text, [17, 60]), cutOff);
    expect(error).toBe(cutOff);
    expect(got).toEqual([{ type: 'image_generation.partial_image', data: partial, emittedAt: undefined }]);
  });

  it('a body that closes in the middle of a record ends without delivering the half record (the caller sees no completed event)', async () => {
    const text = `data: ${JSON.stringify(partial)}\n\nevent: image_generation.completed\ndata: ${JSON.stringify(completed)}\n`;
    const { got, error } = await read(cut(text, [100]));
    expect(error).toBeUndefined();
    expect(got.map((r) => r.type)).toEqual(['image_generation.partial_image']);
  });
});
