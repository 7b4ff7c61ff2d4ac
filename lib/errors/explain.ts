/**
 * What an error means and what to do about it, in plain words: the error table's title and advice by code
 * (codes.ts), else by HTTP status. The alert shows the code, the service's own message, and this.
 */
import type { GenerationError } from '../generation/events';
import { codeInfo } from './codes';

export interface Explanation {
  title: string;
  advice: string;
}

/** Title and advice by code, from the one error table. */
function byCode(code: string | null): Explanation | undefined {
  const info = codeInfo(code);
  return info && { title: info.title, advice: info.advice };
}

function byStatus(status: number): Explanation {
  if (status === 401) return { title: 'Not authorised', advice: 'The provider refused the key: check it in the server’s environment.' };
  if (status === 403) return { title: 'Access denied', advice: 'This key or resource may not use this model; check its permissions.' };
  if (status === 404) return { title: 'Not found', advice: 'The model or deployment does not exist for this provider.' };
  if (status === 429) return byCode('rate_limit_exceeded')!;
  if (status >= 500) return { title: 'The service had a problem', advice: 'This is on the provider’s side. Try again in a moment.' };
  if (status >= 400) return { title: 'The request was refused', advice: 'Fix the named field and try again; your settings are kept.' };
  return byCode('connection_error')!;
}

/**
 * Azure answers a content-filter block in four shapes (api-2026-12 §6.3): `content_filter`, the older
 * `contentFilter`, `content_policy_violation` with inner_error ResponsibleAIPolicyViolation, and OpenAI's
 * `moderation_blocked` passed through. All four are its content filter to the person; 401 and 403 have
 * Azure-specific causes (sign-in, scope, network rules).
 */
function onAzure(error: GenerationError): Explanation | undefined {
  if (error.provider !== 'azure') return undefined;
  const filtered = ['content_filter', 'contentFilter', 'content_policy_violation', 'moderation_blocked'];
  if (filtered.includes(error.code ?? '') || error.innerCode === 'ResponsibleAIPolicyViolation') return byCode('content_filter');
  if (error.status === 401) {
    return {
      title: 'Azure refused the sign-in',
      advice: 'With a key: check AZURE_OPENAI_API_KEY. Keyless: the identity needs the Cognitive Services OpenAI User role on the resource, and the token scope (AZURE_OPENAI_SCOPE) must be one the resource takes: https://ai.azure.com/.default (the default) or the older https://cognitiveservices.azure.com/.default. Settings shows how the server signs in.',
    };
  }
  if (error.status === 403) {
    return {
      title: 'Azure refused access',
      advice: "The resource's network rules (firewall, virtual network, private endpoint) do not admit this server, key access is disabled (sign in keyless instead: unset AZURE_OPENAI_API_KEY), or the resource is blocked. The message says which.",
    };
  }
  return undefined;
}

export function explain(error: GenerationError): Explanation {
  const base = onAzure(error) ?? byCode(error.code) ?? byStatus(error.status);
  // Only a rate limit passes with time: a 429 for an exhausted quota (insufficient_quota) keeps its own advice.
  if (error.retryAfter !== undefined && (error.code === 'rate_limit_exceeded' || (!codeInfo(error.code) && error.status === 429))) {
    return { ...base, advice: `Wait ${error.retryAfter} s (the service's Retry-After), then try again.` };
  }
  if (error.retryAfter !== undefined && error.code === 'rate_limited') return { ...base, advice: `Wait ${error.retryAfter} s, then try again.` };
  return base;
}
