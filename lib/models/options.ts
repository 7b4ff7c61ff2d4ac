/**
 * The options the UI offers for one model, endpoint and provider, derived from the registry, and the
 * combination rules a control needs (transparent needs png/webp; compression only for jpeg/webp).
 */
import { capsFor, type CapsNarrowing } from './caps';
import { lifecycleLabel, type Lifecycle } from './lifecycle';
import { findModel } from './registry';
import type { Background, EndpointCaps, ModelSpec, OutputFormat } from './types';

export type ControlOptions = EndpointCaps;

export function controlOptions(model: string, endpoint: keyof ModelSpec['endpoints'], narrowing?: CapsNarrowing): ControlOptions | undefined {
  return capsFor(model, endpoint, narrowing);
}

/** Backgrounds that work with `format`: transparent only where the format has alpha. */
export function backgroundsFor(options: ControlOptions, format: OutputFormat | undefined): Background[] {
  const all = options.backgrounds ?? [];
  const fmt = format ?? options.defaults.outputFormat;
  return all.filter((b) => b !== 'transparent' || !fmt || (options.transparentFormats ?? []).includes(fmt));
}

/** "preview" beside each value the service documents as preview, for a select's option text. */
export function previewNotes<T extends string>(values: readonly T[] | undefined): Partial<Record<T, string>> | undefined {
  return values?.length ? (Object.fromEntries(values.map((v) => [v, 'preview'])) as Partial<Record<T, string>>) : undefined;
}

/** output_compression applies to jpeg and webp only. */
export function compressionApplies(options: ControlOptions, format: OutputFormat | undefined): boolean {
  return !!options.compression && (format === 'jpeg' || format === 'webp');
}

/** One line a person can read: what the model takes on this endpoint. */
export function describeCaps(caps: EndpointCaps): string {
  const parts = [
    caps.customSize ? `sizes ${caps.sizes.join(', ')} or any WxH (×${caps.customSize.multiple}, ≤ ${caps.customSize.maxEdge} px, ≤ ${caps.customSize.maxAspect}:1)` : `sizes ${caps.sizes.join(', ')}`,
    caps.qualities.length ? `quality ${caps.qualities.join('/')}` : '',
    `n ${caps.n.min}–${caps.n.max}`,
    caps.outputFormats ? `formats ${caps.outputFormats.join('/')}` : '',
    caps.backgrounds ? `background ${caps.backgrounds.join('/')}` : '',
    caps.styles ? `style ${caps.styles.join('/')}` : '',
    caps.partialImages ? `streaming, ${caps.partialImages.max} partials max` : '',
    caps.inputFidelity ? 'input fidelity' : '',
    caps.images ? `${caps.images.maxCount} image${caps.images.maxCount > 1 ? 's' : ''} ≤ ${caps.images.maxBytes / 1024 / 1024} MB` : '',
    caps.promptMax ? `prompt ≤ ${caps.promptMax.toLocaleString('en-US')} chars` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * The word beside each model in a model list: its shutdown date on this provider (from 90 days out, or past it
 * when the provider still serves it), "not in the registry" for an id only the provider's list knows, and
 * "unconfirmed" where the endpoint is offered on third-party evidence.
 */
export function modelNotes(models: readonly string[], lifecycle: Record<string, Lifecycle> | undefined, endpoint: keyof ModelSpec['endpoints']): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const id of models) {
    const spec = findModel(id);
    const life = lifecycle?.[id];
    const words = [
      life && life.state !== 'active' ? lifecycleLabel(life)?.replace(/^S/, 's') : '',
      spec && !spec.inRegistry ? 'not in the registry' : '',
      spec?.endpoints[endpoint]?.unconfirmed ? 'unconfirmed' : '',
    ].filter(Boolean);
    if (words.length) notes[id] = words.join(', ');
  }
  return notes;
}

/** The lines under the model list: what the model is, what omitting quality does, when it shuts down. */
export function modelHint(id: string, lifecycle: Record<string, Lifecycle> | undefined, endpoint: keyof ModelSpec['endpoints']): { text: string; warning?: string } {
  const spec = findModel(id);
  const life = lifecycle?.[id];
  const parts = [spec?.note, spec?.qualityOmitted, spec?.endpoints[endpoint]?.unconfirmed].filter(Boolean);
  const label = life ? lifecycleLabel(life) : undefined;
  const warning = life && life.state !== 'active' && label
    ? `${label}${life.replacement && life.replacement !== id ? `; its replacement is ${life.replacement}` : ''}${life.state === 'shut-down' ? ' (this provider still lists it)' : ''}.`
    : undefined;
  return { text: parts.join(' '), warning };
}
