import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v1Generations from '@/app/api/offline/openai/v1/images/generations/route';
import * as v1Responses from '@/app/api/offline/openai/v1/responses/route';
import * as v1Models from '@/app/api/offline/openai/v1/models/route';
import * as datedModels from '@/app/api/offline/openai/models/route';
import * as dated from '@/app/api/offline/openai/deployments/[deployment]/images/[operation]/route';
import * as datedResponses from '@/app/api/offline/openai/responses/route';
import { issueToken } from './entra-token.server';
import { clearIdentityLog, identityLog } from './identity-log.server';

const SECRET = 'identity-secret-for-tests';
const BASE = 'http://localhost:3000/api/offline/openai';
const saved = { ...process.env };
const noCtx = { params: Promise.resolve({}) };

beforeEach(() => {
  process.env.OFFLINE_AZURE_DEPLOYMENTS = 'gpt-image-2.6-sunburst=team-images,gpt-6-luna=team-chat';
  process.env.OFFLINE_LATENCY_MS = '0';
  process.env.OFFLINE_IDENTITY_HEADER = SECRET;
  delete process.env.OFFLINE_AZURE_AUTH;
  delete process.env.OFFLINE_API_KEY;
  delete process.env.OFFLINE_AZURE_AUDIENCE;
  clearIdentityLog();
});
afterEach(() => {
  process.env = { ...saved };
});

const KEY = { 'api-key': 'any-key' };
const small = { prompt: 'a lighthouse at dusk', size: '1024x1024', quality: 'low' };

function v1Generate(body: Record<string, unknown>, headers: Record<string, string> = KEY, query = '?api-version=preview') {
  return v1Generations.POST(new Request(`${BASE}/v1/images/generations${query}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
  }), noCtx);
}

function datedGenerate(deployment: string, body: Record<string, unknown>, headers: Record<string, string> = KEY) {
  return dated.POST(new Request(`${BASE}/deployments/${deployment}/images/generations?api-version=2025-04-01-preview`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
  }), { params: Promise.resolve({ deployment, operation: 'generations' }) });
}

function bearer(resource = 'https://ai.azure.com', ttl?: number) {
  if (ttl !== undefined) process.env.OFFLINE_TOKEN_TTL_S = String(ttl);
  const { token, payload } = issueToken(SECRET, resource);
  delete process.env.OFFLINE_TOKEN_TTL_S;
  return { headers: { authorization: `Bearer ${token}` }, token, jti: payload.jti };
}

describe('Azure v1 routes', () => {
  it('take the deployment in the body: a named one runs its model, a model-named one still works', async () => {
    const res = await v1Generate({ model: 'team-images', ...small });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data[0].b64_json).toBeTruthy();
    expect(body.output_format).toBe('png');
    expect((await v1Generate({ model: 'gpt-image-2', ...small })).status).toBe(200);
  });

  it('answer an unknown deployment with 404 DeploymentNotFound, a chat deployment with OperationNotSupported', async () => {
    const res = await v1Generate({ model: 'nobody', ...small });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('DeploymentNotFound');
    const chat = await v1Generate({ model: 'team-chat', ...small });
    expect(chat.status).toBe(400);
    expect((await chat.json()).error.code).toBe('OperationNotSupported');
    expect((await v1Generate({ ...small })).status).toBe(400);
  });

  it('take api-version preview, v1, latest or none, and answer any other with 400 BadRequest', async () => {
    for (const q of ['', '?api-version=v1', '?api-version=latest']) expect((await v1Generate({ model: 'team-images', ...small }, KEY, q)).status).toBe(200);
    const res = await v1Generate({ model: 'team-images', ...small }, KEY, '?api-version=2025-04-01-preview');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BadRequest', message: 'API version not supported' } });
  });

  it('narrow as Azure does: no webp', async () => {
    const res = await v1Generate({ model: 'team-images', ...small, output_format: 'webp' });
    expect(res.status).toBe(400);
  });

  it("list Azure's base models on GET /models (v1 and dated), each with its retirement as deprecation.inference", async () => {
    process.env.OFFLINE_AZURE_RETIREMENTS = 'gpt-image-2=2027-01-31';
    const res = await v1Models.GET(new Request(`${BASE}/v1/models?api-version=preview`, { headers: KEY }), noCtx);
    expect(res.status).toBe(200);
    const { object, data } = await res.json();
    expect(object).toBe('list');
    const byId = new Map(data.map((d: { id: string }) => [d.id, d]));
    // Azure's own dates (api-2026-12 §6.2), in its shape; a moved date as Azure announced it.
    expect(byId.get('gpt-image-1.5')).toMatchObject({ object: 'model', lifecycle_status: 'generally-available', deprecation: { inference: Date.parse('2026-12-16T00:00:00Z') / 1000 } });
    expect(byId.get('gpt-image-1')).toMatchObject({ lifecycle_status: 'preview', deprecation: { inference: Date.parse('2026-10-23T00:00:00Z') / 1000 } });
    expect(byId.get('gpt-image-2')).toMatchObject({ deprecation: { inference: Date.parse('2027-01-31T00:00:00Z') / 1000 } });
    expect(byId.get('gpt-6-luna')).toMatchObject({ capabilities: { chat_completion: true } });
    const datedList = await datedModels.GET(new Request(`${BASE}/models?api-version=2025-04-01-preview`, { headers: KEY }), noCtx);
    expect(datedList.status).toBe(200);
    expect((await datedList.json()).data).toEqual(data);
    const noVersion = await datedModels.GET(new Request(`${BASE}/models`, { headers: KEY }), noCtx);
    expect(noVersion.status).toBe(400);
  });

  it('answer /responses with a named image deployment in the header and the main deployment as model', async () => {
    const call = (headers: Record<string, string>) => v1Responses.POST(new Request(`${BASE}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...KEY, ...headers },
      body: JSON.stringify({ model: 'team-chat', input: 'a red kite', tools: [{ type: 'image_generation', size: '1024x1024', quality: 'low' }] }),
    }), noCtx);
    const res = await call({ 'x-ms-oai-image-generation-deployment': 'team-images' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.output[0]).toMatchObject({ type: 'image_generation_call', status: 'completed' });
    expect(body.tools[0].model).toBe('gpt-image-2.6-sunburst');
    const unknown = await call({ 'x-ms-oai-image-generation-deployment': 'nobody' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('DeploymentNotFound');
  });
});

