'use client';
/**
 * Size: the model's listed sizes, and where the model has a size rule (gpt-image-2) a custom WxH with the rule
 * shown and a clear message when the numbers break it. Typing is free; leaving a field snaps it to the
 * multiple. The studio and the chat each keep the value in their own store.
 */
import type { ControlOptions } from '@/lib/models/options';
import { CUSTOM_SIZE, customSizeProblem, type Dimensions } from '@/lib/models/sizes';
import { Field, inputClass } from './field';

export function SizePicker({ options, choice, dims, onChoice, onDim, choices: listed, custom, hint }: {
  options: ControlOptions;
  /** The listed sizes to offer instead of the model's (a GIF's frame sizes, SVG's reference sizes). */
  choices?: readonly string[];
  /** A custom WxH under another rule (a GIF frame): its problem check and the rule's text; `false`: no custom size. */
  custom?: false | { problem(dims: Dimensions): string | null; text: string };
  /** A line under the size (the GIF frame cap for the chosen frame count). */
  hint?: string;
  /** A listed size, or CUSTOM_SIZE. */
  choice: string;
  dims: Dimensions;
  onChoice(size: string): void;
  /** A field changed (`done` when it is left: then the value is already snapped to the rule's multiple). */
  onDim(key: keyof Dimensions, value: number, done: boolean): void;
}) {
  const rule = custom === false ? undefined : options.customSize;
  const base = listed ?? options.sizes;
  const choices = rule ? [...base, CUSTOM_SIZE] : base;
  const snap = (v: number) => (rule ? Math.max(rule.multiple, Math.round(v / rule.multiple) * rule.multiple) : v);
  const problem = rule && choice === CUSTOM_SIZE ? (custom ? custom.problem(dims) : customSizeProblem(dims, rule)) : null;
  return (
    <div className="space-y-2">
      <Field label="Size" hint={hint}>
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
              ? `${dims.width}×${dims.height}: ${problem.replace(/\.$/, '')}.`
              : custom
                ? custom.text
                : `Multiples of ${rule.multiple}, longest side ≤ ${rule.maxEdge}, ${(rule.minPixels / 1e6).toFixed(2)}–${(rule.maxPixels / 1e6).toFixed(2)} MP, aspect ≤ ${rule.maxAspect}:1.`}
          </p>
        </div>
      )}
    </div>
  );
}
