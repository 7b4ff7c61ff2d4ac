import { describe, expect, it } from 'vitest';
import { uploadLimits } from './limits';
import { ACTION_BODY_LIMIT, ACTION_BODY_LIMIT_BYTES, actionBodyTooLarge } from './action-body';

const MB = 1024 * 1024;

describe('upload limits', () => {
  it('take one file as large as the largest image any model accepts, and a maximal edit per person by default', () => {
    const l = uploadLimits({});
    expect(l.fileBytes).toBe(50 * MB);
    // 16 reference images of 50 MB and a 4 MB mask: the largest request in the registry.
    expect(l.userBytes).toBe(16 * 50 * MB + 4 * MB);
    expect(l.totalBytes).toBe(1024 * MB);
    expect(l.keepMs).toBe(30 * 60_000);
  });

  it('read the operator knobs, and ignore a value that is not a number', () => {
    const l = uploadLimits({ UPLOAD_USER_MB: '200', UPLOAD_TOTAL_MB: '300', UPLOAD_RETENTION_MIN: '5' });
    expect([l.userBytes, l.totalBytes, l.keepMs]).toEqual([200 * MB, 300 * MB, 5 * 60_000]);
    expect(uploadLimits({ UPLOAD_TOTAL_MB: 'lots' }).totalBytes).toBe(1024 * MB);
  });
});

describe('the server action body limit', () => {
  it('is the one next.config.mjs gives Next', async () => {
    const config = (await import(/* @vite-ignore */ new URL('../../next.config.mjs', import.meta.url).href)).default;
    expect(config.experimental.serverActions.bodySizeLimit).toBe(ACTION_BODY_LIMIT);
    expect(ACTION_BODY_LIMIT_BYTES).toBe(MB);
  });

  it('fits a 32,000-character prompt of any characters', () => {
    for (const ch of ['a', 'é', '𝄞', '"', '\u0001']) {
      expect(actionBodyTooLarge({ provider: 'offline', fields: { prompt: ch.repeat(32_000) } }, 'prompt')).toBeNull();
    }
  });

  it('refuses a larger input with a 413 naming the field and the limit', () => {
    const e = actionBodyTooLarge({ text: 'x'.repeat(2 * MB) }, 'input');
    expect(e).toMatchObject({ status: 413, code: 'request_too_large', param: 'input' });
    expect(e!.message).toMatch(/This request is 2049 kB; the server takes at most 1008 kB/);
  });
});
