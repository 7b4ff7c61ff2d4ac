'use client';
import { useStudio } from '@/lib/studio/params-store.client';
import type { ControlOptions } from '@/lib/models/options';
import { SizePicker } from '@/components/ui/size-picker';

/** The studio's size: the shared picker over the studio's parameters. */
export function SizeField({ options }: { options: ControlOptions }) {
  const params = useStudio((s) => s.params);
  const set = useStudio((s) => s.set);
  const field = { width: 'customWidth', height: 'customHeight' } as const;
  return (
    <SizePicker
      options={options}
      choice={params.size}
      dims={{ width: params.customWidth, height: params.customHeight }}
      onChoice={(size) => set('size', size)}
      onDim={(key, value, done) =>
        done ? set(field[key], value) : useStudio.setState((s) => ({ params: { ...s.params, [field[key]]: value } }))
      }
    />
  );
}
