/**
 * What an error means and what to do about it, in plain words: one table from codes and statuses to advice.
 * The alert shows the code, the service's own message, and this.
 */
import type { GenerationError } from '../generation/events';

export interface Explanation {
  title: string;
  advice: string;
}

const AZURE_FILTER: Explanation = {
  title: "Blocked by Azure's content filter",
  advice: 'Rephrase the prompt. Azure filters prompts and generated images; the filter level is set on the deployment.',
};

const BY_CODE: Record<string, Explanation> = {
  moderation_blocked: { title: 'Blocked by the safety system', advice: 'Rephrase the prompt (or change the reference images) and try again. With moderation "low" GPT image models filter less strictly.' },
  content_policy_violation: { title: 'Blocked by the content policy', advice: 'Rephrase the prompt and try again.' },
  contentFilter: AZURE_FILTER,
  content_filter: AZURE_FILTER,
  rate_limit_exceeded: { title: 'Rate limit reached', advice: 'Wait and try again; fewer images per request (n) or a lower rate helps.' },
  insufficient_quota: { title: 'Out of credit', advice: 'The account has no quota left: check billing for this key.' },
  invalid_api_key: { title: 'The API key was refused', advice: 'Check the key configured on the server.' },
  unknown_parameter: { title: 'A parameter this model does not take', advice: 'Remove the named parameter or choose another model.' },
  invalid_value: { title: 'A value is not allowed', advice: 'Pick one of the values listed in the message.' },
  timeout: { title: 'The service took too long', advice: 'Try again; large, high-quality images take longest.' },
  connection_error: { title: 'Could not reach the image service', advice: 'Check the network and the provider’s base URL, then try again.' },
  stream_incomplete: { title: 'The stream ended early', advice: 'The last partial image is kept. Try again.' },
  // Between the browser and this server (lib/generation/jobs.ts keeps a generation going without the browser).
  connection_lost: { title: 'The connection to this server was lost', advice: 'The generation goes on on the server: reload the page to take it up again.' },
  job_not_found: { title: 'This generation is no longer on the server', advice: 'Run it again (Generate, or Send in the chat); what had arrived before is kept.' },
  // This server's own limits and policy (lib/limits, lib/policy): the message says the figures.
  rate_limited: { title: "This server's rate limit is reached", advice: 'Wait and try again; the limit counts requests in the last minute.' },
  spend_cap_reached: { title: "Today's spend cap is reached", advice: 'Choose a cheaper request (lower quality, smaller size, fewer images) or wait for the cap to start over at 00:00 UTC.' },
  cost_unknown: { title: 'This request cannot be priced', advice: 'Under a spend cap only priced requests run: choose a listed size and a priced model.' },
  policy_violation: { title: "Not allowed by this server's policy", advice: 'Pick one of the allowed values named in the message; Settings shows the policy.' },
  policy_invalid: { title: "The server's policy is misconfigured", advice: 'Ask the operator to fix POLICY_JSON or POLICY_FILE; nothing runs until then.' },
  limits_invalid: { title: "The server's limits are misconfigured", advice: 'Ask the operator to fix the RATE_LIMIT_* or SPEND_CAP_* variables.' },
  limits_unavailable: { title: 'Limits are unavailable', advice: 'The shared limits store is not answering; try again shortly.' },
  // Images on their way to this server (lib/uploads): the message names the file and the limit.
  file_too_large: { title: 'An image is too large', advice: 'Use a smaller or more compressed image; the message gives the limit.' },
  upload_budget_exceeded: { title: 'Too many images waiting on the server', advice: 'Wait for your earlier uploads to be used or to expire, or send fewer or smaller images.' },
  uploads_full: { title: 'The server is holding too many uploads', advice: 'Try again in a few minutes.' },
  upload_not_found: { title: 'An uploaded image is no longer on the server', advice: 'Send the request again: the images are uploaded anew.' },
  request_too_large: { title: 'The request is too large', advice: 'Shorten the text; images travel separately and are not the problem.' },
};

function byStatus(status: number): Explanation {
  if (status === 401) return { title: 'Not authorised', advice: 'The provider refused the key: check it in the server’s environment.' };
  if (status === 403) return { title: 'Access denied', advice: 'This key or resource may not use this model; check its permissions.' };
  if (status === 404) return { title: 'Not found', advice: 'The model or deployment does not exist for this provider.' };
  if (status === 429) return BY_CODE.rate_limit_exceeded;
  if (status >= 500) return { title: 'The service had a problem', advice: 'This is on the provider’s side. Try again in a moment.' };
  if (status >= 400) return { title: 'The request was refused', advice: 'Fix the named field and try again; your settings are kept.' };
  return BY_CODE.connection_error;
}

export function explain(error: GenerationError): Explanation {
  const base = (error.code && BY_CODE[error.code]) || byStatus(error.status);
  // Only a rate limit passes with time: a 429 for an exhausted quota (insufficient_quota) keeps its own advice.
  if (error.retryAfter !== undefined && base === BY_CODE.rate_limit_exceeded) {
    return { ...base, advice: `Wait ${error.retryAfter} s (the service's Retry-After), then try again.` };
  }
  if (error.retryAfter !== undefined && base === BY_CODE.rate_limited) return { ...base, advice: `Wait ${error.retryAfter} s, then try again.` };
  return base;
}
