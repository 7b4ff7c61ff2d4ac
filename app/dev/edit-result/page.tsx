import type { Metadata } from 'next';
import { EditResultHarness } from './harness';

export const metadata: Metadata = { title: 'Edit result tools (dev harness)', robots: { index: false } };

type Search = Record<string, string | string[] | undefined>;

/** "360x240" → a size; anything else → undefined. */
function parseSize(value: string | string[] | undefined) {
  const m = typeof value === 'string' ? /^(\d{1,4})x(\d{1,4})$/.exec(value) : null;
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

/**
 * Dev harness for the edit-result tools, on images built in the browser (no API call).
 * ?mask=0 mounts them without a mask; ?result=360x240 returns the fake result at another size;
 * ?size=1000x700 sets the original's size (240×160 by default).
 */
export default async function EditResultDevPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  return <EditResultHarness withMask={search.mask !== '0'} size={parseSize(search.size)} resultSize={parseSize(search.result)} />;
}
