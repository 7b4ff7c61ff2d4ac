'use client';
/** The lightbox's side panel: the prompt, what was asked and what came back, usage and cost, latency. */
import { useCost } from '@/lib/cost/cost-store.client';
import type { LightboxItem } from '@/lib/lightbox/items';
import type { ModelId } from '@/lib/models/types';
import { ResultDetails, usageLine } from '@/components/studio/result-details';

const STATUS: Record<string, string> = {
  waiting: 'waiting for the first image',
  streaming: 'streaming: the latest partial image',
  cancelled: 'cancelled: the last partial image is kept',
  failed: 'failed: the last partial image is kept',
};

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-zinc-500 dark:text-zinc-400">{name}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** What the returned usage cost, when the estimator (loaded by the studio) can price it. */
function useCostOf(item: LightboxItem): string | null {
  const estimator = useCost((s) => s.estimator);
  const prices = useCost((s) => s.prices);
  const d = item.details;
  const model = d?.fields?.model;
  if (!estimator || !prices || !d || typeof model !== 'string' || d.usage === undefined) return null;
  const size = d.echoed?.size ?? (item.width ? `${item.width}x${item.height}` : String(d.fields?.size ?? ''));
  const quality = d.echoed?.quality ?? (d.fields?.quality as string | undefined);
  try {
    const dollars = estimator.actualCost(model as ModelId, d.usage, prices, { n: d.usageOfRequest ?? 1, size, quality });
    return dollars === null ? 'not priced' : estimator.formatUsd(dollars);
  } catch {
    return null;
  }
}

export function DetailsPanel({ item, id }: { item: LightboxItem; id: string }) {
  const d = item.details;
  const cost = useCostOf(item);
  const fields = d?.fields;
  const model = fields?.model ? String(fields.model) : undefined;
  const batch = d?.usageOfRequest && d.usageOfRequest > 1 ? ` (the whole request: ${d.usageOfRequest} images)` : '';
  return (
    <section id={id} aria-label="Details" className="space-y-4 p-4 text-sm">
      <div className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Prompt</h3>
        <p className="whitespace-pre-wrap break-words">{d?.prompt ?? item.title}</p>
      </div>
      {d?.revisedPrompt && (
        <div className="space-y-1">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Revised prompt</h3>
          <p className="whitespace-pre-wrap break-words">{d.revisedPrompt}</p>
        </div>
      )}
      {fields && (
        <div className="space-y-1">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">What came back</h3>
          <ResultDetails fields={fields} echoed={d?.echoed} width={item.width} height={item.height} />
        </div>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {(model || d?.provider) && <Row name="model">{[model, d?.provider].filter(Boolean).join(' · ')}</Row>}
        {!fields && item.width ? <Row name="image">{item.width}×{item.height}</Row> : null}
        {item.mime && <Row name="format">{item.mime}</Row>}
        {d?.status && d.status !== 'done' && <Row name="status">{STATUS[d.status] ?? d.status}</Row>}
        {d?.latencyMs !== undefined && <Row name="latency">{(d.latencyMs / 1000).toFixed(2)} s</Row>}
        {d?.usage && <Row name="usage">{usageLine(d.usage)}{batch}</Row>}
        {d?.usage === null && <Row name="usage">none returned</Row>}
        {cost && <Row name="cost">{cost}{batch}</Row>}
        {d?.extra?.map(([k, v]) => <Row key={k} name={k}>{v}</Row>)}
      </dl>
    </section>
  );
}
