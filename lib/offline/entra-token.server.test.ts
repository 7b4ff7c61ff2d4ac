import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedAudiences, issueToken, signedPayload, TOKEN_PREFIX, verifyToken } from './entra-token.server';

const SECRET = 'identity-secret-for-tests';
const saved = { ...process.env };

beforeEach(() => {
  process.env.OFFLINE_IDENTITY_HEADER = SECRET;
  delete process.env.OFFLINE_TOKEN_TTL_S;
  delete process.env.OFFLINE_AZURE_AUDIENCE;
});
afterEach(() => {
  process.env = { ...saved };
});

describe('offline-entra tokens', () => {
  it('are offline-entra.<payload>.<signature> and verify with the same secret', () => {
    const { token, payload } = issueToken(SECRET, 'https://cognitiveservices.azure.com');
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).toEqual(payload);
    expect(payload.exp - payload.iat).toBe(3600);
    expect(verifyToken(token)).toEqual({ ok: true, payload });
  });

  it('live OFFLINE_TOKEN_TTL_S seconds and are then expired', () => {
    process.env.OFFLINE_TOKEN_TTL_S = '5';
    const { token, payload } = issueToken(SECRET, 'https://ai.azure.com', 1000);
    expect(payload.exp).toBe(1005);
    expect(verifyToken(token, { nowS: 1004.9 }).ok).toBe(true);
    expect(verifyToken(token, { nowS: 1005 })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('are checked for audience: the two Azure OpenAI ones by default (trailing slash or not), else OFFLINE_AZURE_AUDIENCE', () => {
    expect(acceptedAudiences()).toEqual(['https://ai.azure.com', 'https://cognitiveservices.azure.com']);
    expect(verifyToken(issueToken(SECRET, 'https://ai.azure.com/').token).ok).toBe(true);
    expect(verifyToken(issueToken(SECRET, 'https://management.azure.com').token)).toMatchObject({ ok: false, reason: 'audience' });
    process.env.OFFLINE_AZURE_AUDIENCE = 'api://team-gateway, https://ai.azure.com';
    expect(verifyToken(issueToken(SECRET, 'api://team-gateway').token).ok).toBe(true);
    expect(verifyToken(issueToken(SECRET, 'https://cognitiveservices.azure.com').token)).toMatchObject({ ok: false, reason: 'audience' });
  });

  it('are invalid when tampered with, signed with another secret, or not ours', () => {
    const { token } = issueToken(SECRET, 'https://ai.azure.com');
    const [prefix, body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), exp: 9e9 })).toString('base64url');
    expect(verifyToken(`${prefix}.${forged}.${sig}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken(`${prefix}.${body}.${sig.slice(0, -2)}AA`)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken(`${prefix}.${body}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken(issueToken('another-secret', 'https://ai.azure.com').token)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken('eyJhbGciOi.something.else')).toEqual({ ok: false, reason: 'invalid' });
    delete process.env.OFFLINE_IDENTITY_HEADER;
    expect(verifyToken(token)).toEqual({ ok: false, reason: 'invalid' });
    expect(signedPayload(token, null)).toBeNull();
  });
});
