import 'server-only';
/**
 * The offline API's `output_format: "svg"` (api-2026-12 §2.3): two stages, as the service works. The image model
 * draws a reference raster (billed in `usage` as usual); then an "authoring" model (`svg.model`) writes the SVG
 * from it. Offline, the authoring model writes down the scene the raster was drawn from: the same shapes, the
 * prompt as real `<text>`, and the SYNTHETIC label, in a standalone XML document with an `<svg>` root. Its tokens
 * come back as the top-level `svg_usage` (§2.5): {model, input_tokens, output_tokens, reasoning_tokens,
 * total_tokens}, billed at the authoring model's text rates (§3), separate from `usage`.
 *
 * The counts are a stand-in (no formula is published): input = the authoring instructions + the prompt's text
 * tokens + the reference raster read as an image; output = the document's text (≈ 4 characters a token) plus
 * reasoning tokens that grow with `svg.reasoning.effort` (omitted: medium). As in the §2.5 example, output_tokens
 * includes the reasoning tokens and total = input + output.
 */
import { inputImageTokens, textTokens } from '../cost/tokens';
import { sceneSvg, type SceneSpec } from './scene.server';

export interface SvgUsage {
  model: string;
  input_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  total_tokens: number;
}

/** The authoring instructions the service would send with the raster (a stand-in length, in tokens). */
export const SVG_INSTRUCTION_TOKENS = 420;

/** Reasoning tokens per visible output token, by effort (`minimal` on the original gpt-5 family only). */
export const SVG_REASONING_PER_OUTPUT: Record<string, number> = { none: 0, minimal: 0.15, low: 0.5, medium: 1, high: 2, xhigh: 3, max: 4 };

/** Characters per token of SVG markup (numbers and tags tokenise densely). */
const CHARS_PER_TOKEN = 4;

function escapeComment(s: string): string {
  return s.replace(/-{2,}/g, '-').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '');
}

function escapeText(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * What an upstream SVG may carry that must never reach the page or a download (issue #15: "a planted <script>,
 * onload= and external href"), for the `hostile_svg` fault: each part is well-formed, so only a sanitizer (not an
 * XML parser) stops it. The markers (`offline-hostile-…`) let a test look for any of them after sanitizing.
 */
export const HOSTILE_SVG_PARTS = {
  onload: ` onload="window.__offlineHostile='onload'"`,
  script: `<script>window.__offlineHostile='script';fetch('https://offline-hostile.invalid/script')</script>`,
  externalImage: `<image href="https://offline-hostile.invalid/tracker.png" x="0" y="0" width="8" height="8"/>`,
  externalUse: `<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://offline-hostile.invalid/sprite.svg#a"/>`,
  javascriptLink: `<a href="javascript:window.__offlineHostile='link'"><rect id="offline-hostile-link" x="0" y="0" width="8" height="8" fill="#f0f"/></a>`,
  handler: `<circle id="offline-hostile-handler" cx="4" cy="4" r="4" onmouseover="window.__offlineHostile='mouseover'" onclick="window.__offlineHostile='click'"/>`,
  foreignObject: `<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml" id="offline-hostile-foreign">html inside svg</div></foreignObject>`,
  style: `<style>@import url('https://offline-hostile.invalid/style.css'); #offline-hostile-style { fill: url('https://offline-hostile.invalid/paint.svg#p'); }</style>`,
} as const;

/** Plant every HOSTILE_SVG_PARTS item in a document authorSvg wrote. */
export function plantHostile(document: string): string {
  const { onload, ...inside } = HOSTILE_SVG_PARTS;
  return document.replace('<svg xmlns="http://www.w3.org/2000/svg"', `<svg xmlns="http://www.w3.org/2000/svg"${onload}`).replace('</svg>', `${Object.values(inside).join('')}</svg>`);
}

/** The SVG document the authoring model writes for `spec` (the reference raster's scene). */
export function authorSvg(spec: SceneSpec, svg: { model: string; effort?: string }): string {
  const effort = svg.effort ?? 'medium';
  const body = sceneSvg({ ...spec, transparent: spec.transparent }, spec.width, spec.height, 'text')
    // A vector document keeps its proportions and smooth edges; the raster's crisp pixel look was for the pixel font.
    .replace(' preserveAspectRatio="none" shape-rendering="crispEdges"', ' role="img"')
    .replace('</title>', `</title><desc>SYNTHETIC: written by the offline image API as if by ${escapeText(svg.model)} (reasoning effort ${escapeText(effort)}) from a ${spec.width}x${spec.height} reference raster; no model made it.</desc>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- SYNTHETIC offline image API SVG · authoring model ${escapeComment(svg.model)} · ${escapeComment(spec.caption)} -->\n${body}\n`;
}

/** `svg_usage` for a document the authoring model wrote from a raster of `raster` size. */
export function svgUsage(document: string, prompt: string, raster: { width: number; height: number }, svg: { model: string; effort?: string }): SvgUsage {
  const input = SVG_INSTRUCTION_TOKENS + textTokens(prompt) + inputImageTokens(raster, 'high');
  const visible = Math.ceil(document.length / CHARS_PER_TOKEN);
  const reasoning = Math.round(visible * (SVG_REASONING_PER_OUTPUT[svg.effort ?? 'medium'] ?? 1));
  const output = visible + reasoning;
  return { model: svg.model, input_tokens: input, output_tokens: output, reasoning_tokens: reasoning, total_tokens: input + output };
}
