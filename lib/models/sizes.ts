/** Size strings (`WxH`, `auto`): parsing, gpt-image-2's custom-size rule, and how `auto` resolves. */
import type { CustomSizeRule, EndpointCaps } from './types';

export interface Dimensions {
  width: number;
  height: number;
}

/** The size menus' choice for "my own WxH" on models with a size rule (never sent: the WxH is). */
export const CUSTOM_SIZE = 'custom';

export function parseSize(size: string): Dimensions | null {
  const m = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

export function formatSize({ width, height }: Dimensions): string {
  return `${width}x${height}`;
}

/** Why a custom size breaks the rule, or null when it fits. */
export function customSizeProblem(dims: Dimensions, rule: CustomSizeRule): string | null {
  const { width, height } = dims;
  if (width % rule.multiple || height % rule.multiple) {
    return `width and height must be multiples of ${rule.multiple}`;
  }
  if (Math.max(width, height) > rule.maxEdge) return `the longest side must be at most ${rule.maxEdge} px`;
  const pixels = width * height;
  if (pixels < rule.minPixels) {
    return `the image must have at least ${rule.minPixels.toLocaleString('en-US')} pixels (it has ${pixels.toLocaleString('en-US')})`;
  }
  if (pixels > rule.maxPixels) {
    return `the image must have at most ${rule.maxPixels.toLocaleString('en-US')} pixels (it has ${pixels.toLocaleString('en-US')})`;
  }
  if (Math.max(width, height) / Math.min(width, height) > rule.maxAspect) {
    return `the aspect ratio must be between 1:${rule.maxAspect} and ${rule.maxAspect}:1`;
  }
  return null;
}

/** Snap a wished-for size into the custom rule: multiples, edge, pixel count and aspect. Used by the UI and `auto`. */
export function snapCustomSize(dims: Dimensions, rule: CustomSizeRule): Dimensions {
  let { width, height } = dims;
  // Empty or nonsense input (a cleared field) starts from a square.
  if (!(width > 0 && height > 0)) width = height = 1024;
  const aspect = Math.min(Math.max(width / height, 1 / rule.maxAspect), rule.maxAspect);
  // Keep the aspect, bring the area into range, then round to the multiple.
  let area = Math.min(Math.max(width * height, rule.minPixels), rule.maxPixels);
  width = Math.sqrt(area * aspect);
  height = width / aspect;
  const scale = Math.min(1, rule.maxEdge / Math.max(width, height));
  width *= scale;
  height *= scale;
  const round = (v: number) => Math.max(rule.multiple, Math.round(v / rule.multiple) * rule.multiple);
  let out = { width: round(width), height: round(height) };
  // Rounding may step just outside the bounds (pixels, edge or aspect); nudge one multiple at a time.
  for (let i = 0; i < 16 && customSizeProblem(out, rule); i++) {
    area = out.width * out.height;
    const long = Math.max(out.width, out.height);
    const grow = area < rule.minPixels;
    const shrink = area > rule.maxPixels || long > rule.maxEdge || long / Math.min(out.width, out.height) > rule.maxAspect;
    const longIsWidth = out.width >= out.height;
    if (grow) out = longIsWidth ? { ...out, height: out.height + rule.multiple } : { ...out, width: out.width + rule.multiple };
    else if (shrink) out = longIsWidth ? { ...out, width: out.width - rule.multiple } : { ...out, height: out.height - rule.multiple };
    else break;
  }
  return out;
}

/**
 * What `size: auto` becomes. Generations get a square; edits follow the first reference's shape:
 * the nearest fixed size, or on gpt-image-2 the reference's own size snapped into the rule.
 */
export function resolveAutoSize(caps: EndpointCaps, reference?: Dimensions): Dimensions {
  const fixed = caps.sizes.filter((s) => s !== 'auto').map((s) => parseSize(s)!);
  if (reference && caps.customSize) return snapCustomSize(reference, caps.customSize);
  if (!reference) return fixed.find((d) => d.width === d.height) ?? fixed[0];
  const aspect = reference.width / reference.height;
  return fixed.reduce((best, d) =>
    Math.abs(Math.log(d.width / d.height / aspect)) < Math.abs(Math.log(best.width / best.height / aspect)) ? d : best,
  );
}
