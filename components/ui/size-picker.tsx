'use client';
/**
 * Size: the model's listed sizes, and where the model has a size rule (gpt-image-2) a custom WxH with the rule
 * shown and a clear message when the numbers break it. Typing is free; leaving a field snaps it to the
 * multiple. The studio and the chat each keep the value in their own store.
 */
import type { ControlOptions } from '@/lib/models/options';
import { CUSTOM_SIZE, customSizeProblem, type Dimensions } from '@/lib/models/sizes';
import { Field, inputClass } from './field';

export function SizePicker({ options, choice, dims, onChoice, onDim }: {
  options: ControlOptions;
  /** A listed size, or CUSTOM_SIZE. */
  choice: string;
  dims: Dimensions;
  onChoice(size: string): void;
  /** A field changed (`done` when it is left: then the value is already snapped to the rule's multiple). */
  onDim(key: keyof Dimensions, value: number, done: boolean): void;
}) {
  const rule = options.customSize;
  const choices = rule ? [...options.sizes, CUSTOM_SIZE] : options.sizes;
  const snap = (v: number) => (rule ? Math.max(rule.multiple, Math.round(v / rule.multiple) * rule.multiple) : v);
  const problem = rule && choice === CUSTOM_SIZE ? customSizeProblem(dims, rule) : null;
  return (
    <div className="space-y-2">
      <Field label="Size">
        <select className={inputClass} value={choice} onChange={(e) => onChoice(e.target.value)}>
          {choices.map((s) => (
            <option key={s} value={s}>{s === CUSTOM_SIZE ? 'custom…' : s}</option>
          ))}
        </select>
      </Field>
      {rule && choice === CUSTOM_SIZE && (
        <div>
          <div className="grid grid-cols-2 gap-2">
            {(['width', 'height'] as const).map((key) => (
              <Field key={key} label={key === 'width' ? 'Width' : 'Height'}>
                <input
                  type="number"
                  className={inputClass}
                  min={rule.multiple}
                  max={rule.maxEdge}
                  step={rule.multiple}
                  value={dims[key]}
                  onChange={(e) => onDim(key, Number(e.target.value), false)}
                  onBlur={(e) => onDim(key, snap(Number(e.target.value)), true)}
                />
              </Field>
            ))}
          </div>
          <p className={`mt-1 text-xs ${problem ? 'text-red-600' : 'text-zinc-500'}`} role={problem ? 'alert' : undefined}>
            {problem
              ? `${dims.width}×${dims.height}: ${problem}.`
              : `Multiples of ${rule.multiple}, longest side ≤ ${rule.maxEdge}, ${(rule.minPixels / 1e6).toFixed(2)}–${(rule.maxPixels / 1e6).toFixed(2)} MP, aspect ≤ ${rule.maxAspect}:1.`}
          </p>
        </div>
      )}
    </div>
  );
}
