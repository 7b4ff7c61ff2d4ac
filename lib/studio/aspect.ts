/**
 * The aspect-ratio picker's arithmetic: which size a ratio becomes on a model. A listed size of that shape when
 * the model has one (the one nearest the current area), else on models with a size rule an exact W×H of that
 * ratio near the current area; nothing when the model offers that shape in neither way. Pure, plain data.
 */
import { customSizeProblem, parseSize, type Dimensions } from '../models/sizes';
import type { CustomSizeRule } from '../models/types';

export const ASPECTS = [
  { label: '1:1', w: 1, h: 1 },
  { label: '3:2', w: 3, h: 2 },
  { label: '2:3', w: 2, h: 3 },
  { label: '16:9', w: 16, h: 9 },
  { label: '9:16', w: 9, h: 16 },
] as const;

export type AspectLabel = (typeof ASPECTS)[number]['label'];

/** How far a size may be from a ratio and still be called by it: dall-e-3's 1792×1024 is its 16:9 (1.75). */
const TOLERANCE = 0.02;

const distance = (d: Dimensions, a: { w: number; h: number }) => Math.abs(Math.log(d.width / d.height / (a.w / a.h)));

/** The ratio a size is, or null when it is none of the picker's. */
export function aspectOf(d: Dimensions | null): AspectLabel | null {
  if (!d) return null;
  return ASPECTS.find((a) => distance(d, a) <= TOLERANCE)?.label ?? null;
}

/** Exact sizes of ratio w:h on the rule's multiple, the one nearest `area` that the rule allows. */
function ruleSize(a: { w: number; h: number }, rule: CustomSizeRule, area: number): Dimensions | null {
  let step = 1;
  while ((a.w * step) % rule.multiple || (a.h * step) % rule.multiple) step++;
  const n = Math.max(1, Math.round(Math.sqrt(area / (a.w * a.h)) / step));
  const fits = [...Array(41)].map((_, i) => n + i - 20).filter((k) => k > 0).map((k) => ({ width: a.w * step * k, height: a.h * step * k })).filter((d) => !customSizeProblem(d, rule));
  fits.sort((x, y) => Math.abs(Math.log((x.width * x.height) / area)) - Math.abs(Math.log((y.width * y.height) / area)));
  return fits[0] ?? null;
}

export type AspectTarget = { size: string } | { custom: Dimensions };

/**
 * What choosing `label` sets: a listed size, or a custom W×H under `rule` (omit the rule where the custom size
 * follows another rule, a GIF frame). The current size stays when it already has that shape.
 */
export function sizeForAspect(label: AspectLabel, listed: readonly string[], rule: CustomSizeRule | undefined, current: Dimensions | null): AspectTarget | null {
  const a = ASPECTS.find((x) => x.label === label)!;
  const area = current ? current.width * current.height : 1024 * 1024;
  const shaped = listed.filter((s) => s !== 'auto' && aspectOf(parseSize(s)) === label);
  if (shaped.length) {
    const near = (s: string) => { const d = parseSize(s)!; return Math.abs(Math.log((d.width * d.height) / area)); };
    return { size: [...shaped].sort((x, y) => near(x) - near(y))[0] };
  }
  if (!rule) return null;
  if (current && aspectOf(current) === label && !customSizeProblem(current, rule)) return { custom: current };
  const d = ruleSize(a, rule, area);
  return d ? { custom: d } : null;
}
