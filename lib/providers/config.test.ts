import { describe, expect, it } from 'vitest';
import { azureRetirements } from './azure-models';
import { DEFAULT_AZURE_API_VERSION, DEFAULT_AZURE_SCOPE, defaultProvider, offlineBaseURL, parseDeployments, providersFromEnv, withLiveModels, type Env } from './config';

const AZURE: Env = {
  AZURE_OPENAI_ENDPOINT: 'https://my-resource.openai.azure.com/',
  AZURE_OPENAI_API_KEY: 'azure-key-SECRET-5678',
  AZURE_OPENAI_DEPLOYMENTS: 'gpt-image-1=img1, dall-e-3 = dalle3',
};
/** A fixed day, so the lineup does not move under the tests: 2026-12-03, after gpt-image-1.5's shutdown. */
const ON = '2026-12-03';
const ids = (env: Env) => providersFromEnv(env, ON).map((p) => p.id);
/** OpenAI's image models still served on 2026-12-03 (api-2026-12 §1), in the registry's order. */
const SERVED = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'];

describe('providersFromEnv: offline', () => {
  it('offers only the offline API with an empty environment, as the default, with the served models and gpt-image-2.6-sunburst first', () => {
    const providers = providersFromEnv({}, ON);
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({ id: 'offline', defaultModel: 'gpt-image-2.6-sunburst', baseURL: 'http://127.0.0.1:3000/api/offline/v1', modelSource: 'registry' });
    expect(providers[0].models).toEqual(SERVED);
    // The shut-down ones are known, with their dates and replacements, for the refusal and the migration.
    expect(providers[0].lifecycle['gpt-image-1.5']).toMatchObject({ state: 'shut-down', shutdown: '2026-12-01', replacement: 'gpt-image-2.6-sunburst' });
    expect(providers[0].mainModels).toEqual(expect.arrayContaining(['gpt-6-astra', 'gpt-6.1-sol', 'gpt-6.1-terra', 'gpt-6-luna', 'gpt-5']));
    expect(providers[0].mainModels).not.toContain('gpt-4.1-nano');
    expect(providers[0].narrowing).toBeUndefined();
    expect(defaultProvider(providers, {})?.id).toBe('offline');
  });

  it('follows PORT and OFFLINE_BASE_URL', () => {
    expect(offlineBaseURL({ PORT: '4123' })).toBe('http://127.0.0.1:4123/api/offline/v1');
    expect(offlineBaseURL({ PORT: '4123', OFFLINE_BASE_URL: 'http://emu:9/v1' })).toBe('http://emu:9/v1');
  });

  it.each(['1', 'true'])('removes offline with OFFLINE_API_DISABLED=%s', (v) => {
    expect(ids({ OFFLINE_API_DISABLED: v })).toEqual([]);
    expect(ids({ OFFLINE_API_DISABLED: v, OPENAI_API_KEY: 'sk-x' })).toEqual(['openai']);
  });

  it('keeps offline with OFFLINE_API_DISABLED=0', () => {
    expect(ids({ OFFLINE_API_DISABLED: '0' })).toEqual(['offline']);
  });
});

