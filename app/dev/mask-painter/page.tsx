import type { Metadata } from 'next';
import { Harness } from './harness';

export const metadata: Metadata = { title: 'Mask painter (test page)', robots: { index: false } };

const side = (v: string | string[] | undefined, fallback: number) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= 16 && n <= 8192 ? n : fallback;
};

/**
 * The mask painter on a generated image (?w=&h=, default 1024×768), for end-to-end tests and the bench
 * until the studio's Edit mode mounts it.
 */
export default async function MaskPainterHarnessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const width = side(q.w, 1024);
  const height = side(q.h, 768);
  return (
    <main className="mx-auto max-w-6xl space-y-3 p-4">
      <h1 className="text-lg font-bold">Mask painter test page</h1>
      <p className="text-sm text-zinc-500">A generated {width}×{height} image; nothing here is sent anywhere.</p>
      <Harness width={width} height={height} />
    </main>
  );
}
