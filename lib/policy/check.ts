/**
 * The server's side of the policy: a request outside what applyPolicy leaves is refused with the field, the
 * value and what the policy allows (code `policy_violation`), even when sent without the UI.
 */
import { listValues } from '../errors/api-error';
import { errorFor } from '../errors/codes';
import { capsFor, QUALITY_RANK, sizePixels } from '../models/caps';
import { findModel } from '../models/registry';
import { parseSize } from '../models/sizes';
import type { Endpoint, EndpointCaps, Quality } from '../models/types';
import type { GenerationError } from '../generation/events';
import type { ProviderInfo } from '../providers/config';
import { applyPolicy } from './apply';
import type { Policy } from './policy';

export function policyViolation(param: string, message: string): GenerationError {
  return errorFor('policy_violation', message, param);
}

/** What the policy-checked parts of a request ask for; absent fields take the model's defaults. */
export interface AskedFor {
  model: string;
  endpoint: Endpoint;
  n?: number;
  quality?: Quality;
  size?: string;
  partialImages?: number;
  /** The user brought their own key (its value never comes here). */
  userKey?: boolean;
}

const px = (v: number) => v.toLocaleString('en-US');

function sizeText(caps: EndpointCaps): string {
  const listed = caps.sizes.length ? listValues(caps.sizes) : '';
  const custom = caps.customSize ? `any WxH up to ${px(caps.customSize.maxPixels)} pixels` : '';
  return [listed, custom].filter(Boolean).join(', or ');
}

/**
 * Null when the policy allows the request. `param` names are the API's (`tools[0].quality` for the chat's tool:
 * pass `prefix`). Checks run against the caps the UI offers, so both sides agree by construction.
 */
export function checkPolicy(policy: Policy, provider: ProviderInfo, asked: AskedFor, prefix = ''): GenerationError | null {
  if (asked.userKey && !policy.allowUserKey) {
    return policyViolation('userKey', "This server's policy does not allow bringing your own API key; remove it in Settings to use the server's key.");
  }
  const allowed = applyPolicy(provider, policy);
  if (!allowed) {
    const ok = policy.providers?.length ? `Allowed: ${listValues(policy.providers)}.` : 'It leaves no model of this provider usable.';
    return policyViolation('provider', `Provider '${provider.id}' is not allowed by this server's policy. ${ok}`);
  }
  const model = findModel(asked.model);
  const raw = model && capsFor(model.id, asked.endpoint, provider.narrowing);
  const listed = model && allowed.models.some((m) => m === model.id || findModel(m)?.id === model.id);
  const caps = listed ? capsFor(model.id, asked.endpoint, allowed.narrowing) : undefined;
  if (!model || !raw || !caps) {
    const offered = allowed.models.filter((m) => capsFor(m, asked.endpoint, allowed.narrowing));
    return policyViolation(`${prefix}model`, `Model '${asked.model}' is not allowed by this server's policy here. Allowed: ${offered.length ? listValues(offered) : 'none'}.`);
  }
  const n = asked.n ?? 1;
  if (n > caps.n.max) return policyViolation(`${prefix}n`, `n ${n} is above this server's policy: at most ${caps.n.max} image${caps.n.max > 1 ? 's' : ''} per request.`);
  if (raw.qualities.length) {
    const quality = asked.quality ?? raw.defaults.quality;
    if (!caps.qualities.includes(quality)) {
      const auto = quality === 'auto' ? " ('auto' counts as high)" : '';
      const omitted = asked.quality === undefined ? ` (the model's default, since none was sent)` : '';
      return policyViolation(`${prefix}quality`, `quality '${quality}'${omitted} is above this server's policy${auto}. Allowed: ${listValues(caps.qualities)}.`);
    }
  }
  const size = asked.size ?? raw.defaults.size;
  const dims = parseSize(size);
  const pixels = sizePixels(size, raw);
  const sizeOk = caps.sizes.includes(size) || (!!caps.customSize && !!dims && pixels <= caps.customSize.maxPixels);
  if (!sizeOk) {
    const what = size === 'auto' ? `size 'auto' can be as large as ${px(pixels)} pixels, which` : `size '${size}' (${px(pixels)} pixels)`;
    return policyViolation(`${prefix}size`, `${what} is above this server's policy of ${px(policy.maxPixels ?? 0)} pixels. Allowed: ${sizeText(caps)}.`);
  }
  const partials = asked.partialImages ?? 0;
  if (caps.partialImages && partials > caps.partialImages.max) {
    return policyViolation(`${prefix}partial_images`, `partial_images ${partials} is above this server's policy: at most ${caps.partialImages.max}.`);
  }
  return null;
}
