import 'server-only';
/**
 * The markup part of a gpt-image-2.6 edit (api-2026-12 §2.4): the marks (circles, arrows, notes) on a separate,
 * fully transparent PNG of exactly the first image's width and height, applied to the first image. The part's name
 * is the registry's MARKUP_FIELD (unconfirmed, §9.1). The validator has refused markup to other models and
 * markup with a mask; this checks the
 * file itself with the server's own check (validate-files checkMarkup), and that it is one part and decodes.
 */
import sharp from 'sharp';
import { invalid } from '../errors/api-error';
import { MARKUP_FIELD } from '../models/registry';
import type { EndpointCaps } from '../models/types';
import { checkMarkup, type CheckedImage, type UploadedFile } from '../models/validate-files';
import { summariseMarkup, type MarkupSummary } from './render.server';

/**
 * The markup upload, checked: one file part (not a string), within the byte limit, a PNG by its magic bytes with an
 * alpha channel, the first image's size, and decodable. Undefined when the request has none.
 */
export async function checkMarkupUpload(caps: EndpointCaps, fields: Record<string, unknown>, files: UploadedFile[], first: CheckedImage | undefined): Promise<CheckedImage | undefined> {
  const param = MARKUP_FIELD;
  const parts = files.filter((f) => f.field === param);
  if (!parts.length) {
    const v = fields[param];
    if (v === undefined || v === null) return undefined;
    throw invalid(param, 'invalid_type', `Invalid type for '${param}': expected a file upload (a transparent PNG with the marks), but got ${typeof v === 'string' ? 'a string' : `a ${typeof v}`} instead.`);
  }
  if (!caps.markup) throw invalid(param, 'unknown_parameter', `Unknown parameter: '${param}'.`);
  if (parts.length > 1) throw invalid(param, 'array_above_max_length', `Invalid '${param}': send one markup image, not ${parts.length}.`);
  const file = parts[0];
  // Type, alpha and size: the same check the server makes before sending markup upstream.
  const checked = first ? checkMarkup(file, caps, first.info) : undefined;
  if (!checked) throw invalid('image', 'missing_required_parameter', "Missing required parameter: 'image'. Markup applies to the first input image.");
  const { info } = checked;
  try {
    await sharp(file.bytes, { failOn: 'error' }).resize(16, 16, { fit: 'fill' }).raw().toBuffer();
  } catch {
    throw invalid(param, 'invalid_image_format', `Invalid '${param}': the PNG (${info.width}x${info.height} by its header) could not be decoded; the file is corrupt, cut short or too large to open.`);
  }
  return { bytes: file.bytes, info };
}

function percent(share: number): string {
  const p = share * 100;
  return p === 0 ? '0%' : p < 0.1 ? '<0.1%' : `${p.toFixed(p < 10 ? 1 : 0)}%`;
}

/**
 * What the edit did with the markup, for the answer's `data[].revised_prompt` (the Image object's place for what
 * the service made of a prompt): where the marks are and that only there the picture was changed for them.
 */
export async function markupNote(prompt: string, markup: Uint8Array, width: number, height: number): Promise<{ note: string; summary: MarkupSummary }> {
  const summary = await summariseMarkup(markup, width, height);
  const base = prompt.trim().replace(/[.!]*$/, '');
  if (!summary.box) return { summary, note: `${base}. The markup has no marks (every pixel transparent), so this is an ordinary edit.` };
  const b = summary.box;
  return {
    summary,
    note:
      `${base}. Markup applied to the first image: changed where the marks are (${percent(summary.marked)} of the picture marked, ` +
      `${percent(summary.changed)} redrawn within x ${b.x}–${b.x + b.width - 1}, y ${b.y}–${b.y + b.height - 1}); everywhere else it is an ordinary edit. ` +
      `The marks themselves are not drawn into the result.`,
  };
}
