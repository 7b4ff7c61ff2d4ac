/**
 * An SVG answer made safe to show and to save (api-2026-12 §2.3: a text model writes it, so it is untrusted text).
 * DOMPurify (maintained, parser based, not a regex) with its SVG profile; on top of it: no <script>, no
 * <foreignObject>, no event handlers, and no reference that leaves the document (href/xlink:href other than
 * `#fragment` or an inline raster, url(...) to anything but `#id`, CSS @import). The result is serialized as
 * standalone XML with the SVG namespace, so it works as an <img> source and as a downloaded file.
 * Needs a DOM window: the browser's, or jsdom's in tests.
 */
import DOMPurify, { type Config } from 'dompurify';

export interface SanitizedSvg {
  /** The sanitized document. */
  text: string;
  /** UTF-8 bytes of `text`. */
  bytes: number;
  /** Elements in the sanitized document, the root included. */
  nodes: number;
  /** Elements and attributes the sanitizer took out. */
  removed: number;
}

const INLINE_RASTER = /^data:image\/(?:png|jpeg|gif|webp);base64,/i;
/** url(...) that points anywhere but a fragment of this document. */
const EXTERNAL_URL = /url\(\s*(['"]?)\s*(?!#)[^)]*\)/i;
const HREFS = new Set(['href', 'xlink:href']);

const CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // <use> only ever points inside the document: the href hook drops every other target.
  ADD_TAGS: ['use'],
  FORBID_TAGS: ['script', 'foreignObject', 'iframe', 'embed', 'object', 'audio', 'video'],
  // role="img" is accessibility, not behaviour.
  ADD_ATTR: ['role'],
  FORBID_ATTR: ['srcset', 'src', 'action', 'formaction', 'ping'],
  // No <a href> navigation or xlink to another document; only #fragments and inline rasters survive (hooks below).
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM: true,
  WHOLE_DOCUMENT: false,
};

export function sanitizeSvg(source: string, win: Window & typeof globalThis = window): SanitizedSvg {
  const purify = DOMPurify(win);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if (name.startsWith('on')) data.keepAttr = false;
    else if (HREFS.has(name) && !(value.startsWith('#') || INLINE_RASTER.test(value))) data.keepAttr = false;
    else if (EXTERNAL_URL.test(value) || /@import|expression\(|javascript:/i.test(value)) data.keepAttr = false;
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    // A stylesheet may load other documents (@import, url()); it is kept only when it loads nothing.
    if (data.tagName === 'style' && /@import|url\(\s*['"]?\s*(?!#)|expression\(|javascript:/i.test(node.textContent ?? '')) node.parentNode?.removeChild(node);
  });
  const body = purify.sanitize(source, CONFIG) as unknown as HTMLElement;
  // Elements and attributes taken out; comments and the XML declaration are dropped too but are not counted as unsafe.
  // (The parser's own <body> wrapper is reported too; it was never part of the document.)
  const removed = purify.removed.filter((r) => {
    if ('attribute' in r) return true;
    const el = (r as { element?: Node }).element;
    return el?.nodeType === 1 && !['BODY', 'HTML', 'HEAD'].includes(el.nodeName);
  }).length;
  purify.removeAllHooks();
  const root = body.querySelector('svg');
  if (!root) throw new Error('The answer is not an SVG document (no <svg> root after sanitizing).');
  const text = new win.XMLSerializer().serializeToString(root);
  return { text, bytes: new TextEncoder().encode(text).length, nodes: 1 + root.querySelectorAll('*').length, removed };
}

/** The sanitized SVG as a file: what the page shows and what Download saves. */
export function sanitizedSvgBlob(source: string, win?: Window & typeof globalThis): { blob: Blob; info: SanitizedSvg } {
  const info = sanitizeSvg(source, win);
  return { blob: new Blob([info.text], { type: 'image/svg+xml' }), info };
}

/**
 * For `npm run bench` (scripts/bench-gif-svg.mjs): off unless the page set `window.__svgBench = {}` before this
 * module loaded. Then `__svgBench.sanitize(source)` runs sanitizeSvg, the gallery's own call, and times it.
 */
function exposeBench(): void {
  if (typeof window === 'undefined') return;
  const bench = (window as { __svgBench?: Record<string, unknown> }).__svgBench;
  if (!bench) return;
  bench.sanitize = (source: string) => {
    const t = performance.now();
    const clean = sanitizeSvg(source);
    const ms = performance.now() - t;
    return { ms, bytesIn: new TextEncoder().encode(source).length, bytesOut: clean.bytes, nodes: clean.nodes, removed: clean.removed, text: clean.text };
  };
}
exposeBench();
