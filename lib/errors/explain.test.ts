import { describe, expect, it } from 'vitest';
import type { GenerationError } from '../generation/events';
import { explain } from './explain';

const err = (status: number, code: string | null, extra: Partial<GenerationError> = {}): GenerationError => ({
  status,
  code,
  message: 'upstream message',
  type: status >= 500 ? 'server_error' : 'invalid_request_error',
  param: null,
  ...extra,
});

describe('explain: blocked content', () => {
  it('says the safety system blocked it and suggests moderation low', () => {
    const e = explain(err(400, 'moderation_blocked'));
    expect(e.title).toBe('Blocked by the safety system');
    expect(e.advice).toMatch(/Rephrase the prompt/);
    expect(e.advice).toMatch(/moderation "low"/);
  });

  it('names the content policy for dall-e refusals', () => {
    expect(explain(err(400, 'content_policy_violation'))).toEqual({ title: 'Blocked by the content policy', advice: 'Rephrase the prompt and try again.' });
  });

  it.each(['contentFilter', 'content_filter'])("points at Azure's deployment filter for %s", (code) => {
    const e = explain(err(400, code));
    expect(e.title).toBe("Blocked by Azure's content filter");
    expect(e.advice).toMatch(/set on the deployment/);
  });
});

describe('explain: rate limits and quota', () => {
  it('tells how many seconds to wait from Retry-After', () => {
    const e = explain(err(429, 'rate_limit_exceeded', { retryAfter: 17 }));
    expect(e.title).toBe('Rate limit reached');
    expect(e.advice).toBe("Wait 17 s (the service's Retry-After), then try again.");
  });

  it('uses Retry-After on a 429 without a code too', () => {
    expect(explain(err(429, null, { retryAfter: 3 })).advice).toMatch(/Wait 3 s/);
  });

  it('gives general advice on a 429 without Retry-After', () => {
    expect(explain(err(429, null)).advice).toMatch(/fewer images per request/);
  });

  it('does not tell an account out of credit to wait', () => {
    const e = explain(err(429, 'insufficient_quota', { retryAfter: 20 }));
    expect(e.title).toBe('Out of credit');
    expect(e.advice).toMatch(/billing/);
    expect(e.advice).not.toMatch(/Wait/);
  });
});

describe('explain: by status', () => {
  it('says the key was refused on a 401', () => {
    expect(explain(err(401, null)).title).toBe('Not authorised');
    expect(explain(err(401, null)).advice).toMatch(/key/);
    expect(explain(err(401, 'invalid_api_key')).title).toBe('The API key was refused');
  });

  it.each([500, 502, 503])('puts a %s on the provider’s side', (status) => {
    expect(explain(err(status, null))).toEqual({ title: 'The service had a problem', advice: expect.stringMatching(/provider’s side/) });
  });

  it('says what to fix on an unexplained 400 and that settings are kept', () => {
    expect(explain(err(400, 'something_new')).advice).toMatch(/Fix the named field.*settings are kept/);
  });

  it('explains 403 and 404 in their own words', () => {
    expect(explain(err(403, null)).title).toBe('Access denied');
    expect(explain(err(404, null)).advice).toMatch(/deployment does not exist/);
  });
});

describe('explain: connection problems', () => {
  it('says the service could not be reached and to check the base URL', () => {
    const e = explain(err(0, 'connection_error'));
    expect(e.title).toBe('Could not reach the image service');
    expect(e.advice).toMatch(/base URL/);
  });

  it('treats status 0 without a code as a connection problem', () => {
    expect(explain(err(0, null)).title).toBe('Could not reach the image service');
  });

  it('explains a timeout and a stream cut mid-way', () => {
    expect(explain(err(0, 'timeout')).title).toBe('The service took too long');
    expect(explain(err(0, 'stream_incomplete')).advice).toMatch(/last partial image is kept/);
  });
});

describe("explain: this server's limits and policy", () => {
  it('says how long to wait on a rate limit', () => {
    expect(explain(err(429, 'rate_limited', { retryAfter: 42 }))).toEqual({ title: "This server's rate limit is reached", advice: 'Wait 42 s, then try again.' });
  });

  it('explains a spend cap and a policy refusal apart from a provider 429 or 403', () => {
    expect(explain(err(429, 'spend_cap_reached')).title).toBe("Today's spend cap is reached");
    expect(explain(err(403, 'policy_violation')).advice).toMatch(/Settings shows the policy/);
  });
});

describe('explain: Azure (api-2026-12 §6.3)', () => {
  const azure = { provider: 'azure' as const };
  it.each([
    ['content_filter', undefined],
    ['contentFilter', undefined],
    ['content_policy_violation', 'ResponsibleAIPolicyViolation'],
    ['moderation_blocked', undefined],
    [null, 'ResponsibleAIPolicyViolation'],
  ])('explains %s (inner %s) as its content filter', (code, innerCode) => {
    const e = explain(err(400, code, { ...azure, ...(innerCode ? { innerCode } : {}) }));
    expect(e.title).toBe("Blocked by Azure's content filter");
  });

  it('keeps OpenAI’s own explanation for moderation_blocked elsewhere', () => {
    expect(explain(err(400, 'moderation_blocked', { provider: 'openai' })).title).toBe('Blocked by the safety system');
  });

  it('explains a 401 as key, token or scope, and a 403 as network rules', () => {
    const unauthorised = explain(err(401, '401', azure));
    expect(unauthorised.title).toBe('Azure refused the sign-in');
    expect(unauthorised.advice).toMatch(/AZURE_OPENAI_API_KEY.*Cognitive Services OpenAI User.*AZURE_OPENAI_SCOPE.*ai\.azure\.com/);
    const forbidden = explain(err(403, 'AuthenticationTypeDisabled', azure));
    expect(forbidden.title).toBe('Azure refused access');
    expect(forbidden.advice).toMatch(/network rules.*key access is disabled/);
  });

  it('waits what Azure’s 429 (code "429") asks', () => {
    expect(explain(err(429, '429', { ...azure, retryAfter: 3 })).advice).toBe("Wait 3 s (the service's Retry-After), then try again.");
  });
});
