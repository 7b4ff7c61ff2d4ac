import { describe, expect, it } from 'vitest';
import { apiErrorOf } from '../testing/fixtures';
import { checkImageRequest, resolveModel, validateImageRequest, type ImageEndpoint, type ValidateOptions } from './validate';

const gen = (fields: Record<string, unknown>, options?: ValidateOptions) => validateImageRequest('generate', fields, options);
const fail = (endpoint: ImageEndpoint, fields: Record<string, unknown>, options?: ValidateOptions) =>
  apiErrorOf(() => validateImageRequest(endpoint, fields, options));

describe('validateImageRequest: a good request', () => {
  it('returns typed values with defaults filled in', () => {
    const r = gen({ model: 'gpt-image-1', prompt: 'a cat', n: 3, quality: 'high', output_format: 'webp', output_compression: 50, background: 'transparent', stream: true, partial_images: 2 });
    expect(r).toMatchObject({ endpoint: 'generate', model: 'gpt-image-1', prompt: 'a cat', n: 3, size: 'auto', quality: 'high', outputFormat: 'webp', outputCompression: 50, background: 'transparent', stream: true, partialImages: 2 });
  });

  it('defaults n to 1, stream to false and partial images to 0; dall-e-3 size to 1024x1024', () => {
    expect(gen({ model: 'dall-e-3', prompt: 'x' })).toMatchObject({ n: 1, stream: false, partialImages: 0, size: '1024x1024' });
  });

  it('resolves the dated gpt-image-2 alias to gpt-image-2', () => {
    expect(gen({ model: 'gpt-image-2-2026-04-21', prompt: 'x' }).model).toBe('gpt-image-2');
  });

  it('accepts a custom gpt-image-2 size and refuses it on gpt-image-1.5', () => {
    expect(gen({ model: 'gpt-image-2', prompt: 'x', size: '3840x2160' }).size).toBe('3840x2160');
    const e = fail('generate', { model: 'gpt-image-1.5', prompt: 'x', size: '3840x2160' });
    expect(e).toMatchObject({ status: 400, param: 'size', code: 'invalid_value' });
    expect(e.message).toBe("Invalid value: '3840x2160'. Supported values are: 'auto', '1024x1024', '1536x1024', and '1024x1536'.");
  });

  it.each([['3840x2176', /at most 8,294,400 pixels/], ['1000x1000', /multiples of 16/], ['3840x1024', /aspect ratio/], ['512x512', /at least 655,360/]])(
    'refuses gpt-image-2 size %s with the reason',
    (size, reason) => {
      const e = fail('generate', { model: 'gpt-image-2', prompt: 'x', size });
      expect(e).toMatchObject({ status: 400, param: 'size', code: 'invalid_value' });
      expect(e.message).toMatch(reason);
    },
  );
});

describe('unknown parameters', () => {
  it.each(['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini'])('refuses response_format on %s as unknown_parameter', (model) => {
    const e = fail('generate', { model, prompt: 'x', response_format: 'b64_json' });
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'response_format', code: 'unknown_parameter' });
    expect(e.message).toMatch(/^Unknown parameter: 'response_format'\./);
  });

  it('accepts response_format on dall-e-3', () => {
    expect(gen({ model: 'dall-e-3', prompt: 'x', response_format: 'b64_json' }).responseFormat).toBe('b64_json');
  });

  it('refuses a field no endpoint knows, before looking at the model', () => {
    expect(fail('generate', { model: 'nope', prompt: 'x', colour: 'red' })).toMatchObject({ param: 'colour', code: 'unknown_parameter' });
  });

  it('refuses GPT-only fields on dall-e and style on GPT models', () => {
    expect(fail('generate', { model: 'dall-e-3', prompt: 'x', output_format: 'png' })).toMatchObject({ param: 'output_format', code: 'unknown_parameter' });
    expect(fail('generate', { model: 'dall-e-2', prompt: 'x', background: 'opaque' })).toMatchObject({ param: 'background', code: 'unknown_parameter' });
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', style: 'vivid' })).toMatchObject({ param: 'style', code: 'unknown_parameter' });
  });

  it('refuses input_fidelity on mini and gpt-image-2 edits, accepts it on gpt-image-1', () => {
    expect(fail('edit', { model: 'gpt-image-1-mini', prompt: 'x', input_fidelity: 'high' })).toMatchObject({ param: 'input_fidelity', code: 'unknown_parameter' });
    expect(fail('edit', { model: 'gpt-image-2', prompt: 'x', input_fidelity: 'high' })).toMatchObject({ param: 'input_fidelity', code: 'unknown_parameter' });
    expect(validateImageRequest('edit', { model: 'gpt-image-1', prompt: 'x', input_fidelity: 'high' }).inputFidelity).toBe('high');
  });

  it('refuses a prompt on variations', () => {
    expect(fail('variation', { prompt: 'x' })).toMatchObject({ param: 'prompt', code: 'unknown_parameter' });
  });

  it('ignores null fields', () => {
    expect(gen({ model: 'gpt-image-1', prompt: 'x', response_format: null }).responseFormat).toBeUndefined();
  });
});

