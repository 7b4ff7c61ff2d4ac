import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as openaiGenerations from '@/app/api/offline/v1/images/generations/route';
import * as v1Generations from '@/app/api/offline/openai/v1/images/generations/route';
import * as v1Responses from '@/app/api/offline/openai/v1/responses/route';
import { FAULTS } from './faults';
import { CORS_HEADERS } from './http.server';

const saved = { ...process.env };
const noCtx = { params: Promise.resolve({}) };

beforeEach(() => {
  process.env.OFFLINE_LATENCY_MS = '0';
  delete process.env.OFFLINE_AZURE_AUTH;
  delete process.env.OFFLINE_API_KEY;
});
afterEach(() => {
  process.env = { ...saved };
});

const body = JSON.stringify({ model: 'gpt-image-2', prompt: 'a quiet harbour', size: '1024x1024', quality: 'low' });

function onAzure(fault: string, headers: Record<string, string> = { 'api-key': 'k' }) {
  return v1Generations.POST(new Request('http://localhost/api/offline/openai/v1/images/generations?api-version=preview', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-offline-fault': fault, ...headers }, body,
  }), noCtx);
}

function onOpenAI(fault: string) {
  return openaiGenerations.POST(new Request('http://localhost/api/offline/v1/images/generations', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-offline-fault': fault, authorization: 'Bearer sk-test' }, body,
  }), noCtx);
}

describe('Azure faults (x-offline-fault)', () => {
  it('are listed in FAULTS, after the existing ones', () => {
    expect(FAULTS.slice(0, 7)).toEqual(['moderation', 'content_filter', 'rate_limit', 'server_error', 'stream_cut', 'stall', 'hostile_svg']);
    expect(FAULTS).toEqual(expect.arrayContaining(['azure_content_filter', 'azure_policy_violation', 'azure_moderation', 'azure_rate_limit', 'azure_unauthorized', 'azure_forbidden']));
  });

  it('azure_content_filter: 400 content_filter with content_filter_results', async () => {
    const res = await onAzure('azure_content_filter');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'content_filter', param: 'prompt', type: null });
    expect(error.content_filter_results.violence).toEqual({ filtered: true, severity: 'medium' });
    expect(error.content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' });
  });

  it('azure_policy_violation: 400 content_policy_violation with inner_error ResponsibleAIPolicyViolation', async () => {
    const res = await onAzure('azure_policy_violation');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'content_policy_violation', type: 'invalid_request_error' });
    expect(error.inner_error).toMatchObject({ code: 'ResponsibleAIPolicyViolation', revised_prompt: 'a quiet harbour' });
    expect(error.inner_error.content_filter_results.violence.filtered).toBe(true);
  });

  it('azure_moderation: 400 moderation_blocked, image_generation_user_error, naming an Azure support ticket', async () => {
    const res = await onAzure('azure_moderation');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'moderation_blocked', type: 'image_generation_user_error' });
    expect(error.message).toContain('Azure support ticket');
    expect(error.message).toContain(res.headers.get('x-request-id'));
  });

  it('azure_rate_limit: 429 code "429" with retry-after and retry-after-ms, both exposed to browsers', async () => {
    const res = await onAzure('azure_rate_limit');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('retry-after-ms')).toBe('3000');
    expect(await res.json()).toEqual({ error: { code: '429', message: expect.stringMatching(/^Requests to the Images_Generations Operation under Azure OpenAI API version preview have exceeded call rate limit of your current pricing tier\. Please retry after 3 seconds\./) } });
    expect(CORS_HEADERS['access-control-expose-headers']).toContain('retry-after-ms');
  });

  it('azure_unauthorized: 401 code "401", in the words for a key or for a token', async () => {
    const key = await onAzure('azure_unauthorized');
    expect(key.status).toBe(401);
    expect((await key.json()).error).toEqual({ code: '401', message: expect.stringContaining('invalid subscription key') });
    const token = await onAzure('azure_unauthorized', { authorization: 'Bearer some-entra-token' });
    expect(token.status).toBe(401);
    expect((await token.json()).error.message).toContain('Access token is missing, invalid, audience is incorrect');
  });

  it('azure_forbidden: 403 network rules', async () => {
    const res = await onAzure('azure_forbidden');
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({ code: '403', message: expect.stringContaining('Access denied due to Virtual Network/Firewall rules.') });
  });

  it('are answered the same way on the OpenAI-style routes', async () => {
    const statuses: Record<string, number> = {
      azure_content_filter: 400, azure_policy_violation: 400, azure_moderation: 400, azure_rate_limit: 429, azure_unauthorized: 401, azure_forbidden: 403,
    };
    for (const [fault, status] of Object.entries(statuses)) {
      const [a, o] = [await onAzure(fault), await onOpenAI(fault)];
      expect([fault, o.status]).toEqual([fault, status]);
      const [ea, eo] = [(await a.json()).error, (await o.json()).error];
      expect(eo.code).toBe(ea.code);
    }
    expect((await onOpenAI('azure_rate_limit')).headers.get('retry-after-ms')).toBe('3000');
  });

  it('are answered on /responses, the 429 naming its operation', async () => {
    const res = await v1Responses.POST(new Request('http://localhost/api/offline/openai/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': 'k', 'x-offline-fault': 'azure_rate_limit' },
      body: JSON.stringify({ model: 'gpt-6-luna', input: 'hi', tools: [{ type: 'image_generation' }] }),
    }), noCtx);
    expect(res.status).toBe(429);
    expect((await res.json()).error.message).toContain('Responses_Create Operation');
  });

  it('leave the legacy content_filter fault in its contentFilter shape', async () => {
    const res = await onAzure('content_filter');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('contentFilter');
  });
});
