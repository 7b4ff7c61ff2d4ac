import { describe, expect, it } from 'vitest';
import { auditEntry, auditParams } from './entry';

const base = {
  at: Date.UTC(2026, 10, 2, 12, 0, 0),
  user: { id: 'invite:alice', name: 'alice' },
  provider: 'offline',
  model: 'gpt-image-2',
  endpoint: 'edit',
  params: { model: 'gpt-image-2', prompt: 'a secret launch poster', n: 2, size: '1024x1024', quality: 'low', stream: true, partial_images: 1, image: [new Blob([new Uint8Array(10)]), new Blob([new Uint8Array(5)])], mask: new Blob([new Uint8Array(3)]), userKey: 'sk-user-123', api_key: 'sk-x' },
  prompt: 'a secret launch poster',
  includePrompt: false,
  key: 'user' as const,
  estimatedUsd: { low: 0.01, high: 0.02 },
  actualUsd: 0.015,
  status: 'ok' as const,
  code: null,
  latencyMs: 1234,
};

describe('audit entry', () => {
  it('has who, when, what, cost, status and latency, and no prompt by default', () => {
    const e = auditEntry(base);
    expect(e).toEqual({
      time: '2026-11-02T12:00:00.000Z',
      user: { id: 'invite:alice', name: 'alice' },
      provider: 'offline',
      model: 'gpt-image-2',
      endpoint: 'edit',
      params: { model: 'gpt-image-2', n: 2, size: '1024x1024', quality: 'low', stream: true, partial_images: 1, image: '2 file(s)', mask: '1 file' },
      promptChars: 22,
      key: 'user',
      estimatedUsd: { low: 0.01, high: 0.02 },
      actualUsd: 0.015,
      status: 'ok',
      code: null,
      latencyMs: 1234,
    });
    const line = JSON.stringify(e);
    expect(line).not.toContain('secret launch');
    expect(line).not.toContain('sk-');
  });

  it('keeps the prompt when the policy says so', () => {
    expect(auditEntry({ ...base, includePrompt: true }).prompt).toBe('a secret launch poster');
  });

  it('never copies bytes or key-like fields', () => {
    expect(auditParams({ bytes: new Uint8Array(4), authorization: 'Bearer x', secret: 'y', nested: { a: 1 } })).toEqual({ bytes: '1 file' });
  });
});
