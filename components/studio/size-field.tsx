'use client';
import { useStudio } from '@/lib/studio/params-store.client';
import type { ControlOptions } from '@/lib/models/options';
import { gifFrameProblem, gifSquareCap } from '@/lib/models/validate';
import { formatSize } from '@/lib/models/sizes';
import { CUSTOM_SIZE, customSizeAllowed, sizeChoices } from '@/lib/studio/params';
import { SizePicker } from '@/components/ui/size-picker';

/** The per-frame limit for a GIF of `frames` frames, as the size control shows it. */
export function gifCapText(options: ControlOptions, frames: number): string | undefined {
  const side = options.gif ? gifSquareCap(frames, options.gif) : undefined;
  return side ? `up to ${side}×${side} per frame with ${frames} frames (measured by a gateway; OpenAI publishes no figures)` : undefined;
}

/** The studio's size: the shared picker over the studio's parameters; a GIF's frame sizes and SVG's reference sizes. */
export function SizeField({ options }: { options: ControlOptions }) {
  const params = useStudio((s) => s.params);
  const set = useStudio((s) => s.set);
  const field = { width: 'customWidth', height: 'customHeight' } as const;
  const gif = params.outputFormat === 'gif' && options.gif ? options.gif : undefined;
  const svg = params.outputFormat === 'svg' && options.svg;
  return (
    <SizePicker
      options={options}
      choices={gif || svg ? sizeChoices(options, params) : undefined}
      custom={
        !customSizeAllowed(options, params.outputFormat)
          ? false
          : gif
            ? { problem: (d) => gifFrameProblem(formatSize(d), params.frameCount, gif), text: `Frame sides in multiples of 16, aspect ≤ 3:1, ${gifCapText(options, params.frameCount)}.` }
            : undefined
      }
      hint={gif ? gifCapText(options, params.frameCount) : svg ? 'the reference raster the SVG is drawn from (the sizes ComfyUI exposes, 3P)' : undefined}
      choice={params.size}
      dims={{ width: params.customWidth, height: params.customHeight }}
      onChoice={(size) => set('size', size)}
      onCustom={(d) => useStudio.setState((s) => ({ params: { ...s.params, size: CUSTOM_SIZE, customWidth: d.width, customHeight: d.height } }))}
      onDim={(key, value, done) =>
        done ? set(field[key], value) : useStudio.setState((s) => ({ params: { ...s.params, [field[key]]: value } }))
      }
    />
  );
}