describe('invalid enum values', () => {
  it.each([
    ['quality', 'ultra', "'auto', 'low', 'medium', and 'high'"],
    ['output_format', 'gif', "'png', 'jpeg', and 'webp'"],
    ['background', 'green', "'auto', 'opaque', and 'transparent'"],
    ['moderation', 'none', "'auto' and 'low'"],
  ])('refuses %s=%s naming the field and listing %s', (param, value, allowed) => {
    const e = fail('generate', { model: 'gpt-image-1', prompt: 'x', [param]: value });
    expect(e).toMatchObject({ status: 400, param, code: 'invalid_value' });
    expect(e.message).toBe(`Invalid value: '${value}'. Supported values are: ${allowed}.`);
  });

  it('refuses quality=high on dall-e-3 and lists standard and hd', () => {
    const e = fail('generate', { model: 'dall-e-3', prompt: 'x', quality: 'high' });
    expect(e).toMatchObject({ param: 'quality', code: 'invalid_value' });
    expect(e.message).toContain("'standard' and 'hd'");
  });

  it('refuses 1536x1024 on dall-e-2 with the three square sizes', () => {
    const e = fail('generate', { model: 'dall-e-2', prompt: 'x', size: '1536x1024' });
    expect(e.message).toBe("Invalid value: '1536x1024'. Supported values are: '256x256', '512x512', and '1024x1024'.");
  });

  it('refuses an unknown model and lists the models of that endpoint', () => {
    const e = fail('edit', { model: 'dall-e-9', prompt: 'x' });
    expect(e).toMatchObject({ param: 'model', code: 'invalid_value' });
    expect(e.message).toContain("'gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', and 'dall-e-2'");
  });

  it('refuses dall-e-3 for edits and gpt-image-1 for variations', () => {
    expect(fail('edit', { model: 'dall-e-3', prompt: 'x' }).message).toMatch(/does not support image edits/);
    expect(fail('variation', { model: 'gpt-image-1' }).message).toMatch(/does not support image variations; use 'dall-e-2'/);
  });

  it('refuses a model the provider does not serve', () => {
    expect(fail('generate', { model: 'dall-e-3', prompt: 'x' }, { models: ['gpt-image-1'] })).toMatchObject({ param: 'model', code: 'invalid_value' });
  });
});

