/**
 * Where the offline API under test lives, and SDK clients pointed at it. Base URL from playwright.config.ts
 * (E2E_PORT). Clients can check every request they send against the spec (CreateImageRequest for
 * generations, CreateImageEditRequest for edits) before it leaves, collecting problems for `expectValidRequests`.
 */
import { expect } from '@playwright/test';
import OpenAI, { AzureOpenAI } from 'openai';
import { BASE_URL } from '../../../playwright.config';
import { formAsSpecObject, specProblems, type SchemaName } from './spec';

export const BASE = BASE_URL;
/** Azure style endpoint: `new AzureOpenAI({ endpoint: AZURE_ENDPOINT, ... })`. */
export const AZURE_ENDPOINT = `${BASE}/api/offline`;
/** OpenAI style base URL. */
export const V1 = `${BASE}/api/offline/v1`;
export const KEY = 'sk-offline-e2e-key';
export const AZURE_API_VERSION = '2025-04-01-preview';
export const AUTH = { authorization: `Bearer ${KEY}` } as const;

const requestProblems: string[] = [];

const REQUEST_SCHEMA: [RegExp, SchemaName][] = [
  [/\/images\/generations(\?|$)/, 'CreateImageRequest'],
  [/\/images\/edits(\?|$)/, 'CreateImageEditRequest'],
  [/\/images\/variations(\?|$)/, 'CreateImageVariationRequest'],
];

/**
 * Tests block the event loop now and then (the spec's schemas compile synchronously on first use, images are
 * compared pixel by pixel). While it is blocked, undici cannot run the timer that retires an idle keep-alive
 * socket, so the next request may go out on a socket the server has just closed ("other side closed"). One
 * macrotask lets overdue timers run first.
 */
const afterOverdueTimers = () => new Promise((resolve) => setTimeout(resolve, 0));

const plainFetch: typeof fetch = async (input, init) => {
  await afterOverdueTimers();
  return fetch(input, init);
};

/** A fetch that checks the SDK's request bodies against the spec, then sends them unchanged. */
const checkingFetch: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const name = REQUEST_SCHEMA.find(([re]) => re.test(url))?.[1];
  if (name && init?.body !== undefined) {
    let value: unknown;
    if (typeof init.body === 'string') value = JSON.parse(init.body);
    else if (init.body instanceof FormData) value = formAsSpecObject(init.body);
    if (value !== undefined) requestProblems.push(...specProblems(name, value).map((p) => `${url}: ${p}`));
  }
  return plainFetch(input, init);
};

/** Asserts that every request the checking clients sent so far conformed to the spec, then forgets them. */
export function expectValidRequests(): void {
  const problems = requestProblems.splice(0);
  expect(problems, 'requests sent by the SDK should conform to the spec').toEqual([]);
}

/**
 * The offline API's simulation header that serves models OpenAI shut down (lib/offline/lineup.server.ts): for tests
 * of a retired model's own rules (dall-e variations, response_format url, gpt-image-1's published token figures,
 * input_fidelity on 1.5). Without it the OpenAI-style routes answer such a model 404 model_not_found.
 */
export const SERVE_RETIRED = { 'x-offline-serve-retired': '1' } as const;

/**
 * The models OpenAI shut down, and when (api-2026-12 §1), written here from the document rather than read from
 * lib/models/lifecycle.ts, so a test cannot agree with a mistake there.
 */
export const SHUT_DOWN_IMAGE_MODELS: Record<string, string> = {
  'gpt-image-1.5': '2026-12-01',
  'gpt-image-1-mini': '2026-12-01',
  'gpt-image-1': '2026-10-23',
  'dall-e-3': '2026-05-12',
  'dall-e-2': '2026-05-12',
};

/** The headers a request for `model` needs: SERVE_RETIRED when OpenAI shut it down, none otherwise. */
export function headersFor(model: unknown): Record<string, string> {
  return typeof model === 'string' && model in SHUT_DOWN_IMAGE_MODELS ? { ...SERVE_RETIRED } : {};
}

interface ClientOptions {
  /** Check requests against the spec (turn off for tests that send invalid requests on purpose). */
  checkRequests?: boolean;
  headers?: Record<string, string>;
  maxRetries?: number;
  /** Send SERVE_RETIRED with every request. */
  retired?: boolean;
}

export function openaiClient(opts: ClientOptions = {}): OpenAI {
  return new OpenAI({
    baseURL: V1,
    apiKey: KEY,
    maxRetries: opts.maxRetries ?? 0,
    timeout: 60_000,
    defaultHeaders: opts.retired ? { ...SERVE_RETIRED, ...opts.headers } : opts.headers,
    fetch: opts.checkRequests === false ? plainFetch : checkingFetch,
  });
}

/** A client for tests of a shut-down model's own rules: every request carries SERVE_RETIRED. */
export function retiredClient(opts: ClientOptions = {}): OpenAI {
  return openaiClient({ ...opts, retired: true });
}

export function azureClient(opts: ClientOptions & { deployment?: string; apiVersion?: string } = {}): AzureOpenAI {
  return new AzureOpenAI({
    endpoint: AZURE_ENDPOINT,
    apiKey: KEY,
    apiVersion: opts.apiVersion ?? AZURE_API_VERSION,
    deployment: opts.deployment ?? 'gpt-image-1',
    maxRetries: opts.maxRetries ?? 0,
    timeout: 60_000,
    defaultHeaders: opts.headers,
    fetch: opts.checkRequests === false ? plainFetch : checkingFetch,
  });
}
