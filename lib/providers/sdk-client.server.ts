import 'server-only';
/**
 * The one place a provider becomes an `openai` SDK client, and the only code that reads provider keys.
 * Every upstream request goes through these clients (auth, base URL, Azure deployment routing, retries).
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { ModelId } from '../models/types';
import type { Env, ProviderInfo } from './config';
import { internalOfflineKey } from '../access/server-key.server';
import { entraToken } from './azure-credential.server';
import { upstreamModel } from './deployments';

/**
 * A placeholder is enough for the offline API unless OFFLINE_API_KEY is set or a passcode closes the door
 * (then the server's internal key, lib/access/server-key.server.ts); it never leaves this server.
 */
const OFFLINE_PLACEHOLDER_KEY = 'offline';

/**
 * `userKey`: a user's own key (policy allowUserKey) replacing the server's for this one client; the client is
 * made per request and never kept, so the key lives only as long as the request.
 */
export function createClient(provider: ProviderInfo, model: ModelId, env: Env = process.env, userKey?: string): OpenAI {
  if (userKey) env = { ...env, OPENAI_API_KEY: userKey, AZURE_OPENAI_API_KEY: userKey, GATEWAY_API_KEY: userKey, OFFLINE_API_KEY: userKey };
  switch (provider.id) {
    case 'openai':
      return new OpenAI({
        apiKey: env.OPENAI_API_KEY,
        baseURL: provider.baseURL,
        organization: env.OPENAI_ORG_ID || null,
        project: env.OPENAI_PROJECT_ID || null,
      });
    case 'azure': {
      const azure = provider.azure!;
      const key = env.AZURE_OPENAI_API_KEY;
      // Keyless: the SDK asks for a token per request; azure-credential.server.ts holds and renews it.
      const token = () => entraToken(azure.scope);
      if (azure.route === 'v1') {
        // The plain client on …/openai/v1/ (api-2026-12 §6.1): a key or a token, both as Authorization: Bearer.
        return new OpenAI({
          baseURL: provider.baseURL,
          apiKey: key || token,
          defaultQuery: provider.apiVersion ? { 'api-version': provider.apiVersion } : undefined,
        });
      }
      // openai 6.x does not route images.edit by body model on Azure: name the deployment here (api-reference §2).
      return new AzureOpenAI({
        endpoint: env.AZURE_OPENAI_ENDPOINT,
        ...(key ? { apiKey: key } : { azureADTokenProvider: token }),
        apiVersion: provider.apiVersion,
        deployment: upstreamModel(provider, model),
      });
    }
    case 'gateway':
      return new OpenAI({ apiKey: env.GATEWAY_API_KEY, baseURL: provider.baseURL });
    case 'offline':
      return new OpenAI({ apiKey: env.OFFLINE_API_KEY || internalOfflineKey(env) || OFFLINE_PLACEHOLDER_KEY, baseURL: provider.baseURL });
  }
}