describe('cross-field rules', () => {
  it('refuses transparent with jpeg', () => {
    const e = fail('generate', { model: 'gpt-image-1', prompt: 'x', background: 'transparent', output_format: 'jpeg' });
    expect(e).toMatchObject({ status: 400, param: 'background', code: 'invalid_value' });
    expect(e.message).toMatch(/'png' and 'webp'/);
  });

  it('accepts transparent with the default png', () => {
    expect(gen({ model: 'gpt-image-1', prompt: 'x', background: 'transparent' }).background).toBe('transparent');
  });

  it('refuses output_compression below 100 with png, explicit or default', () => {
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', output_compression: 80, output_format: 'png' })).toMatchObject({ param: 'output_compression', code: 'invalid_value' });
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', output_compression: 80 })).toMatchObject({ param: 'output_compression' });
    expect(gen({ model: 'gpt-image-1', prompt: 'x', output_compression: 100 }).outputCompression).toBe(100);
    expect(gen({ model: 'gpt-image-1', prompt: 'x', output_compression: 0, output_format: 'jpeg' }).outputCompression).toBe(0);
  });

  it('refuses output_compression 101 and -1', () => {
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', output_compression: 101, output_format: 'jpeg' })).toMatchObject({ param: 'output_compression', code: 'integer_above_max_value' });
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', output_compression: -1, output_format: 'jpeg' })).toMatchObject({ param: 'output_compression', code: 'integer_below_min_value' });
  });

  it('refuses partial_images 4', () => {
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', stream: true, partial_images: 4 })).toMatchObject({ param: 'partial_images', code: 'integer_above_max_value' });
  });
});

describe('n', () => {
  it('refuses n=2 on dall-e-3', () => {
    const e = fail('generate', { model: 'dall-e-3', prompt: 'x', n: 2 });
    expect(e).toMatchObject({ status: 400, param: 'n', code: 'integer_above_max_value' });
    expect(e.message).toMatch(/<= 1 for dall-e-3, but got 2/);
  });

  it('refuses n=0 and n=11', () => {
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', n: 0 })).toMatchObject({ param: 'n', code: 'integer_below_min_value' });
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', n: 11 })).toMatchObject({ param: 'n', code: 'integer_above_max_value' });
  });

  it('accepts n=10 on dall-e-2', () => {
    expect(gen({ model: 'dall-e-2', prompt: 'x', n: 10 }).n).toBe(10);
  });

  it('refuses a decimal n and a JSON string n', () => {
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', n: 1.5 })).toMatchObject({ param: 'n', code: 'invalid_type' });
    const e = fail('generate', { model: 'gpt-image-1', prompt: 'x', n: '2' });
    expect(e).toMatchObject({ param: 'n', code: 'invalid_type' });
    expect(e.message).toBe("Invalid type for 'n': expected an integer, but got a string instead.");
  });
});

describe('multipart forms (fromForm)', () => {
  const form = { fromForm: true };

  it('reads "2" as 2, "true" as true and "50" as 50', () => {
    const r = validateImageRequest('edit', { model: 'gpt-image-1', prompt: 'x', n: '2', stream: 'true', partial_images: '1', output_format: 'jpeg', output_compression: '50' }, form);
    expect(r).toMatchObject({ n: 2, stream: true, partialImages: 1, outputCompression: 50 });
  });

  it('reads "false" as false', () => {
    expect(validateImageRequest('edit', { model: 'gpt-image-1', prompt: 'x', stream: 'false' }, form).stream).toBe(false);
  });

  it('still refuses "two", "1.5" and "yes"', () => {
    expect(fail('edit', { model: 'gpt-image-1', prompt: 'x', n: 'two' }, form)).toMatchObject({ param: 'n', code: 'invalid_type' });
    expect(fail('edit', { model: 'gpt-image-1', prompt: 'x', n: '1.5' }, form)).toMatchObject({ param: 'n', code: 'invalid_type' });
    expect(fail('edit', { model: 'gpt-image-1', prompt: 'x', stream: 'yes' }, form)).toMatchObject({ param: 'stream', code: 'invalid_type' });
  });

  it('refuses the string "true" for stream in JSON', () => {
    expect(fail('generate', { model: 'gpt-image-1', prompt: 'x', stream: 'true' })).toMatchObject({ param: 'stream', code: 'invalid_type' });
  });
});

