import { describe, expect, it } from 'vitest';
import { capsFor } from '../models/caps';
import type { ProviderInfo } from '../providers/config';
import { DEFAULT_MODEL, MODEL_IDS } from '../models/registry';
import { applyPolicy, applyPolicyToAll } from './apply';
import { checkPolicy } from './check';
import { OPEN_POLICY, parsePolicy, type Policy } from './policy';

/** Fixed lineups (no GET /models, no dates): the policy works on whatever list the provider has. */
const offline: ProviderInfo = { id: 'offline', label: 'Offline', baseURL: 'http://x', models: [...MODEL_IDS], defaultModel: DEFAULT_MODEL, lifecycle: {}, mainModels: ['gpt-6-luna'], modelSource: 'registry' };
const azure: ProviderInfo = { id: 'azure', label: 'Azure', baseURL: 'http://y', models: ['gpt-image-1', 'dall-e-3'], defaultModel: 'gpt-image-1', lifecycle: {}, mainModels: ['gpt-6-luna'], modelSource: 'registry', narrowing: { excludeOutputFormats: ['webp'] } };
const policy = (p: Partial<Policy>): Policy => ({ ...OPEN_POLICY, ...p });

describe('parsePolicy', () => {
  it('reads every rule and fills the defaults', () => {
    const p = parsePolicy('{"providers":["offline"],"models":["gpt-image-2"],"maxN":2,"maxQuality":"medium","maxPixels":1048576,"maxPartialImages":1}', 'POLICY_JSON');
    expect(p).toEqual({ providers: ['offline'], models: ['gpt-image-2'], maxN: 2, maxQuality: 'medium', maxPixels: 1048576, maxPartialImages: 1, allowUserKey: false, auditPrompts: false });
  });

  it('names the field, the value and what is allowed', () => {
    expect(() => parsePolicy('{"maxQuality":"ultra"}', 'POLICY_JSON')).toThrow(/POLICY_JSON: maxQuality: .*"low"\|"medium"\|"high".*got "ultra"/);
    expect(() => parsePolicy('{"models":["gpt-image-9"]}', 'POLICY_FILE p.json')).toThrow(/POLICY_FILE p\.json: models\.0: .*got "gpt-image-9"/);
    expect(() => parsePolicy('{"maxN":0}', 'POLICY_JSON')).toThrow(/maxN: .*>=1.*got 0/);
  });

  it('refuses a misspelt rule instead of ignoring it', () => {
    expect(() => parsePolicy('{"maxn":2}', 'POLICY_JSON')).toThrow(/Unrecognized key: "maxn"/);
  });

  it('says when the text is not JSON', () => {
    expect(() => parsePolicy('{maxN: 2}', 'POLICY_JSON')).toThrow(/POLICY_JSON: not valid JSON/);
  });
});

describe('applyPolicy: what the UI offers', () => {
  it('leaves a provider untouched by an open policy', () => {
    const p = applyPolicy(offline, OPEN_POLICY)!;
    expect(p.models).toEqual(offline.models);
    expect(capsFor('gpt-image-2', 'generate', p.narrowing)).toEqual(capsFor('gpt-image-2', 'generate'));
  });

  it('drops providers and models the policy does not name, and moves the default', () => {
    expect(applyPolicyToAll([offline, azure], policy({ providers: ['azure'] })).map((p) => p.id)).toEqual(['azure']);
    const p = applyPolicy(azure, policy({ models: ['dall-e-3'] }))!;
    expect(p.models).toEqual(['dall-e-3']);
    expect(p.defaultModel).toBe('dall-e-3');
    expect(applyPolicy(azure, policy({ models: ['gpt-image-2'] }))).toBeUndefined();
  });

  it('narrows n, quality, size and partial images, keeping the provider narrowing', () => {
    const p = applyPolicy(azure, policy({ maxN: 3, maxQuality: 'medium', maxPixels: 1024 * 1024, maxPartialImages: 1 }))!;
    const caps = capsFor('gpt-image-1', 'generate', p.narrowing)!;
    expect(caps.n.max).toBe(3);
    expect(caps.qualities).toEqual(['low', 'medium']);
    expect(caps.defaults.quality).toBe('medium');
    // auto could become 1536x1024, so it goes with the sizes above the cap.
    expect(caps.sizes).toEqual(['1024x1024']);
    expect(caps.defaults.size).toBe('1024x1024');
    expect(caps.partialImages).toEqual({ min: 0, max: 1 });
    expect(caps.outputFormats).toEqual(['png', 'jpeg']);
  });

  it("caps gpt-image-2's custom sizes by pixels", () => {
    const p = applyPolicy(offline, policy({ maxPixels: 1536 * 1024 }))!;
    const caps = capsFor('gpt-image-2', 'generate', p.narrowing)!;
    expect(caps.customSize?.maxPixels).toBe(1536 * 1024);
    expect(caps.sizes).toContain('auto');
  });

  it('caps 2.6 at high (no xhigh, no max) or at xhigh (no max); gpt-image-2 has neither either way', () => {
    expect(parsePolicy('{"maxQuality":"xhigh"}', 'POLICY_JSON').maxQuality).toBe('xhigh');
    const high = applyPolicy(offline, policy({ maxQuality: 'high' }))!;
    expect(capsFor('gpt-image-2.6-sunburst', 'generate', high.narrowing)!.qualities).toEqual(['auto', 'low', 'medium', 'high']);
    const xhigh = applyPolicy(offline, policy({ maxQuality: 'xhigh' }))!;
    expect(capsFor('gpt-image-2.6-flare', 'edit', xhigh.narrowing)!.qualities).toEqual(['auto', 'low', 'medium', 'high', 'xhigh']);
    expect(capsFor('gpt-image-2', 'generate', xhigh.narrowing)!.qualities).toEqual(['auto', 'low', 'medium', 'high']);
    expect(capsFor('gpt-image-2.6-flare', 'generate', applyPolicy(offline, policy({ maxQuality: 'max' }))!.narrowing)!.qualities).toContain('max');
  });

  it('drops a model the limits leave nothing of (dall-e-3 has no low quality)', () => {
    const p = applyPolicy(azure, policy({ maxQuality: 'low' }))!;
    expect(p.models).toEqual(['gpt-image-1']);
  });
});