describe('the dated route with named deployments', () => {
  it('resolves the path deployment; still needs api-version', async () => {
    expect((await datedGenerate('team-images', small)).status).toBe(200);
    expect((await datedGenerate('gpt-image-2', small)).status).toBe(200);
    const res = await datedGenerate('nobody', small);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('DeploymentNotFound');
  });
});

describe('sign-in on Azure routes', () => {
  it('takes any key, or a valid offline-entra token, by default; an expired token is a 401 naming expiry', async () => {
    expect((await v1Generate({ model: 'team-images', ...small })).status).toBe(200);
    expect((await v1Generate({ model: 'team-images', ...small }, bearer().headers)).status).toBe(200);
    const old = bearer('https://ai.azure.com', 1);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await v1Generate({ model: 'team-images', ...small }, old.headers);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('expired');
    expect(text).not.toContain(old.token.split('.')[2]);
  });

  describe('OFFLINE_AZURE_AUTH=entra', () => {
    beforeEach(() => {
      process.env.OFFLINE_AZURE_AUTH = 'entra';
    });

    it('answers an api-key with 403 AuthenticationTypeDisabled', async () => {
      const res = await v1Generate({ model: 'team-images', ...small });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'AuthenticationTypeDisabled', message: 'Key based authentication is disabled for this resource.' } });
      const datedRes = await datedGenerate('team-images', small);
      expect(datedRes.status).toBe(403);
    });

    it('answers a missing, forged, expired or wrong-audience token with 401, saying which and the audience expected', async () => {
      const missing = await v1Generate({ model: 'team-images', ...small }, {});
      expect(missing.status).toBe(401);
      const m = (await missing.json()).error;
      expect(m.code).toBe('401');
      expect(m.message).toContain('Access token is missing, invalid, audience is incorrect (https://ai.azure.com), or have expired.');
      expect(m.message).toContain('No access token');

      const forged = await v1Generate({ model: 'team-images', ...small }, { authorization: 'Bearer offline-entra.e30.AAAA' });
      expect(forged.status).toBe(401);
      expect((await forged.json()).error.message).toContain('invalid');

      const wrong = bearer('https://management.azure.com');
      const aud = await v1Generate({ model: 'team-images', ...small }, wrong.headers);
      expect(aud.status).toBe(401);
      const audMessage = (await aud.json()).error.message;
      expect(audMessage).toContain("audience is 'https://management.azure.com'");
      expect(audMessage).toContain('https://ai.azure.com or https://cognitiveservices.azure.com');
      expect(audMessage).not.toContain(wrong.token);

      const models = await v1Models.GET(new Request(`${BASE}/v1/models`, { headers: {} }), noCtx);
      expect(models.status).toBe(401);
    });

    it('lets a valid token through on every Azure route, and logs what each request carried', async () => {
      const t = bearer('https://cognitiveservices.azure.com/');
      expect((await v1Generate({ model: 'team-images', ...small }, t.headers)).status).toBe(200);
      expect((await datedGenerate('team-images', small, t.headers)).status).toBe(200);
      const resp = await datedResponses.POST(new Request(`${BASE}/responses?api-version=2025-04-01-preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ms-oai-image-generation-deployment': 'team-images', ...t.headers },
        body: JSON.stringify({ model: 'team-chat', input: 'hello', tools: [{ type: 'image_generation', size: '1024x1024', quality: 'low' }] }),
      }), noCtx);
      expect(resp.status).toBe(200);
      expect((await v1Models.GET(new Request(`${BASE}/v1/models`, { headers: t.headers }), noCtx)).status).toBe(200);
      await v1Generate({ model: 'team-images', ...small });
      const { seen } = identityLog();
      expect(seen).toEqual([
        { route: 'v1', path: '/api/offline/openai/v1/images/generations', jti: t.jti, apiKey: false, bearer: true },
        { route: 'deployments', path: '/api/offline/openai/deployments/team-images/images/generations', jti: t.jti, apiKey: false, bearer: true },
        { route: 'deployments', path: '/api/offline/openai/responses', jti: t.jti, apiKey: false, bearer: true },
        { route: 'v1', path: '/api/offline/openai/v1/models', jti: t.jti, apiKey: false, bearer: true },
        { route: 'v1', path: '/api/offline/openai/v1/images/generations', jti: null, apiKey: true, bearer: false },
      ]);
    });
  });
});