describe('prompt', () => {
  it.each([
    ['gpt-image-1', 32_000],
    ['gpt-image-2', 32_000],
    ['dall-e-3', 4000],
    ['dall-e-2', 1000],
  ])('%s takes %i characters and refuses one more', (model, max) => {
    expect(gen({ model, prompt: 'a'.repeat(max) }).prompt.length).toBe(max);
    const e = fail('generate', { model, prompt: 'a'.repeat(max + 1) });
    expect(e).toMatchObject({ status: 400, param: 'prompt', code: 'string_above_max_length' });
    expect(e.message).toContain(`maximum length ${max}, but got a string with length ${max + 1}`);
  });

  it('counts characters, not UTF-16 units (1000 emoji fit dall-e-2)', () => {
    expect(gen({ model: 'dall-e-2', prompt: '🐱'.repeat(1000) }).prompt).toHaveLength(2000);
  });

  it('refuses a missing prompt, an empty one and a non-string one', () => {
    expect(fail('generate', { model: 'gpt-image-1' })).toMatchObject({ param: 'prompt', code: 'missing_required_parameter' });
    expect(fail('generate', { model: 'gpt-image-1', prompt: '  ' })).toMatchObject({ param: 'prompt', code: 'empty_string' });
    expect(fail('generate', { model: 'gpt-image-1', prompt: 42 })).toMatchObject({ param: 'prompt', code: 'invalid_type' });
  });
});

describe('implicit model', () => {
  it('makes a bare generation dall-e-2 and refuses gpt quality on it', () => {
    expect(gen({ prompt: 'x' }).model).toBe('dall-e-2');
    expect(fail('generate', { prompt: 'x', quality: 'high' })).toMatchObject({ param: 'quality', code: 'invalid_value' });
  });

  it('makes a generation with output_format a gpt-image-2 one', () => {
    expect(gen({ prompt: 'x', output_format: 'jpeg' }).model).toBe('gpt-image-2');
  });

  it('refuses a model-less request whose implicit model the provider does not serve', () => {
    const e = fail('generate', { prompt: 'x' }, { models: ['gpt-image-1'] });
    expect(e).toMatchObject({ status: 400, param: 'model', code: 'missing_required_parameter' });
    expect(e.message).toContain("would go to dall-e-2, which this provider does not serve; use 'gpt-image-1'");
    expect(gen({ prompt: 'x' }, { models: ['dall-e-2'] }).model).toBe('dall-e-2');
  });

  it('makes a bare edit gpt-image-1.5 and a bare variation dall-e-2', () => {
    expect(resolveModel('edit', { prompt: 'x' })).toBe('gpt-image-1.5');
    expect(validateImageRequest('variation', {}).model).toBe('dall-e-2');
  });
});

describe('Azure narrowing', () => {
  const azure = { narrowing: { excludeOutputFormats: ['webp'] as const } };

  it('refuses webp and lists png and jpeg', () => {
    const e = fail('generate', { model: 'gpt-image-1', prompt: 'x', output_format: 'webp' }, azure);
    expect(e).toMatchObject({ param: 'output_format', code: 'invalid_value' });
    expect(e.message).toBe("Invalid value: 'webp'. Supported values are: 'png' and 'jpeg'.");
  });

  it('still takes jpeg, and transparent png', () => {
    expect(gen({ model: 'gpt-image-1', prompt: 'x', output_format: 'jpeg' }, azure).outputFormat).toBe('jpeg');
    expect(gen({ model: 'gpt-image-1', prompt: 'x', background: 'transparent' }, azure).background).toBe('transparent');
  });
});

describe('checkImageRequest', () => {
  it('returns the error instead of throwing, with an OpenAI-shaped body', () => {
    const r = checkImageRequest('generate', { model: 'gpt-image-1', prompt: 'x', response_format: 'url' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.toBody()).toEqual({
      error: { message: expect.stringMatching(/^Unknown parameter: 'response_format'/), type: 'invalid_request_error', param: 'response_format', code: 'unknown_parameter' },
    });
  });

  it('returns the request when valid', () => {
    expect(checkImageRequest('generate', { prompt: 'x' })).toMatchObject({ ok: true, request: { model: 'dall-e-2' } });
  });
});
