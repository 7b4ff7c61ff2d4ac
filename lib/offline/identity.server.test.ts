import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManagedIdentityApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import * as tokenRoute from '@/app/api/offline/identity/token/route';
import * as logRoute from '@/app/api/offline/identity/log/route';
import { verifyToken } from './entra-token.server';
import { OFFLINE_CLIENT_ID } from './identity.server';

const SECRET = 'identity-secret-for-tests';
const ENDPOINT = 'http://localhost:3000/api/offline/identity/token';
const saved = { ...process.env };
const ctx = { params: Promise.resolve({}) };

beforeEach(async () => {
  process.env.OFFLINE_IDENTITY_HEADER = SECRET;
  delete process.env.OFFLINE_TOKEN_TTL_S;
  await logRoute.DELETE(new Request('http://localhost/api/offline/identity/log', { method: 'DELETE', headers: { 'x-identity-header': SECRET } }), ctx);
});
afterEach(() => {
  process.env = { ...saved };
});

function get(query: string, headers: Record<string, string> = { 'x-identity-header': SECRET }) {
  return tokenRoute.GET(new Request(`${ENDPOINT}?${query}`, { headers }), ctx);
}

describe('the managed identity stand-in (App Service protocol)', () => {
  it('does not exist without OFFLINE_IDENTITY_HEADER', async () => {
    delete process.env.OFFLINE_IDENTITY_HEADER;
    const res = await get('api-version=2019-08-01&resource=https://ai.azure.com');
    expect(res.status).toBe(404);
  });

  it('answers 401 in JSON to a missing or wrong X-IDENTITY-HEADER', async () => {
    for (const headers of [{}, { 'x-identity-header': 'nope' }] as Record<string, string>[]) {
      const res = await get('api-version=2019-08-01&resource=https://ai.azure.com', headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('Unauthorized');
    }
  });

  it('refuses another api-version or a missing resource', async () => {
    expect((await get('api-version=2017-09-01&resource=https://ai.azure.com')).status).toBe(400);
    expect((await get('api-version=2019-08-01')).status).toBe(400);
  });

  it('answers what App Service answers: access_token, expires_on (epoch seconds), resource, token_type, client_id', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await get('api-version=2019-08-01&resource=https://cognitiveservices.azure.com');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ resource: 'https://cognitiveservices.azure.com', token_type: 'Bearer', client_id: OFFLINE_CLIENT_ID });
    expect(Number(body.expires_on)).toBeGreaterThanOrEqual(before + 3600);
    expect(verifyToken(body.access_token)).toMatchObject({ ok: true, payload: { aud: 'https://cognitiveservices.azure.com' } });
  });

  it("is read by MSAL's own ManagedIdentityApplication (App Service source), and logs what it issued", async () => {
    process.env.IDENTITY_ENDPOINT = ENDPOINT;
    process.env.IDENTITY_HEADER = SECRET;
    process.env.OFFLINE_TOKEN_TTL_S = '7';
    const sent: { url: string; headers: Record<string, string> }[] = [];
    const networkClient: INetworkModule = {
      async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
        const headers = (options?.headers ?? {}) as Record<string, string>;
        sent.push({ url, headers });
        const res = await tokenRoute.GET(new Request(url, { headers }), ctx);
        return { status: res.status, headers: Object.fromEntries(res.headers), body: (await res.json()) as T };
      },
      async sendPostRequestAsync<T>(): Promise<NetworkResponse<T>> {
        throw new Error('App Service sends GET');
      },
    };
    const app = new ManagedIdentityApplication({ system: { networkClient } });
    expect(app.getManagedIdentitySource()).toBe('AppService');
    const result = await app.acquireToken({ resource: 'https://ai.azure.com' });
    expect(sent).toHaveLength(1);
    const url = new URL(sent[0].url);
    expect(url.searchParams.get('api-version')).toBe('2019-08-01');
    expect(url.searchParams.get('resource')).toBe('https://ai.azure.com');
    expect(Object.entries(sent[0].headers).find(([k]) => k.toLowerCase() === 'x-identity-header')?.[1]).toBe(SECRET);
    expect(verifyToken(result.accessToken).ok).toBe(true);
    expect(result.tokenType).toBe('Bearer');
    // expires_on as a string: MSAL turns it into a date about OFFLINE_TOKEN_TTL_S away.
    const inS = (result.expiresOn!.getTime() - Date.now()) / 1000;
    expect(inS).toBeGreaterThan(4);
    expect(inS).toBeLessThanOrEqual(8);

    const log = await (await logRoute.GET(new Request('http://localhost/api/offline/identity/log', { headers: { 'x-identity-header': SECRET } }), ctx)).json();
    expect(log.issued).toHaveLength(1);
    expect(log.issued[0].token).toBe(result.accessToken);
    expect((await logRoute.GET(new Request('http://localhost/api/offline/identity/log'), ctx)).status).toBe(401);
  });
});
