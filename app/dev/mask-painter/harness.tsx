'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { exportMask } from '@/lib/mask/export';
import { historyBytes } from '@/lib/mask/history';
import { currentMaskPng, maskStore } from '@/lib/mask/mask-store';

const MaskPainter = dynamic(() => import('@/components/mask-painter/mask-painter'), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Loading the mask painter…</p>,
});

/** A test image with fine detail (grid, labels) so zoom and edges are easy to judge. */
async function testImage(width: number, height: number): Promise<Blob> {
  const c = new OffscreenCanvas(width, height);
  const g = c.getContext('2d')!;
  const grad = g.createLinearGradient(0, 0, width, height);
  grad.addColorStop(0, '#1e3a8a');
  grad.addColorStop(0.5, '#0d9488');
  grad.addColorStop(1, '#f59e0b');
  g.fillStyle = grad;
  g.fillRect(0, 0, width, height);
  g.strokeStyle = 'rgba(255,255,255,0.35)';
  g.lineWidth = 1;
  for (let x = 0; x <= width; x += 64) g.strokeRect(x + 0.5, -1, 0, height + 2);
  for (let y = 0; y <= height; y += 64) g.strokeRect(-1, y + 0.5, width + 2, 0);
  g.fillStyle = '#fff';
  g.font = `${Math.round(Math.min(width, height) / 12)}px sans-serif`;
  g.fillText(`${width}×${height} test image`, width / 16, height / 2);
  return c.convertToBlob({ type: 'image/png' });
}

/** Hooks for the end-to-end tests and the bench (no secrets, nothing sent). */
function expose() {
  Object.assign(window, {
    __maskHarness: {
      store: maskStore,
      historyBytes: () => historyBytes(maskStore.getState().history),
      async exportMs(): Promise<{ ms: number; bytes: number }> {
        const { ops, target } = maskStore.getState();
        const t = performance.now();
        const blob = await exportMask(ops, target!.width, target!.height);
        return { ms: performance.now() - t, bytes: blob.size };
      },
      /** What an edit waits for: currentMaskPng(), rendered and encoded in a worker. */
      async currentMs(): Promise<{ ms: number; bytes: number }> {
        const t = performance.now();
        const blob = await currentMaskPng();
        return { ms: performance.now() - t, bytes: blob?.size ?? 0 };
      },
    },
  });
}

export function Harness({ width, height }: { width: number; height: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let u: string | null = null;
    let cancelled = false;
    expose();
    void testImage(width, height).then((blob) => {
      if (cancelled) return;
      u = URL.createObjectURL(blob);
      setUrl(u);
    });
    return () => {
      cancelled = true;
      if (u) URL.revokeObjectURL(u);
    };
  }, [width, height]);
  return url ? <MaskPainter key={url} imageUrl={url} width={width} height={height} /> : <p className="text-sm text-zinc-500">Generating a test image…</p>;
}
