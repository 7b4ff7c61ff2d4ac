import 'server-only';
/**
 * Azure OpenAI's own error shapes, for the `azure_*` faults (faults.ts) and Azure's auth and api-version answers.
 * Azure's bodies are not all OpenAI's `{message, type, param, code}`: a 429 or 401 is just `{code, message}`, a
 * content filter block carries `content_filter_results`, DALL·E 3's carries `inner_error`. AzureApiError answers
 * the body exactly as given, so the playground's error handling is tested against what Azure really sends.
 */
import { ApiError, type ApiErrorBody } from '../errors/api-error';
import type { Fault } from './faults';

type Wire = Record<string, unknown> & { message: string; code: string };

export class AzureApiError extends ApiError {
  readonly wire: Wire;

  constructor(status: number, wire: Wire, headers: Record<string, string> = {}) {
    super(status, { message: wire.message, code: wire.code, type: typeof wire.type === 'string' ? wire.type : undefined, param: typeof wire.param === 'string' ? wire.param : null }, headers);
    this.wire = wire;
  }

  override toBody(): { error: ApiErrorBody } {
    // Azure's fields, as sent: some shapes have no `type` or `param`.
    return { error: this.wire as unknown as ApiErrorBody };
  }
}

export const AZURE_RETRY_AFTER_S = 3;

/** What Azure's content filter reports per category: the prompt tripped `violence`, nothing else. */
function filterResults() {
  return {
    hate: { filtered: false, severity: 'safe' },
    self_harm: { filtered: false, severity: 'safe' },
    sexual: { filtered: false, severity: 'safe' },
    violence: { filtered: true, severity: 'medium' },
    jailbreak: { filtered: false, detected: false },
    profanity: { filtered: false, detected: false },
  };
}

/** The Azure operation a route is, as 429 messages name it. */
export type AzureOperation = 'generations' | 'edits' | 'variations' | 'responses' | 'models';
const OPERATION_NAME: Record<AzureOperation, string> = {
  generations: 'Images_Generations',
  edits: 'Images_Edits',
  variations: 'Images_Variations',
  responses: 'Responses_Create',
  models: 'Models_List',
};

export const TOKEN_401 = (audience: string) =>
  `Access token is missing, invalid, audience is incorrect (${audience}), or have expired.`;
export const KEY_401 = 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

export function azureUnauthorized(message: string): AzureApiError {
  return new AzureApiError(401, { code: '401', message });
}

export function authenticationTypeDisabled(): AzureApiError {
  return new AzureApiError(403, { code: 'AuthenticationTypeDisabled', message: 'Key based authentication is disabled for this resource.' });
}

/** v1's answer to an api-version it does not take. */
export function apiVersionNotSupported(): AzureApiError {
  return new AzureApiError(400, { code: 'BadRequest', message: 'API version not supported' });
}

export interface FaultContext {
  operation: AzureOperation;
  /** The api-version the request was made under (Azure names it in a 429); `preview` when none was sent. */
  apiVersion: string;
  requestId: string;
  prompt?: string;
  /** Whether the request carried a bearer token rather than a key: the 401 speaks of tokens then. */
  bearer: boolean;
}

/** The faults answered before the body is read: throttling and the gates in front of the deployment. */
export function azureGateFault(fault: Fault | null, ctx: FaultContext): AzureApiError | null {
  switch (fault) {
    case 'azure_rate_limit':
      return new AzureApiError(429, {
        code: '429',
        message: `Requests to the ${OPERATION_NAME[ctx.operation]} Operation under Azure OpenAI API version ${ctx.apiVersion} have exceeded call rate limit of your current pricing tier. Please retry after ${AZURE_RETRY_AFTER_S} seconds. Please contact Azure support service if you would like to further increase the default rate limit. (simulated)`,
      }, { 'retry-after': String(AZURE_RETRY_AFTER_S), 'retry-after-ms': String(AZURE_RETRY_AFTER_S * 1000) });
    case 'azure_unauthorized':
      return azureUnauthorized(ctx.bearer ? TOKEN_401('https://ai.azure.com') : KEY_401);
    case 'azure_forbidden':
      return new AzureApiError(403, { code: '403', message: 'Access denied due to Virtual Network/Firewall rules. (simulated)' });
    default:
      return null;
  }
}

/** The safety system's refusals, answered once the request is otherwise valid (as the real filter runs last). */
export function azureContentFault(fault: Fault | null, ctx: FaultContext): AzureApiError | null {
  switch (fault) {
    case 'azure_content_filter':
      return new AzureApiError(400, {
        code: 'content_filter',
        message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. (simulated)",
        param: 'prompt',
        type: null,
        content_filter_results: filterResults(),
      });
    case 'azure_policy_violation':
      return new AzureApiError(400, {
        code: 'content_policy_violation',
        message: 'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system. (simulated)',
        param: null,
        type: 'invalid_request_error',
        inner_error: {
          code: 'ResponsibleAIPolicyViolation',
          content_filter_results: filterResults(),
          revised_prompt: ctx.prompt ?? '',
        },
      });
    case 'azure_moderation':
      return new AzureApiError(400, {
        code: 'moderation_blocked',
        message: `Your request was rejected by the safety system. If you believe this is an error, open an Azure support ticket and include the request ID ${ctx.requestId}. (simulated)`,
        param: null,
        type: 'image_generation_user_error',
      });
    default:
      return null;
  }
}
