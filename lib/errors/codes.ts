/**
 * One table of error codes: the HTTP status and `type` each is answered with, and what it means to a person.
 * The offline API answers the upstream codes with these statuses and types (as OpenAI and Azure do), the
 * server's own refusals (actions, limits, policy, uploads, the pipeline) are built from it, and the UI's
 * explanation (explain.ts) reads its title and advice. Runs in the browser and on the server.
 */
import type { GenerationError } from '../generation/events';
import { ApiError } from './api-error';

export interface CodeInfo {
  status: number;
  type: string;
  title: string;
  advice: string;
}

const AZURE_FILTER = {
  status: 400,
  type: 'invalid_request_error',
  title: "Blocked by Azure's content filter",
  advice: 'Rephrase the prompt. Azure filters prompts and generated images; the filter level is set on the deployment.',
} as const;

const INVALID = 'invalid_request_error';

export const ERROR_CODES = {
  // What the image services answer (OpenAI, Azure); the offline API answers them the same way.
  moderation_blocked: { status: 400, type: 'image_generation_user_error', title: 'Blocked by the safety system', advice: 'Rephrase the prompt (or change the reference images) and try again. With moderation "low" GPT image models filter less strictly.' },
  content_policy_violation: { status: 400, type: INVALID, title: 'Blocked by the content policy', advice: 'Rephrase the prompt and try again.' },
  contentFilter: AZURE_FILTER,
  content_filter: AZURE_FILTER,
  rate_limit_exceeded: { status: 429, type: 'requests', title: 'Rate limit reached', advice: 'Wait and try again; fewer images per request (n) or a lower rate helps.' },
  insufficient_quota: { status: 429, type: 'insufficient_quota', title: 'Out of credit', advice: 'The account has no quota left: check billing for this key.' },
  invalid_api_key: { status: 401, type: INVALID, title: 'The API key was refused', advice: 'Check the key configured on the server.' },
  unknown_parameter: { status: 400, type: INVALID, title: 'A parameter this model does not take', advice: 'Remove the named parameter or choose another model.' },
  invalid_value: { status: 400, type: INVALID, title: 'A value is not allowed', advice: 'Pick one of the values listed in the message.' },
  invalid_type: { status: 400, type: INVALID, title: 'A value has the wrong type', advice: 'Send the named field with the type the message asks for.' },
  missing_required_parameter: { status: 400, type: INVALID, title: 'A required field is missing', advice: 'Send the named field.' },
  model_not_found: { status: 404, type: INVALID, title: 'The service does not know this model', advice: 'The model was shut down or your key has no access to it: choose another model (the message names it).' },
  // Refused here before anything is sent (lib/models/lifecycle.ts): the message names the model, the date and the replacement.
  model_shut_down: { status: 400, type: INVALID, title: 'This model is shut down', advice: 'Switch to the replacement the message names; your other settings carry over where the new model takes them.' },
  server_error: { status: 500, type: 'server_error', title: 'The service had a problem', advice: 'This is on the service’s side. Try again in a moment.' },
  // Between this server and the image service.
  timeout: { status: 0, type: 'timeout', title: 'The service took too long', advice: 'Try again; large, high-quality images take longest.' },
  connection_error: { status: 0, type: 'connection_error', title: 'Could not reach the image service', advice: 'Check the network and the provider’s base URL, then try again.' },
  stream_incomplete: { status: 0, type: 'stream_error', title: 'The stream ended early', advice: 'The last partial image is kept. Try again.' },
  upstream_idle_timeout: { status: 0, type: 'timeout', title: 'The service stopped sending', advice: 'The stream went quiet without closing, so it was ended; the last partial image is kept. Try again (UPSTREAM_IDLE_TIMEOUT_MS sets how long the server waits).' },
  stream_malformed: { status: 0, type: 'protocol_error', title: 'The service sent something unreadable', advice: 'A stream record was not valid; what arrived before it is kept. Try again, or check the gateway between this server and the service.' },
  // Between the browser and this server (lib/pipeline/jobs.server.ts keeps a generation going without the browser).
  connection_lost: { status: 0, type: 'connection_error', title: 'The connection to this server was lost', advice: 'The generation goes on on the server: reload the page to take it up again.' },
  job_not_found: { status: 404, type: INVALID, title: 'This generation is no longer on the server', advice: 'Run it again (Generate, or Send in the chat); what had arrived before is kept.' },
  job_id_in_use: { status: 409, type: INVALID, title: 'This request id is already in use', advice: 'Run it again: every run gets a new id.' },
  // This server's own limits and policy (lib/limits, lib/policy): the message says the figures.
  rate_limited: { status: 429, type: 'rate_limit_error', title: "This server's rate limit is reached", advice: 'Wait and try again; the limit counts requests in the last minute.' },
  spend_cap_reached: { status: 429, type: 'rate_limit_error', title: "Today's spend cap is reached", advice: 'Choose a cheaper request (lower quality, smaller size, fewer images) or wait for the cap to start over at 00:00 UTC.' },
  cost_unknown: { status: 400, type: INVALID, title: 'This request cannot be priced', advice: 'Under a spend cap only priced requests run: choose a listed size and a priced model.' },
  policy_violation: { status: 403, type: INVALID, title: "Not allowed by this server's policy", advice: 'Pick one of the allowed values named in the message; Settings shows the policy.' },
  policy_invalid: { status: 500, type: 'server_error', title: "The server's policy is misconfigured", advice: 'Ask the operator to fix POLICY_JSON or POLICY_FILE; nothing runs until then.' },
  limits_invalid: { status: 500, type: 'server_error', title: "The server's limits are misconfigured", advice: 'Ask the operator to fix the RATE_LIMIT_* or SPEND_CAP_* variables.' },
  limits_unavailable: { status: 503, type: 'server_error', title: 'Limits are unavailable', advice: 'The shared limits store is not answering; try again shortly.' },
  // Images on their way to this server (lib/uploads): the message names the file and the limit.
  file_too_large: { status: 413, type: INVALID, title: 'An image is too large', advice: 'Use a smaller or more compressed image; the message gives the limit.' },
  upload_budget_exceeded: { status: 429, type: INVALID, title: 'Too many images waiting on the server', advice: 'Wait for your earlier uploads to be used or to expire, or send fewer or smaller images.' },
  server_busy: { status: 503, type: 'server_error', title: 'The server is busy', advice: 'It is holding as much as its memory budget allows; try again in a moment.' },
  uploads_full: { status: 429, type: INVALID, title: 'The server is holding too many uploads', advice: 'Try again in a few minutes.' },
  forbidden_origin: { status: 403, type: INVALID, title: 'Refused: sent from another site', advice: 'Open the playground at its own address and upload from there.' },
  upload_not_found: { status: 400, type: INVALID, title: 'An uploaded image is no longer on the server', advice: 'Send the request again: the images are uploaded anew.' },
  request_too_large: { status: 413, type: INVALID, title: 'The request is too large', advice: 'Shorten the text; images travel separately and are not the problem.' },
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function codeInfo(code: string | null | undefined): CodeInfo | undefined {
  return code && Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code as ErrorCode] : undefined;
}

/** An error with its status and type from the table; `status` overrides where the wire gave another. */
export function errorFor(code: ErrorCode, message: string, param: string | null = null, status?: number): GenerationError {
  const info = ERROR_CODES[code];
  return { status: status ?? info.status, message, type: info.type, param, code };
}

/** The same, as the offline API's and the validators' ApiError. */
export function apiErrorFor(code: ErrorCode, message: string, param: string | null = null, headers: Record<string, string> = {}): ApiError {
  const info = ERROR_CODES[code];
  return new ApiError(info.status, { message, type: info.type, param, code }, headers);
}
