'use client';
import { useStudio } from '@/lib/studio/params-store';
import { CUSTOM_SIZE, sizeValue } from '@/lib/studio/params';
import type { ControlOptions } from '@/lib/models/options';
import { Field, inputClass } from '@/components/ui/field';

/** Size: the model's listed sizes, and for gpt-image-2 a custom WxH snapped to its multiple with limits shown. */
export function SizeField({ options }: { options: ControlOptions }) {
  const params = useStudio((s) => s.params);
  const set = useStudio((s) => s.set);
  const rule = options.customSize;
  const choices = rule ? [...options.sizes, CUSTOM_SIZE] : options.sizes;
  const value = sizeValue(params, options);
  const snap = (v: number) => (rule ? Math.max(rule.multiple, Math.round(v / rule.multiple) * rule.multiple) : v);
  return (
    <div className="space-y-2">
      <Field label="Size">
        <select className={inputClass} value={params.size} onChange={(e) => set('size', e.target.value)}>
          {choices.map((s) => (
            <option key={s} value={s}>{s === CUSTOM_SIZE ? 'custom…' : s}</option>
          ))}
        </select>
      </Field>
      {rule && params.size === CUSTOM_SIZE && (
        <div>
          <div className="grid grid-cols-2 gap-2">
            {(['customWidth', 'customHeight'] as const).map((key) => (
              <Field key={key} label={key === 'customWidth' ? 'Width' : 'Height'}>
                <input
                  type="number"
                  className={inputClass}
                  min={rule.multiple}
                  max={rule.maxEdge}
                  step={rule.multiple}
                  value={params[key]}
                  // Typing is free; leaving the field snaps to the multiple.
                  onChange={(e) => useStudio.setState((s) => ({ params: { ...s.params, [key]: Number(e.target.value) } }))}
                  onBlur={(e) => set(key, snap(Number(e.target.value)))}
                />
              </Field>
            ))}
          </div>
          <p className={`mt-1 text-xs ${'problem' in value ? 'text-red-600' : 'text-zinc-500'}`} role={'problem' in value ? 'alert' : undefined}>
            {'problem' in value
              ? value.problem
              : `Multiples of ${rule.multiple}, longest side ≤ ${rule.maxEdge}, ${(rule.minPixels / 1e6).toFixed(2)}–${(rule.maxPixels / 1e6).toFixed(2)} MP, aspect ≤ ${rule.maxAspect}:1.`}
          </p>
        </div>
      )}
    </div>
  );
}
