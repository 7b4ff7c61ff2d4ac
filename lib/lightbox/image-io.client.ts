'use client';
/**
 * Download and "Copy image" for any image the lightbox or a card shows. Downloads are the original bytes under
 * a name from the prompt; the clipboard takes only image/png in browsers, so anything else (jpeg, webp, the
 * first frame of a GIF, an SVG) is drawn onto a canvas and encoded as PNG first.
 */

/** Save `blob` as `filename` (a temporary object URL, clicked as a download link). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function decodeToCanvas(blob: Blob): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    // An SVG without an intrinsic size decodes as 0×0 in some browsers: give it the usual default.
    const width = img.naturalWidth || 1024;
    const height = img.naturalHeight || 1024;
    const canvas = Object.assign(document.createElement('canvas'), { width, height });
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser has no 2D canvas');
    ctx.drawImage(img, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The image as PNG: itself when it is one, else redrawn (a GIF gives its first frame). */
export async function toPng(blob: Blob): Promise<Blob> {
  if (blob.type === 'image/png') return blob;
  const canvas = await decodeToCanvas(blob);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('the image could not be encoded as PNG');
  return png;
}

/** `from`: the type the image was converted from, when it was not a PNG. */
export type CopyResult = { ok: true; from?: string } | { ok: false; reason: string };

/** Why a clipboard write failed, in words the user can act on. */
export function clipboardFailure(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'NotAllowedError') return 'the browser did not allow writing to the clipboard (permission denied, or the page was not focused)';
  if (name === 'DataError' || name === 'NotSupportedError') return `the browser does not take this image on the clipboard (${message})`;
  if (name === 'EncodingError') return 'the image could not be decoded to copy it';
  return message;
}

/**
 * Put the image on the clipboard as PNG. The ClipboardItem is made at once with a promise of the PNG, so the
 * write stays inside the click's user activation while the bytes load and convert (Safari requires this).
 */
export async function copyImage(blob: () => Promise<Blob>): Promise<CopyResult> {
  if (typeof window !== 'undefined' && !window.isSecureContext) {
    return { ok: false, reason: 'copying images needs a secure page (https or localhost)' };
  }
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    return { ok: false, reason: 'this browser cannot put images on the clipboard' };
  }
  let from: string | undefined;
  const png = blob().then((b) => {
    if (b.type !== 'image/png') from = b.type || 'another format';
    return toPng(b);
  });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { ok: true, from };
  } catch (e) {
    // A failure reading or converting the image is the more useful message than the clipboard's.
    const own = await png.then(() => null, (err: unknown) => err);
    return { ok: false, reason: clipboardFailure(own ?? e) };
  }
}
