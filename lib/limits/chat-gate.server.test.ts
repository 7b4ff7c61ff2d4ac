import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProvider } from '../providers/configured.server';
import type { ChatEvent } from '../chat/events';
import { validateImageRequest } from '../models/validate';
import { admitChat } from './chat-gate.server';

const bytes = new Uint8Array([1, 2, 3]);
let auditFile = '';
const saved = { ...process.env };

beforeEach(() => {
  auditFile = join(mkdtempSync(join(tmpdir(), 'chat-gate-')), 'audit.jsonl');
  process.env.AUDIT_LOG = auditFile;
});
afterEach(() => {
  process.env = { ...saved };
});

async function turn(events: ChatEvent[]) {
  const admitted = await admitChat({
    user: { id: 'invite:alice', name: 'alice' },
    provider: (await findProvider('offline'))!,
    input: { provider: 'offline', mainModel: 'gpt-6-luna', text: 'two cats, one picture each', tool: { model: 'gpt-image-2', size: '1024x1024', quality: 'medium' } },
    tool: validateImageRequest('responses', { model: 'gpt-image-2', size: '1024x1024', quality: 'medium' }),
    images: [],
  });
  if (!admitted.ok) throw new Error(admitted.error.message);
  for (const e of events) admitted.gate.observe(e);
  await admitted.gate.finish();
  return JSON.parse(readFileSync(auditFile, 'utf8').trim().split('\n').at(-1)!) as { actualUsd: number; estimatedUsd: { high: number } };
}

describe('a chat turn is settled at what it produced', () => {
  it('charges every image the main model made, not only the first', async () => {
    const one = await turn([{ type: 'image', callId: 'ig_1', bytes, mime: 'image/png' }, { type: 'completed', responseId: 'resp_1' }]);
    // The Responses API reports no usage for the image tool, so an image is settled at its estimate: gpt-image-2
    // 1024² medium is 1756 image tokens by the §12 formula (q 48: ceil(48 · 48 · (2,000,000 + 1024²) / 4,000,000)),
    // at $30 / 1M image output (figures written here), plus a few prompt tokens at $5 / 1M.
    expect(one.actualUsd).toBeGreaterThanOrEqual((1756 * 30) / 1e6);
    expect(one.actualUsd).toBeLessThan((1756 * 30 + 50 * 5) / 1e6);
    expect(one.actualUsd).toBeCloseTo(one.estimatedUsd.high, 9);
    // The model may call the image tool more than once in one response: each call is an image billed.
    const two = await turn([
      { type: 'partial', index: 0, bytes, mime: 'image/png' },
      { type: 'image', callId: 'ig_1', bytes, mime: 'image/png' },
      { type: 'image', callId: 'ig_2', bytes, mime: 'image/png' },
      { type: 'completed', responseId: 'resp_2' },
    ]);
    expect(two.actualUsd).toBeCloseTo(2 * one.actualUsd, 9);
  });

  it('charges the partials of a second image that never came, on top of the first', async () => {
    const one = await turn([{ type: 'image', callId: 'ig_1', bytes, mime: 'image/png' }, { type: 'cancelled' }]);
    const withPartial = await turn([
      { type: 'image', callId: 'ig_1', bytes, mime: 'image/png' },
      { type: 'partial', index: 0, bytes, mime: 'image/png' },
      { type: 'cancelled' },
    ]);
    expect(withPartial.actualUsd).toBeGreaterThan(one.actualUsd);
  });
});
