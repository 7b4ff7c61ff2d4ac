/**
 * How a tile is framed before and after its image arrives: the asked aspect ratio (a square for `auto` until an
 * image tells), and the transparency checkerboard only where the image may really have transparency.
 */
import type { RunState, TileState } from '@/lib/studio/apply-event';

export interface Ratio {
  width: number;
  height: number;
}

/** "1536x1024" → its ratio; `auto` or anything else → null. */
export function askedRatio(size: unknown): Ratio | null {
  const m = typeof size === 'string' ? /^(\d+)x(\d+)$/.exec(size) : null;
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** The returned size first, then what a loaded partial showed, then the asked size, then a square. */
export function tileRatio(run: RunState, tile: TileState, natural: Ratio | null): Ratio {
  if (tile.image?.width && tile.image.height) return { width: tile.image.width, height: tile.image.height };
  return natural ?? askedRatio(tile.echoed?.size) ?? askedRatio(run.fields.size) ?? { width: 1, height: 1 };
}

/** Transparency was asked for or came back: only then the checkerboard shows through. */
export function hasTransparency(run: RunState, tile: TileState): boolean {
  return (tile.echoed?.background ?? run.fields.background) === 'transparent';
}

export const CHECKERBOARD =
  'bg-[repeating-conic-gradient(#e4e4e7_0_25%,#fafafa_0_50%)] bg-[length:16px_16px] dark:bg-[repeating-conic-gradient(#27272a_0_25%,#18181b_0_50%)]';
