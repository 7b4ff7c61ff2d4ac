'use client';
/**
 * An SVG result, shown as an image: <img src="blob:…"> of the sanitized document (the gallery store sanitized it
 * before it got here), never inlined into the page's DOM. Its size and node count, what the sanitizer removed,
 * and the source as escaped text.
 */
import type { SvgFacts } from '@/lib/studio/apply-event';
import { formatBytes } from '@/components/ui/field';
import { STAGE_CLASS } from './gif-result';

export function SvgResult({ url, alt, svg }: { url: string; alt: string; svg?: SvgFacts }) {
  return (
    <div className="space-y-1">
      <div className={STAGE_CLASS}>
        {/* eslint-disable-next-line @next/next/no-img-element -- object URL of the sanitized SVG */}
        <img src={url} alt={alt} className="h-full w-full object-contain" data-testid="svg-image" />
      </div>
      {svg && <SvgFactsLine svg={svg} />}
      {svg && <SvgSource source={svg.source} />}
    </div>
  );
}

export function SvgFactsLine({ svg }: { svg: Pick<SvgFacts, 'bytes' | 'nodes' | 'removed' | 'originalBytes'> }) {
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-label="SVG facts" data-bytes={svg.bytes} data-nodes={svg.nodes}>
      SVG · {formatBytes(svg.bytes)} ({svg.bytes.toLocaleString('en-US')} bytes) · {svg.nodes.toLocaleString('en-US')} node{svg.nodes === 1 ? '' : 's'} ·{' '}
      {svg.removed
        ? <span className="text-amber-700 dark:text-amber-400">sanitized: {svg.removed} unsafe item{svg.removed === 1 ? '' : 's'} removed (of {formatBytes(svg.originalBytes)})</span>
        : 'sanitized: nothing unsafe found'}
    </p>
  );
}

/** The sanitized source as text: React escapes it, so nothing in it is markup on this page. */
export function SvgSource({ source }: { source: string }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">View source</summary>
      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono text-[11px] dark:bg-zinc-900" aria-label="SVG source">{source}</pre>
    </details>
  );
}
