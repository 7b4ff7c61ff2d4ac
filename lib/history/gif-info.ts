/**
 * A GIF's frame count and delays read from its blocks (no pixel decode): what history keeps beside the file and
 * what the viewer shows before the browser has decoded the frames. GIF89a: delays are in 1/100 s.
 */
export interface GifInfo {
  width: number;
  height: number;
  frames: number;
  /** Each frame's delay in ms (0 where a frame has no Graphic Control Extension). */
  delaysMs: number[];
  /** The loop count of the NETSCAPE2.0 extension (0 = forever); undefined: plays once. */
  loops?: number;
}

function skipSubBlocks(b: Uint8Array, i: number): number {
  while (i < b.length) {
    const n = b[i];
    i += 1 + n;
    if (n === 0) break;
  }
  return i;
}

/** Null when `bytes` is not a GIF or is cut short before its first frame. */
export function gifInfo(bytes: Uint8Array): GifInfo | null {
  const b = bytes;
  if (b.length < 13 || String.fromCharCode(...b.subarray(0, 6)) !== 'GIF89a' && String.fromCharCode(...b.subarray(0, 6)) !== 'GIF87a') return null;
  const width = b[6] | (b[7] << 8);
  const height = b[8] | (b[9] << 8);
  let i = 13;
  if (b[10] & 0x80) i += 3 * 2 ** ((b[10] & 7) + 1);
  const delaysMs: number[] = [];
  let pendingDelay = 0;
  let loops: number | undefined;
  while (i < b.length) {
    const block = b[i];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = b[i + 1];
      if (label === 0xf9 && b[i + 2] === 4) pendingDelay = (b[i + 4] | (b[i + 5] << 8)) * 10;
      if (label === 0xff && b[i + 2] === 11 && String.fromCharCode(...b.subarray(i + 3, i + 14)) === 'NETSCAPE2.0') loops = b[i + 16] | (b[i + 17] << 8);
      i = skipSubBlocks(b, i + 2);
    } else if (block === 0x2c) {
      const packed = b[i + 9];
      i += 10;
      if (packed & 0x80) i += 3 * 2 ** ((packed & 7) + 1);
      i = skipSubBlocks(b, i + 1);
      delaysMs.push(pendingDelay);
      pendingDelay = 0;
    } else {
      break;
    }
  }
  if (!delaysMs.length) return null;
  return { width, height, frames: delaysMs.length, delaysMs, ...(loops !== undefined ? { loops } : {}) };
}
