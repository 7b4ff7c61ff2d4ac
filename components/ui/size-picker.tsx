'use client';
/**
 * Size: aspect-ratio shapes over the model's sizes, the exact size as a menu, and where the model has a size
 * rule (gpt-image-2) a custom W×H with its live pixel count, the rule shown and a clear message when the numbers
 * break it. Typing is free; leaving a field rounds that side to the multiple (never against the other side).
 * The studio and the chat each keep the value in their own store.
 */
import { useId } from 'react';
import type { ControlOptions } from '@/lib/models/options';
import { CUSTOM_SIZE, customSizeProblem, formatSize, parseSize, type Dimensions } from '@/lib/models/sizes';
import { ASPECTS, aspectOf, sizeForAspect, type AspectTarget } from '@/lib/studio/aspect';
import { AspectPicker } from './aspect-picker';
import { Field, inputClass } from './field';

export function SizePicker({ options, choice, dims, onChoice, onDim, onCustom, choices: listed, custom, hint }: {
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
  /** A field changed (`done` when it is left: then the value is already rounded to the rule's multiple). */
  onDim(key: keyof Dimensions, value: number, done: boolean): void;
  /** A custom W×H chosen at once (an aspect shape no listed size has); without it those shapes are not offered. */
  onCustom?(dims: Dimensions): void;
}) {
  const rule = custom === false ? undefined : options.customSize;
  const base = listed ?? options.sizes;
  const choices = rule ? [...base, CUSTOM_SIZE] : base;
  const snap = (v: number) => (rule ? Math.max(rule.multiple, Math.round(v / rule.multiple) * rule.multiple) : v);
  const problem = rule && choice === CUSTOM_SIZE ? (custom ? custom.problem(dims) : customSizeProblem(dims, rule)) : null;
  const current = choice === CUSTOM_SIZE ? dims : parseSize(choice);
  // A GIF frame follows its own rule: shapes map onto its listed frames only.
  const shapeRule = custom || !onCustom ? undefined : rule;
  const targets = new Map(ASPECTS.map((a) => [a.label, sizeForAspect(a.label, base, shapeRule, current)] as const).filter((e): e is [typeof e[0], AspectTarget] => !!e[1]));
  const liveId = useId();
  return (
    <div className="space-y-2">
      <AspectPicker
        value={aspectOf(current)}
        offered={[...targets.keys()]}
        onPick={(label) => {
          const t = targets.get(label)!;
          if ('size' in t) onChoice(t.size);
          else onCustom!(t.custom);
        }}
      />
      <Field label="Size" hint={hint}>
        <select className={inputClass} value={choice} onChange={(e) => onChoice(e.target.value)} aria-describedby={liveId}>
          {choices.map((s) => (
            <option key={s} value={s}>{s === CUSTOM_SIZE ? 'custom…' : s}</option>
          ))}
        </select>
      </Field>
      <p id={liveId} className="text-xs tabular-nums text-zinc-500" aria-live="polite">
        {current ? `${current.width} × ${current.height} px · ${((current.width * current.height) / 1e6).toFixed(2)} MP` : 'auto: the model picks the size'}
      </p>
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
          <p className={`mt-1 text-xs ${problem ? 'text-red-600 dark:text-red-400' : 'text-zinc-500'}`} role={problem ? 'alert' : undefined}>
            {problem
              ? `${formatSize(dims).replace('x', '×')}: ${problem.replace(/\.$/, '')}.`
              : custom
                ? custom.text
                : `Multiples of ${rule.multiple}, longest side ≤ ${rule.maxEdge}, ${(rule.minPixels / 1e6).toFixed(2)}–${(rule.maxPixels / 1e6).toFixed(2)} MP, aspect ≤ ${rule.maxAspect}:1.`}
          </p>
        </div>
      )}
    </div>
  );
}
