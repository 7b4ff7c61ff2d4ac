/**
 * Moving saved settings off a model the provider no longer offers (saved studio settings, history's "Reuse
 * settings", chat threads): to the replacement its lifecycle names, with a notice a person reads. Never silent:
 * the notice says what was asked, what it became, why, and which settings the new model did not take.
 */
import { lifecycleOwner, type Lifecycle } from './lifecycle';
import { findModel } from './registry';
import type { ModelId } from './types';

export interface ModelMove {
  from: string;
  to: ModelId;
  notice: string;
}

/** Where a saved model goes on this provider: itself when offered, else its replacement (or the default). */
export function moveModel(
  model: string,
  provider: { id: string; label: string; models: readonly ModelId[]; defaultModel: ModelId; lifecycle?: Record<string, Lifecycle> },
): ModelMove | undefined {
  if (!model || provider.models.includes(model)) return undefined;
  const spec = findModel(model);
  if (spec && provider.models.includes(spec.id)) return undefined;
  const life = provider.lifecycle?.[model] ?? (spec ? provider.lifecycle?.[spec.id] : undefined);
  const to = life?.replacement && provider.models.includes(life.replacement) ? life.replacement : provider.defaultModel;
  const why = life?.state === 'shut-down' ? `was shut down on ${lifecycleOwner(provider.id)} on ${life.shutdown}` : `is not offered on ${provider.label}`;
  return { from: model, to, notice: `${model} ${why}: switched to ${to}.` };
}

/** Field names as a person reads them in a notice. */
const FIELD_LABEL: Record<string, string> = {
  input_fidelity: 'input fidelity',
  response_format: 'response format',
  output_format: 'output format',
  output_compression: 'compression',
  partial_images: 'partial images',
};

/**
 * The settings that did not carry over: each asked field whose value the new settings do not send as asked
 * (the model lacks the field, or not that value), e.g. "quality hd → auto", "input fidelity high (not taken)".
 */
export function droppedSettings(asked: Record<string, unknown>, sent: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(asked)) {
    if (key === 'model' || key === 'prompt' || value === undefined || value === null) continue;
    const label = FIELD_LABEL[key] ?? key;
    if (!(key in sent)) out.push(`${label} ${String(value)} (not taken)`);
    else if (sent[key] !== value) out.push(`${label} ${String(value)} → ${String(sent[key])}`);
  }
  return out;
}

/** The whole notice: the move, then what did not carry over, or that everything did. */
export function moveNotice(move: ModelMove, dropped: readonly string[]): string {
  return dropped.length ? `${move.notice} Not carried over: ${dropped.join(', ')}.` : `${move.notice} Every other setting carried over.`;
}
