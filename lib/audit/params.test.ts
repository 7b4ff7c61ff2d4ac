import { describe, expect, it } from 'vitest';
import { auditParams } from './entry';

describe('audit parameters a caller controls', () => {
  it('counts a list that is not files instead of copying it: a data URL is image bytes', () => {
    const dataUrl = `data:image/png;base64,${'A'.repeat(5000)}`;
    const line = JSON.stringify(auditParams({ model: 'gpt-image-2', images: [dataUrl, dataUrl] }));
    expect(line).not.toContain('base64');
    expect(auditParams({ images: [dataUrl, dataUrl] }).images).toBe('2 item(s)');
  });

  it('clips a long free-form string, so one request cannot write megabytes into the log', () => {
    const logged = auditParams({ previous_response_id: `resp_${'x'.repeat(100_000)}` }).previous_response_id as string;
    expect(logged.length).toBeLessThanOrEqual(200);
    expect(logged.startsWith('resp_xxx')).toBe(true);
    expect(auditParams({ size: '1024x1024' }).size).toBe('1024x1024');
  });
});
