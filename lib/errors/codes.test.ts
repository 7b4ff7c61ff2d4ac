import { describe, expect, it } from 'vitest';
import { apiErrorFor, codeInfo, ERROR_CODES, errorFor } from './codes';
import { explain } from './explain';

describe('the error table', () => {
  it("answers the services' own codes with the statuses and types they publish", () => {
    // OpenAI's error-codes guide and the image API's safety answer, written here, not read from the table.
    const published: [string, number, string][] = [
      ['invalid_api_key', 401, 'invalid_request_error'],
      ['rate_limit_exceeded', 429, 'requests'],
      ['insufficient_quota', 429, 'insufficient_quota'],
      ['server_error', 500, 'server_error'],
      ['moderation_blocked', 400, 'image_generation_user_error'],
      ['content_policy_violation', 400, 'invalid_request_error'],
    ];
    for (const [code, status, type] of published) expect(codeInfo(code), code).toMatchObject({ status, type });
  });

  it('builds errors with the status and type of their code, letting the wire override the status', () => {
    expect(errorFor('upstream_idle_timeout', 'quiet')).toEqual({ status: 0, message: 'quiet', type: 'timeout', param: null, code: 'upstream_idle_timeout' });
    expect(errorFor('stream_incomplete', 'x', null, 200).status).toBe(200);
    const e = apiErrorFor('rate_limit_exceeded', 'slow down', null, { 'retry-after': '1' });
    expect(e.toBody()).toEqual({ error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
    expect(e.status).toBe(429);
    expect(e.headers['retry-after']).toBe('1');
  });

  it('explains every code in it, and an unknown code by its status', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) expect(explain({ status: info.status, message: '', type: info.type, param: null, code })).toEqual({ title: info.title, advice: info.advice });
    expect(explain({ status: 404, message: '', type: 'x', param: null, code: 'DeploymentNotFound' }).title).toBe('Not found');
    expect(codeInfo('toString')).toBeUndefined();
  });
});
