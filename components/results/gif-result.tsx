'use client';
/**
 * An animated GIF result: the tile plays it (an <img> of the GIF blob); the frame strip shows each frame, decoded
 * in the browser with WebCodecs' ImageDecoder (Chromium, Edge, Safari 17+). Pause shows the chosen frame; step
 * moves frame by frame; each frame downloads as a PNG beside the GIF's own download.
 */
import { useEffect, useState } from 'react';
import { gifInfo } from '@/lib/history/gif-info';
import { filenameFor } from '@/lib/history/filename';

interface Frame {
  url: string;
  durationMs: number;
}

/** Every frame of a GIF as a PNG object URL, with its delay. Throws where the browser has no ImageDecoder. */
async function decodeFrames(blob: Blob, expected: number): Promise<Frame[]> {
  if (typeof ImageDecoder === 'undefined') throw new Error('this browser has no ImageDecoder (WebCodecs); the GIF still plays above.');
  const decoder = new ImageDecoder({ data: await blob.arrayBuffer(), type: 'image/gif' });
  try {
    await decoder.tracks.ready;
    await decoder.completed;
    // The track's count, or the count read from the file's blocks where the track does not say.
    const count = Math.max(decoder.tracks.selectedTrack?.frameCount ?? 0, expected);
    const frames: Frame[] = [];
    for (let i = 0; i < count; i++) {
      const decoded = await decoder.decode({ frameIndex: i, completeFramesOnly: true }).catch(() => null);
      if (!decoded) break;
      const { image } = decoded;
      const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
      canvas.getContext('2d')!.drawImage(image, 0, 0);
      const durationMs = Math.round((image.duration ?? 0) / 1000);
      image.close();
      frames.push({ url: URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' })), durationMs });
    }
    return frames;
  } finally {
    decoder.close();
  }
}

export const STAGE_CLASS =
  'flex aspect-square items-center justify-center overflow-hidden rounded bg-[repeating-conic-gradient(#e4e4e7_0_25%,#fafafa_0_50%)] bg-[length:16px_16px] dark:bg-[repeating-conic-gradient(#27272a_0_25%,#18181b_0_50%)]';

export function GifResult({ blob, url, prompt, alt }: { blob: Blob; url: string; prompt: string; alt: string }) {
  const [frames, setFrames] = useState<Frame[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<ReturnType<typeof gifInfo>>(null);
  const [playing, setPlaying] = useState(true);
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let made: Frame[] = [];
    void blob
      .arrayBuffer()
      .then((b) => {
        const read = gifInfo(new Uint8Array(b));
        if (!cancelled) setInfo(read);
        return decodeFrames(blob, read?.frames ?? 0);
      })
      .then(
      (f) => {
        made = f;
        if (cancelled) f.forEach((x) => URL.revokeObjectURL(x.url));
        else if (!f.length) setError('the browser decoded no frames; the GIF still plays above.');
        else setFrames(f);
      },
      (e) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      made.forEach((x) => URL.revokeObjectURL(x.url));
    };
  }, [blob]);

  const count = frames?.length || info?.frames || 0;
  const step = (d: number) => {
    if (!count) return;
    setPlaying(false);
    setCurrent((c) => (c + d + count) % count);
  };
  const shown = !playing && frames?.[current];
  const delay = frames?.[current]?.durationMs ?? info?.delaysMs[current];

  return (
    <div className="space-y-2" data-gif-frames={count || undefined}>
      <div className={STAGE_CLASS} data-testid="gif-stage">
        {/* eslint-disable-next-line @next/next/no-img-element -- object URLs of the GIF and its frames */}
        <img src={shown ? shown.url : url} alt={shown ? `Frame ${current + 1} of ${count} of “${prompt}”` : alt} data-playing={playing} className="max-h-full max-w-full object-contain" />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700" onClick={() => setPlaying(!playing)} aria-pressed={!playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700" onClick={() => step(-1)} disabled={!frames} aria-label="Previous frame">◀</button>
        <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700" onClick={() => step(1)} disabled={!frames} aria-label="Next frame">▶</button>
        <span aria-live="polite" data-testid="gif-frame-status">
          {count ? `Frame ${current + 1} of ${count}` : 'Reading frames…'}
          {delay !== undefined && count ? ` · ${delay} ms` : ''}
          {info ? ` · ${info.width}×${info.height} per frame` : ''}
        </span>
        {frames?.[current] && (
          <a className="underline" href={frames[current].url} download={filenameFor(prompt, 'image/png', `frame-${current + 1}`)}>
            Download frame {current + 1} (PNG)
          </a>
        )}
      </div>
      {error && <p className="text-xs text-zinc-500">Frame strip unavailable: {error}</p>}
      {frames && (
        <ol className="flex gap-1 overflow-x-auto pb-1" aria-label="Frames">
          {frames.map((f, i) => (
            <li key={f.url} className="shrink-0">
              <button
                type="button"
                aria-label={`Frame ${i + 1}`}
                aria-current={!playing && i === current ? 'true' : undefined}
                className={`block rounded border-2 ${!playing && i === current ? 'border-indigo-500' : 'border-transparent'}`}
                onClick={() => {
                  setPlaying(false);
                  setCurrent(i);
                }}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- decoded frames */}
                <img src={f.url} alt="" className="h-12 w-12 object-contain" />
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
