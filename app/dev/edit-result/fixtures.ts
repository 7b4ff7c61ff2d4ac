import { encodePng, toImageData } from '@/lib/mask/image-data';

export interface HarnessImages {
  original: Blob;
  mask: Blob;
  result: Blob;
}

/** Where the fake result differs from the original outside the mask (all far from the painted circle). */
export const CHANGED_OUTSIDE = 5 * 4 + 3 * 3 + 1;

function canvas(width: number, height: number) {
  const ctx = new OffscreenCanvas(width, height).getContext('2d');
  if (!ctx) throw new Error('No 2D context');
  return ctx;
}

/** An opaque picture with gradients and shapes, so differences and the compare divider are visible. */
function drawOriginal(width: number, height: number): ImageData {
  const ctx = canvas(width, height);
  const sky = ctx.createLinearGradient(0, 0, width, height);
  sky.addColorStop(0, 'rgb(240, 200, 120)');
  sky.addColorStop(1, 'rgb(60, 120, 200)');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'rgb(30, 90, 60)';
  ctx.fillRect(0, height * 0.75, width, height * 0.25);
  ctx.fillStyle = 'rgb(250, 240, 210)';
  ctx.beginPath();
  ctx.arc(width * 0.6, height * 0.5, height * 0.2, 0, Math.PI * 2);
  ctx.fill();
  return ctx.getImageData(0, 0, width, height);
}

/** Keep everything (alpha 255) but a circle: alpha 0 inside, a 6 px feathered edge. */
function drawMask(width: number, height: number): ImageData {
  const data = new Uint8ClampedArray(width * height * 4);
  const [cx, cy, r, feather] = [width * 0.6, height * 0.5, height * 0.25, 6];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      data[(y * width + x) * 4 + 3] = Math.round(Math.min(1, Math.max(0, (d - (r - feather)) / feather)) * 255);
    }
  }
  return new ImageData(data, width, height);
}

/** The original with new content where painted, a few pixels changed outside and a patch changed below the threshold. */
function fakeResult(original: ImageData, mask: ImageData): ImageData {
  const { width, height } = original;
  const out = new Uint8ClampedArray(original.data);
  const px = (x: number, y: number) => (y * width + x) * 4;
  for (let i = 0; i < out.length; i += 4) {
    if (mask.data[i + 3] === 255) continue;
    const stripe = Math.floor(i / 4 / 6) % 2;
    out.set(stripe ? [220, 40, 160] : [40, 200, 220], i);
  }
  // 5×4 block and 3×3 block: every channel moved by 128.
  for (const [x0, y0, w, h] of [[10, 10, 5, 4], [width - 40, height - 20, 3, 3]]) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) for (let c = 0; c < 3; c++) out[px(x, y) + c] = (out[px(x, y) + c] + 128) % 256;
  }
  out[px(30, height - 40)] ^= 0x40; // one pixel, red off by 64
  // Under the default threshold (8): must not count.
  for (let y = 20; y < 30; y++) {
    for (let x = 60; x < 70; x++) {
      const g = out[px(x, y) + 1];
      out[px(x, y) + 1] = g > 251 ? g - 4 : g + 4;
    }
  }
  return new ImageData(out, width, height);
}

/** Builds the harness's original, mask and result; the result is scaled to resultSize when given. */
export async function buildHarnessImages(
  width: number,
  height: number,
  resultSize?: { width: number; height: number },
): Promise<HarnessImages> {
  const original = drawOriginal(width, height);
  const mask = drawMask(width, height);
  let result = fakeResult(original, mask);
  if (resultSize) {
    const ctx = canvas(resultSize.width, resultSize.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(await createImageBitmap(toImageData(result)), 0, 0, resultSize.width, resultSize.height);
    result = ctx.getImageData(0, 0, resultSize.width, resultSize.height);
  }
  const [o, m, r] = await Promise.all([encodePng(original), encodePng(mask), encodePng(result)]);
  return { original: o, mask: m, result: r };
}