describe('providersFromEnv: OpenAI', () => {
  it('puts OpenAI first and makes it the default when OPENAI_API_KEY is set', () => {
    const env = { OPENAI_API_KEY: 'sk-test' };
    const providers = providersFromEnv(env, ON);
    expect(providers.map((p) => p.id)).toEqual(['openai', 'offline']);
    expect(providers[0]).toMatchObject({ baseURL: 'https://api.openai.com/v1', defaultModel: 'gpt-image-2.6-sunburst' });
    expect(defaultProvider(providers, env)?.id).toBe('openai');
  });

  it('ignores an empty key', () => {
    expect(ids({ OPENAI_API_KEY: '' })).toEqual(['offline']);
  });

  it('narrows to OPENAI_MODELS, drops the shut-down ones, and defaults to the first left when the flagship is absent', () => {
    const [openai] = providersFromEnv({ OPENAI_API_KEY: 'sk', OPENAI_MODELS: 'gpt-image-2.5-flare, gpt-image-1, gpt-image-2-2026-04-21' }, ON);
    expect(openai.models).toEqual(['gpt-image-2.5-flare', 'gpt-image-2-2026-04-21']);
    expect(openai.defaultModel).toBe('gpt-image-2.5-flare');
  });

  it('on a day before a shutdown, offers the model and warns from 90 days out', () => {
    const [openai] = providersFromEnv({ OPENAI_API_KEY: 'sk' }, '2026-11-01');
    expect(openai.models).toContain('gpt-image-1.5');
    expect(openai.lifecycle['gpt-image-1.5']).toMatchObject({ state: 'shutting-down', daysLeft: 30 });
    expect(providersFromEnv({ OPENAI_API_KEY: 'sk' }, '2026-09-02')[0].lifecycle['gpt-image-1.5'].state).toBe('shutting-down');
    expect(providersFromEnv({ OPENAI_API_KEY: 'sk' }, '2026-09-01')[0].lifecycle['gpt-image-1.5'].state).toBe('active');
  });

  it('refuses an unknown model in OPENAI_MODELS, naming it', () => {
    expect(() => providersFromEnv({ OPENAI_API_KEY: 'sk', OPENAI_MODELS: 'gpt-image-1,gpt-5' })).toThrow(/OPENAI_MODELS: unknown model 'gpt-5'/);
  });

  it('takes OPENAI_BASE_URL', () => {
    expect(providersFromEnv({ OPENAI_API_KEY: 'sk', OPENAI_BASE_URL: 'https://proxy/v1' })[0].baseURL).toBe('https://proxy/v1');
  });
});

