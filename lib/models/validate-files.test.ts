import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorOf, noiseBytes, solidImage } from '../testing/fixtures';
import { getModel } from './registry';
import { checkMarkup, validateImageFiles, type UploadedFile } from './validate-files';

const MB = 1024 * 1024;
const gpt = getModel('gpt-image-1').endpoints.edit!;
const dalle2Edit = getModel('dall-e-2').endpoints.edit!;
const dalle2Var = getModel('dall-e-2').endpoints.variation!;

let png64: Buffer; // 64x64 RGB
let png64Alpha: Buffer; // 64x64 RGBA
let png32Alpha: Buffer;
let jpeg64: Buffer;
let webp64: Buffer;
let png64x48: Buffer;

beforeAll(async () => {
  png64 = await solidImage('png', 64, 64);
  png64Alpha = await solidImage('png', 64, 64, { alpha: true });
  png32Alpha = await solidImage('png', 32, 32, { alpha: true });
  jpeg64 = await solidImage('jpeg', 64, 64);
  webp64 = await solidImage('webp', 64, 64);
  png64x48 = await solidImage('png', 64, 48, { alpha: true });
});

const file = (bytes: Uint8Array, field = 'image', filename?: string): UploadedFile => ({ bytes, field, filename });
const fail = (...args: Parameters<typeof validateImageFiles>) => apiErrorOf(() => validateImageFiles(...args));

describe('validateImageFiles: GPT image edits', () => {
  it('accepts png, jpeg and webp references and reports what each one is', () => {
    const r = validateImageFiles(gpt, [file(png64), file(jpeg64), file(webp64)], undefined, 'gpt-image-1');
    expect(r.images.map((i) => i.info.type)).toEqual(['png', 'jpeg', 'webp']);
    expect(r.images[0].info).toMatchObject({ width: 64, height: 64, hasAlpha: false });
    expect(r.mask).toBeUndefined();
  });

  it('accepts 16 reference images', () => {
    expect(validateImageFiles(gpt, Array.from({ length: 16 }, () => file(png64)), undefined, 'gpt-image-1').images).toHaveLength(16);
  });

  it('refuses a 17th reference image', () => {
    const e = fail(gpt, Array.from({ length: 17 }, () => file(png64)), undefined, 'gpt-image-1');
    expect(e).toMatchObject({ status: 400, param: 'image', code: 'array_above_max_length' });
    expect(e.message).toMatch(/maximum length 16 for gpt-image-1, but got an array with length 17/);
  });

  it('refuses no image at all', () => {
    expect(fail(gpt, [], undefined, 'gpt-image-1')).toMatchObject({ param: 'image', code: 'missing_required_parameter' });
  });

  it('refuses random bytes as not an image, naming the file', () => {
    const e = fail(gpt, [file(noiseBytes(4096), 'image', 'cat.png')], undefined, 'gpt-image-1');
    expect(e).toMatchObject({ status: 400, param: 'image', code: 'invalid_image_format' });
    expect(e.message).toContain("('cat.png')");
    expect(e.message).toContain("'image/png', 'image/jpeg', and 'image/webp'");
  });

  it('names the bad one of several images by index', () => {
    expect(fail(gpt, [file(png64), file(noiseBytes(512))], undefined, 'gpt-image-1')).toMatchObject({ param: 'image[1]', code: 'invalid_image_format' });
  });

  it('refuses a 51 MB image on its byte count alone', () => {
    const e = fail(gpt, [file(new Uint8Array(51 * MB))], undefined, 'gpt-image-1');
    expect(e).toMatchObject({ status: 400, param: 'image', code: 'image_too_large' });
    expect(e.message).toBe("Invalid 'image': the file is 51.0 MB; the limit is 50.0 MB.");
  });

  it('takes a non-square image (only dall-e-2 needs squares)', () => {
    expect(validateImageFiles(gpt, [file(png64x48)], undefined, 'gpt-image-1').images[0].info).toMatchObject({ width: 64, height: 48 });
  });
});