describe('checkPolicy: what the server refuses', () => {
  const strict = policy({ providers: ['offline'], models: ['gpt-image-2', 'gpt-image-1'], maxN: 2, maxQuality: 'medium', maxPixels: 1024 * 1024, maxPartialImages: 1 });
  const ask = { model: 'gpt-image-2', endpoint: 'generate' as const, n: 1, quality: 'low' as const, size: '1024x1024', partialImages: 1 };

  it('allows what the UI offers', () => {
    expect(checkPolicy(strict, offline, ask)).toBeNull();
    expect(checkPolicy(strict, offline, { ...ask, size: '1008x1008' })).toBeNull();
  });

  it.each([
    [{ model: 'dall-e-3' }, 'model', /Model 'dall-e-3' is not allowed.*Allowed: 'gpt-image-2' and 'gpt-image-1'/],
    [{ n: 3 }, 'n', /n 3 is above.*at most 2 images per request/],
    [{ quality: 'high' }, 'quality', /quality 'high' is above.*Allowed: 'low' and 'medium'/],
    [{ quality: 'auto' }, 'quality', /'auto' counts as high/],
    [{ quality: undefined }, 'quality', /quality 'auto' \(the model's default, since none was sent\)/],
    [{ size: '1536x1024' }, 'size', /size '1536x1024' \(1,572,864 pixels\) is above this server's policy of 1,048,576 pixels/],
    [{ size: '2048x2048' }, 'size', /size '2048x2048'.*Allowed: '1024x1024', or any WxH up to 1,048,576 pixels/],
    [{ size: 'auto' }, 'size', /size 'auto' can be as large as 1,572,864 pixels/],
    [{ partialImages: 3 }, 'partial_images', /partial_images 3 is above.*at most 1/],
  ])('refuses %j naming %s', (change, param, message) => {
    const error = checkPolicy(strict, offline, { ...ask, ...change } as never)!;
    expect(error).toMatchObject({ status: 403, code: 'policy_violation', param });
    expect(error.message).toMatch(message);
  });

  it('refuses xhigh and max above a cap at high, naming quality; takes xhigh under a cap at xhigh', () => {
    const capped = policy({ maxQuality: 'high' });
    const on26 = { model: 'gpt-image-2.6-sunburst', endpoint: 'generate' as const, quality: 'xhigh' as const, size: 'auto' };
    expect(checkPolicy(capped, offline, on26)).toMatchObject({ status: 403, code: 'policy_violation', param: 'quality', message: expect.stringMatching(/quality 'xhigh' is above.*Allowed: 'auto', 'low', 'medium', and 'high'/) });
    expect(checkPolicy(capped, offline, { ...on26, quality: 'max' })?.param).toBe('quality');
    expect(checkPolicy(capped, offline, { ...on26, quality: 'high' })).toBeNull();
    expect(checkPolicy(policy({ maxQuality: 'xhigh' }), offline, on26)).toBeNull();
    expect(checkPolicy(policy({ maxQuality: 'xhigh' }), offline, { ...on26, quality: 'max' })?.param).toBe('quality');
  });

  it('refuses a provider the policy leaves out', () => {
    expect(checkPolicy(strict, azure, { ...ask, model: 'gpt-image-1' })).toMatchObject({ param: 'provider', message: expect.stringContaining("Allowed: 'offline'") });
  });

  it("refuses a user's own key unless allowed, without the key in the message", () => {
    expect(checkPolicy(strict, offline, { ...ask, userKey: true })).toMatchObject({ param: 'userKey', code: 'policy_violation' });
    expect(checkPolicy({ ...strict, allowUserKey: true }, offline, { ...ask, userKey: true })).toBeNull();
  });

  it("prefixes the chat tool's params", () => {
    expect(checkPolicy(strict, offline, { ...ask, endpoint: 'responses', quality: 'high' }, 'tools[0].')?.param).toBe('tools[0].quality');
  });
});