describe('providersFromEnv: Azure', () => {
  it('builds the provider from endpoint, key and deployments, on the v1 route by default with api-version preview', () => {
    const azure = providersFromEnv(AZURE, ON).find((p) => p.id === 'azure')!;
    expect(azure).toMatchObject({
      baseURL: 'https://my-resource.openai.azure.com/openai/v1',
      apiVersion: 'preview',
      azure: { route: 'v1', auth: 'key', scope: 'https://ai.azure.com/.default' },
    });
    expect(DEFAULT_AZURE_SCOPE).toBe('https://ai.azure.com/.default');
  });

  it('takes the dated deployments route with AZURE_OPENAI_ROUTE=deployments', () => {
    const azure = providersFromEnv({ ...AZURE, AZURE_OPENAI_ROUTE: 'deployments' }, ON).find((p) => p.id === 'azure')!;
    expect(azure).toMatchObject({
      baseURL: 'https://my-resource.openai.azure.com/openai',
      azure: { route: 'deployments', auth: 'key' },
      // A deployment is Azure's own list: served whatever the date, and labelled with Azure's date.
      models: ['gpt-image-1', 'dall-e-3'],
      defaultModel: 'gpt-image-1',
      deployments: { 'gpt-image-1': 'img1', 'dall-e-3': 'dalle3' },
      apiVersion: '2025-04-01-preview',
    });
    expect(DEFAULT_AZURE_API_VERSION).toBe('2025-04-01-preview');
    expect(azure.lifecycle['gpt-image-1']).toMatchObject({ state: 'shut-down', shutdown: '2026-10-23' });
    // Azure's dates are its own (MS-RET): gpt-image-1.5 retires 2026-12-16 there, not 2026-12-01.
    const later = providersFromEnv({ ...AZURE, AZURE_OPENAI_DEPLOYMENTS: 'gpt-image-1.5=img15' }, ON).find((p) => p.id === 'azure')!;
    expect(later.lifecycle['gpt-image-1.5']).toMatchObject({ state: 'shutting-down', shutdown: '2026-12-16', daysLeft: 13 });
  });

  it('takes no webp on Azure', () => {
    expect(providersFromEnv(AZURE).find((p) => p.id === 'azure')!.narrowing).toEqual({ excludeOutputFormats: ['webp'] });
  });

  it('takes OPENAI_API_VERSION on the dated route, and AZURE_OPENAI_V1_API_VERSION (none drops it) on v1', () => {
    expect(providersFromEnv({ ...AZURE, AZURE_OPENAI_ROUTE: 'deployments', OPENAI_API_VERSION: '2025-06-01-preview' })[0].apiVersion).toBe('2025-06-01-preview');
    expect(providersFromEnv({ ...AZURE, AZURE_OPENAI_V1_API_VERSION: 'none' })[0].apiVersion).toBeUndefined();
    expect(providersFromEnv({ ...AZURE, AZURE_OPENAI_V1_API_VERSION: '' })[0].apiVersion).toBeUndefined();
    expect(providersFromEnv({ ...AZURE, AZURE_OPENAI_V1_API_VERSION: 'latest' })[0].apiVersion).toBe('latest');
  });

  it('refuses a route it does not know, naming both', () => {
    expect(() => providersFromEnv({ ...AZURE, AZURE_OPENAI_ROUTE: 'classic' })).toThrow(/AZURE_OPENAI_ROUTE: 'classic' is not a route\. Use v1 .* or deployments/);
  });

  it('signs in keyless with Entra ID when no key is set, with the configured scope', () => {
    const keyless = providersFromEnv({ ...AZURE, AZURE_OPENAI_API_KEY: undefined }, ON)[0];
    expect(keyless).toMatchObject({ id: 'azure', azure: { route: 'v1', auth: 'entra', scope: 'https://ai.azure.com/.default' } });
    const scoped = providersFromEnv({ ...AZURE, AZURE_OPENAI_API_KEY: '', AZURE_OPENAI_SCOPE: 'https://cognitiveservices.azure.com/.default' }, ON)[0];
    expect(scoped.azure).toMatchObject({ auth: 'entra', scope: 'https://cognitiveservices.azure.com/.default' });
    expect(JSON.stringify(keyless)).not.toContain('SECRET');
  });

  it('needs an endpoint', () => {
    expect(ids({ ...AZURE, AZURE_OPENAI_ENDPOINT: '' })).toEqual(['offline']);
  });

  it('names main-model deployments the chat uses, and refuses a list without an image model', () => {
    const azure = providersFromEnv({ ...AZURE, AZURE_OPENAI_DEPLOYMENTS: 'gpt-image-2=img2,gpt-6-luna=chat' }, ON)[0];
    expect(azure).toMatchObject({ models: ['gpt-image-2'], mainModels: ['gpt-6-luna'], deployments: { 'gpt-image-2': 'img2', 'gpt-6-luna': 'chat' } });
    expect(() => providersFromEnv({ ...AZURE, AZURE_OPENAI_DEPLOYMENTS: undefined })).toThrow(/AZURE_OPENAI_DEPLOYMENTS names no image model.*model=deployment/);
    expect(() => providersFromEnv({ ...AZURE, AZURE_OPENAI_DEPLOYMENTS: 'gpt-6-luna=chat' })).toThrow(/names no image model/);
  });

  it('knows when its endpoint is an offline API (so the simulation controls reach it)', () => {
    const own = { ...AZURE, AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:3999/api/offline' };
    expect(providersFromEnv(own, ON)[0]).toMatchObject({ baseURL: 'http://127.0.0.1:3999/api/offline/openai/v1', offlineBacked: true });
    expect(providersFromEnv(AZURE, ON)[0].offlineBacked).toBe(false);
  });
});

describe('parseDeployments', () => {
  it('reads model=deployment pairs, trimming, and resolves aliases', () => {
    expect(parseDeployments(' gpt-image-2-2026-04-21 = img2 ,dall-e-2=d2,')).toEqual({ 'gpt-image-2': 'img2', 'dall-e-2': 'd2' });
    expect(parseDeployments(undefined)).toEqual({});
  });

  it.each(['gpt-image-1', 'gpt-image-1=', '=img1', 'gpt-9=img9', 'gpt-image-1=a=b', 'gpt-image-1:img1'])('refuses %j with a clear error', (bad) => {
    expect(() => parseDeployments(bad)).toThrow(new RegExp(`AZURE_OPENAI_DEPLOYMENTS: '${bad}' is not model=deployment with a known image model \\(gpt-image-2.6-sunburst, .*\\) or main model \\(gpt-6-luna, `));
  });
});

describe('gateway and DEFAULT_PROVIDER', () => {
  const all: Env = {
    OPENAI_API_KEY: 'sk-openai-SECRET-1234',
    ...AZURE,
    GATEWAY_BASE_URL: 'https://gw.example/v1',
    GATEWAY_API_KEY: 'gw-key-SECRET-9999',
    GATEWAY_NAME: 'My gateway',
    GATEWAY_MODELS: 'gpt-image-1.5',
    OFFLINE_API_KEY: 'offline-key-SECRET-0000',
  };

  it('orders providers openai, azure, gateway, offline', () => {
    expect(ids(all)).toEqual(['openai', 'azure', 'gateway', 'offline']);
    // The operator's GATEWAY_MODELS says what the gateway serves, shut down on OpenAI or not.
    expect(providersFromEnv(all, ON)[2]).toMatchObject({ label: 'My gateway', baseURL: 'https://gw.example/v1', models: ['gpt-image-1.5'], defaultModel: 'gpt-image-1.5' });
  });

  it('needs both gateway base URL and key', () => {
    expect(ids({ GATEWAY_BASE_URL: 'https://gw/v1' })).toEqual(['offline']);
  });

  it.each(['offline', 'gateway', 'azure', 'openai'])('picks DEFAULT_PROVIDER=%s', (id) => {
    expect(defaultProvider(providersFromEnv(all, ON), { ...all, DEFAULT_PROVIDER: id })?.id).toBe(id);
  });

  it('falls back to the first provider when DEFAULT_PROVIDER names one not configured', () => {
    const env = { OPENAI_API_KEY: 'sk', DEFAULT_PROVIDER: 'azure' };
    expect(defaultProvider(providersFromEnv(env), env)?.id).toBe('openai');
  });

  it('gives no provider when everything is off', () => {
    expect(defaultProvider(providersFromEnv({ OFFLINE_API_DISABLED: '1' }), {})).toBeUndefined();
  });

  it('never puts a key into ProviderInfo', () => {
    const json = JSON.stringify(providersFromEnv(all));
    for (const key of ['sk-openai-SECRET-1234', 'azure-key-SECRET-5678', 'gw-key-SECRET-9999', 'offline-key-SECRET-0000']) {
      expect(json).not.toContain(key);
    }
    expect(json).not.toContain('SECRET');
  });

  it('never puts a key into a configuration error', () => {
    let message = '';
    try {
      providersFromEnv({ ...all, AZURE_OPENAI_DEPLOYMENTS: 'gpt-image-1' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/AZURE_OPENAI_DEPLOYMENTS/);
    expect(message).not.toContain('SECRET');
  });
});

describe('Azure dates from its own model list', () => {
  it('replaces the shipped date for deployed models, and keeps offering the deployments whatever the list says', () => {
    const azure = providersFromEnv({ ...AZURE, AZURE_OPENAI_DEPLOYMENTS: 'gpt-image-2=img2,gpt-image-1.5=img15' }, ON)[0];
    expect(azure.lifecycle['gpt-image-2']).toMatchObject({ state: 'active', shutdown: '2027-04-21' });
    const told = withLiveModels(azure, [{ id: 'gpt-image-2', shutdown_date: '2026-12-20' }], ON);
    expect(told.models).toEqual(['gpt-image-2', 'gpt-image-1.5']);
    expect(told.modelSource).toBe('provider');
    expect(told.lifecycle['gpt-image-2']).toMatchObject({ state: 'shutting-down', shutdown: '2026-12-20', daysLeft: 17 });
    // Not in the list: the shipped Azure date stands.
    expect(told.lifecycle['gpt-image-1.5']).toMatchObject({ shutdown: '2026-12-16' });
  });
});

describe('azureRetirements', () => {
  it('reads deprecation.inference as a UTC day, names each registry model by its versioned Azure id, and skips the rest', () => {
    const at = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
    expect(azureRetirements([
      { id: 'dall-e-3-3.0', deprecation: { inference: at('2026-03-04') } },
      { id: 'gpt-image-1.5-2025-12-16', lifecycle_status: 'generally-available', deprecation: { inference: at('2026-12-16') } },
      { id: 'gpt-image-2', deprecation: { inference: at('2027-04-21') } },
      { id: 'gpt-image-2-2026-04-21', deprecation: { inference: at('2027-03-01') } },
      { id: 'text-embedding-3-large', deprecation: { inference: at('2027-01-01') } },
      { id: 'gpt-image-2.6-sunburst' },
    ])).toEqual([
      { id: 'dall-e-3', shutdown_date: '2026-03-04' },
      { id: 'gpt-image-1.5', shutdown_date: '2026-12-16' },
      { id: 'gpt-image-2', shutdown_date: '2027-03-01' },
    ]);
  });
});