describe('validateImageFiles: masks', () => {
  it('accepts an RGBA PNG mask the size of the first image', () => {
    const r = validateImageFiles(gpt, [file(png64), file(jpeg64)], file(png64Alpha, 'mask'), 'gpt-image-1');
    expect(r.mask?.info).toMatchObject({ type: 'png', width: 64, height: 64, hasAlpha: true });
  });

  it('refuses a mask without an alpha channel', () => {
    const e = fail(gpt, [file(png64)], file(png64, 'mask'), 'gpt-image-1');
    expect(e).toMatchObject({ status: 400, param: 'mask', code: 'invalid_image_format' });
    expect(e.message).toMatch(/no alpha channel/);
  });

  it('refuses a mask of another size than the first image', () => {
    const e = fail(gpt, [file(png64)], file(png32Alpha, 'mask'), 'gpt-image-1');
    expect(e).toMatchObject({ status: 400, param: 'mask', code: 'invalid_image_dimensions' });
    expect(e.message).toContain('it is 32x32 but the first image is 64x64');
  });

  it('refuses a webp mask, even with alpha', async () => {
    const webpAlpha = await solidImage('webp', 64, 64, { alpha: true });
    expect(fail(gpt, [file(png64)], file(webpAlpha, 'mask'), 'gpt-image-1')).toMatchObject({ param: 'mask', code: 'invalid_image_format' });
  });

  it('refuses a mask over 4 MB', () => {
    expect(fail(gpt, [file(png64)], file(new Uint8Array(4 * MB + 1), 'mask'), 'gpt-image-1')).toMatchObject({ param: 'mask', code: 'image_too_large' });
  });

  it('refuses a mask on variations, which take none', () => {
    expect(fail(dalle2Var, [file(png64)], file(png64Alpha, 'mask'), 'dall-e-2')).toMatchObject({ param: 'mask', code: 'unknown_parameter' });
  });
});

describe('validateImageFiles: dall-e-2', () => {
  it('accepts one square RGBA PNG without a mask (its alpha is the mask)', () => {
    expect(validateImageFiles(dalle2Edit, [file(png64Alpha)], undefined, 'dall-e-2').images[0].info.hasAlpha).toBe(true);
  });

  it('refuses an opaque PNG without a mask', () => {
    const e = fail(dalle2Edit, [file(png64)], undefined, 'dall-e-2');
    expect(e).toMatchObject({ param: 'image', code: 'invalid_image_format' });
    expect(e.message).toMatch(/uses the image's transparency as the mask/);
  });

  it('accepts an opaque PNG with a mask', () => {
    expect(validateImageFiles(dalle2Edit, [file(png64)], file(png64Alpha, 'mask'), 'dall-e-2').mask).toBeDefined();
  });

  it('refuses a JPEG: PNG is required', () => {
    const e = fail(dalle2Edit, [file(jpeg64)], file(png64Alpha, 'mask'), 'dall-e-2');
    expect(e).toMatchObject({ param: 'image', code: 'invalid_image_format' });
    expect(e.message).toBe("Invalid 'image': image/jpeg is not accepted here. Supported file formats are 'image/png'.");
  });

  it('refuses a non-square PNG', () => {
    const e = fail(dalle2Var, [file(png64x48)], undefined, 'dall-e-2');
    expect(e).toMatchObject({ param: 'image', code: 'invalid_image_dimensions' });
    expect(e.message).toContain('needs a square image, but this one is 64x48');
  });

  it('refuses two images', () => {
    expect(fail(dalle2Edit, [file(png64Alpha), file(png64Alpha)], undefined, 'dall-e-2')).toMatchObject({ param: 'image', code: 'array_above_max_length' });
  });

  it('refuses a PNG over 4 MB', () => {
    const e = fail(dalle2Var, [file(new Uint8Array(5 * MB))], undefined, 'dall-e-2');
    expect(e).toMatchObject({ param: 'image', code: 'image_too_large' });
    expect(e.message).toContain('the limit is 4.0 MB');
  });

  it('accepts a square PNG variation source without alpha', () => {
    expect(validateImageFiles(dalle2Var, [file(png64)], undefined, 'dall-e-2').images).toHaveLength(1);
  });
});

describe('validateImageFiles: misuse', () => {
  it('throws a plain error on an endpoint that takes no images', () => {
    expect(() => validateImageFiles(getModel('gpt-image-1').endpoints.generate!, [], undefined, 'gpt-image-1')).toThrow(/without images/);
  });
});

describe('checkMarkup: gpt-image-2.6 markup-guided edits (api-2026-12 §2.4)', () => {
  const edit26 = getModel('gpt-image-2.6-sunburst').endpoints.edit!;
  const first = { width: 64, height: 64 };
  it('takes an RGBA PNG of the first image’s size', () => {
    expect(checkMarkup(file(png64Alpha, 'markup'), edit26, first).info).toMatchObject({ width: 64, height: 64, hasAlpha: true });
  });
  it('refuses another size, a PNG without alpha, another format, and a model without markup, naming the field', () => {
    expect(apiErrorOf(() => checkMarkup(file(png32Alpha, 'markup'), edit26, first)).toBody().error).toMatchObject({ param: 'markup', code: 'invalid_image_dimensions' });
    expect(apiErrorOf(() => checkMarkup(file(png64, 'markup'), edit26, first)).toBody().error).toMatchObject({ param: 'markup', code: 'invalid_image_format' });
    expect(apiErrorOf(() => checkMarkup(file(jpeg64, 'markup'), edit26, first)).toBody().error.param).toBe('markup');
    expect(apiErrorOf(() => checkMarkup(file(png64Alpha, 'markup'), getModel('gpt-image-2.5-flare').endpoints.edit!, first)).toBody().error).toMatchObject({ param: 'markup', code: 'unknown_parameter' });
  });
});
