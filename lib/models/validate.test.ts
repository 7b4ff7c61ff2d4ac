import { describe, expect, it } from 'vitest';
import type { ApiError } from '../errors/api-error';
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
  it.each(['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini'])('refuses response_format on %s as unknown_parameter', (model) => {
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

  it('refuses input_fidelity on mini and 2.x edits, accepts it on gpt-image-1 and 1.5', () => {
    expect(fail('edit', { model: 'gpt-image-1-mini', prompt: 'x', input_fidelity: 'high' })).toMatchObject({ param: 'input_fidelity', code: 'unknown_parameter' });
    for (const model of ['gpt-image-2', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2.6-sunburst', 'gpt-image-2.6-flare']) {
      const e = fail('edit', { model, prompt: 'x', input_fidelity: 'high' });
      expect(e, model).toMatchObject({ param: 'input_fidelity', code: 'unknown_parameter' });
      expect(e.message, model).toMatch(/high fidelity; leave it out/);
    }
    expect(validateImageRequest('edit', { model: 'gpt-image-1.5', prompt: 'x', input_fidelity: 'low' }).inputFidelity).toBe('low');
    expect(validateImageRequest('edit', { model: 'gpt-image-1', prompt: 'x', input_fidelity: 'high' }).inputFidelity).toBe('high');
  });

  it('refuses a prompt on variations', () => {
    expect(fail('variation', { model: 'dall-e-2', prompt: 'x' })).toMatchObject({ param: 'prompt', code: 'unknown_parameter' });
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
    expect(e.message).toBe("Invalid value: 'dall-e-9'. Supported values are: 'gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', and 'dall-e-2'.");
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

describe('model is required (the implicit defaults are shut down, api-2026-12 §2.1)', () => {
  const ALL = "'gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2', 'gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', and 'dall-e-2'";

  it('refuses a generation without model as 400 missing_required_parameter naming model and the offered models', () => {
    const e = fail('generate', { prompt: 'x' });
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'model', code: 'missing_required_parameter' });
    expect(e.message).toBe(`Missing required parameter: 'model'. Name the image model, one of ${ALL}.`);
  });

  it('no longer picks a model from GPT-only fields', () => {
    for (const field of ['output_format', 'output_compression', 'background', 'moderation', 'stream', 'partial_images', 'quality']) {
      const value = field === 'stream' ? true : field === 'output_compression' || field === 'partial_images' ? 1 : 'x';
      expect(fail('generate', { prompt: 'x', [field]: value }), field).toMatchObject({ status: 400, param: 'model', code: 'missing_required_parameter' });
    }
  });

  it('treats a null model as missing', () => {
    expect(fail('generate', { prompt: 'x', model: null })).toMatchObject({ param: 'model', code: 'missing_required_parameter' });
  });

  it('refuses a model-less edit and variation, offering the models of that endpoint', () => {
    const edit = fail('edit', { prompt: 'x' });
    expect(edit).toMatchObject({ status: 400, param: 'model', code: 'missing_required_parameter' });
    expect(edit.message).toContain("'gpt-image-2.6-sunburst'");
    expect(edit.message).not.toContain('dall-e-3');
    expect(fail('variation', {}).message).toBe("Missing required parameter: 'model'. Name the image model, one of 'dall-e-2'.");
    expect(apiErrorOf(() => resolveModel('edit', { prompt: 'x' }))).toMatchObject({ param: 'model', code: 'missing_required_parameter' });
  });

  it('offers only the models the provider serves', () => {
    const e = fail('generate', { prompt: 'x' }, { models: ['gpt-image-1', 'gpt-image-2.5-flare'] });
    expect(e).toMatchObject({ status: 400, param: 'model', code: 'missing_required_parameter' });
    expect(e.message).toBe("Missing required parameter: 'model'. Name the image model, one of 'gpt-image-1' and 'gpt-image-2.5-flare'.");
  });

  it('checks the model before the prompt', () => {
    expect(fail('generate', {})).toMatchObject({ param: 'model', code: 'missing_required_parameter' });
  });
});

describe('gpt-image-2.5 and 2.6 (api-2026-12 §2.1)', () => {
  it('accepts quality xhigh and max on 2.6 Flare, generations and edits', () => {
    expect(gen({ model: 'gpt-image-2.6-flare', prompt: 'x', quality: 'xhigh' }).quality).toBe('xhigh');
    expect(gen({ model: 'gpt-image-2.6-flare', prompt: 'x', quality: 'max' }).quality).toBe('max');
    expect(validateImageRequest('edit', { model: 'gpt-image-2.6-flare', prompt: 'x', quality: 'xhigh' }).quality).toBe('xhigh');
    expect(gen({ model: 'gpt-image-2.5-sunburst', prompt: 'x', quality: 'max' }).quality).toBe('max');
  });

  it('refuses xhigh on gpt-image-2, naming the field, the value and the allowed values', () => {
    const e = fail('generate', { model: 'gpt-image-2', prompt: 'x', quality: 'xhigh' });
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'quality', code: 'invalid_value' });
    expect(e.message).toContain("'quality'");
    expect(e.message).toContain("'xhigh'");
    expect(e.message).toContain("'auto', 'low', 'medium', and 'high'");
    expect(e.message).toMatch(/gpt-image-2\.5 or 2\.6/);
  });

  it('refuses max on gpt-image-1 edits and xhigh on dall-e-3 the same way', () => {
    expect(fail('edit', { model: 'gpt-image-1', prompt: 'x', quality: 'max' })).toMatchObject({ param: 'quality', code: 'invalid_value' });
    const e = fail('generate', { model: 'dall-e-3', prompt: 'x', quality: 'xhigh' });
    expect(e).toMatchObject({ param: 'quality', code: 'invalid_value' });
    expect(e.message).toContain("'standard' and 'hd'");
  });

  it('lists xhigh and max among the values 2.6 accepts when refusing another quality', () => {
    const e = fail('generate', { model: 'gpt-image-2.6-sunburst', prompt: 'x', quality: 'ultra' });
    expect(e.message).toBe("Invalid value: 'ultra'. Supported values are: 'auto', 'low', 'medium', 'high', 'xhigh', and 'max'.");
  });

  it('takes complexity on 2.6 generations and edits', () => {
    expect(gen({ model: 'gpt-image-2.6-sunburst', prompt: 'x', complexity: 'low' }).complexity).toBe('low');
    expect(validateImageRequest('edit', { model: 'gpt-image-2.6-flare', prompt: 'x', complexity: 'high' }).complexity).toBe('high');
    expect(gen({ model: 'gpt-image-2.6-sunburst', prompt: 'x', complexity: null }).complexity).toBeUndefined();
    expect(gen({ model: 'gpt-image-2.6-sunburst', prompt: 'x' }).complexity).toBeUndefined();
  });

  it('refuses a complexity value 2.6 does not have, listing low, medium and high', () => {
    const e = fail('generate', { model: 'gpt-image-2.6-sunburst', prompt: 'x', complexity: 'extreme' });
    expect(e).toMatchObject({ param: 'complexity', code: 'invalid_value' });
    expect(e.message).toBe("Invalid value: 'extreme'. Supported values are: 'low', 'medium', and 'high'.");
  });

  it.each(['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2', 'gpt-image-1'])('refuses complexity on %s as unknown_parameter', (model) => {
    const e = fail('generate', { model, prompt: 'x', complexity: 'high' });
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'complexity', code: 'unknown_parameter' });
    expect(e.message).toBe(`Unknown parameter: 'complexity'. ${model} does not accept it (complexity is a gpt-image-2.6 parameter).`);
  });

  it('refuses complexity on a 2.5 edit too', () => {
    expect(fail('edit', { model: 'gpt-image-2.5-flare', prompt: 'x', complexity: 'low' })).toMatchObject({ param: 'complexity', code: 'unknown_parameter' });
  });

  it('validates the 2.5 snapshot, keeping the name as asked for the wire', () => {
    const r = gen({ model: 'gpt-image-2.5-sunburst-2026-09-08', prompt: 'x', quality: 'xhigh', size: '2048x1152' });
    expect(r).toMatchObject({ model: 'gpt-image-2.5-sunburst', modelName: 'gpt-image-2.5-sunburst-2026-09-08', quality: 'xhigh', size: '2048x1152' });
    expect(fail('generate', { model: 'gpt-image-2.5-sunburst-2026-09-08', prompt: 'x', complexity: 'low' })).toMatchObject({ param: 'complexity', code: 'unknown_parameter' });
  });

  it('keeps modelName equal to the id when no snapshot was asked', () => {
    expect(gen({ model: 'gpt-image-2.6-flare', prompt: 'x' })).toMatchObject({ model: 'gpt-image-2.6-flare', modelName: 'gpt-image-2.6-flare' });
  });

  it('serves a snapshot only where the provider serves its model', () => {
    expect(fail('generate', { model: 'gpt-image-2.5-sunburst-2026-09-08', prompt: 'x' }, { models: ['gpt-image-2.6-sunburst'] })).toMatchObject({ param: 'model', code: 'invalid_value' });
  });

  it.each([
    ['3840x2160', true], // 8,294,400 px, the maximum
    ['1024x640', true], // 655,360 px, the minimum
    ['2304x768', true], // exactly 3:1
    ['768x2304', true], // exactly 1:3
    ['1008x640', false], // 645,120 px: below the minimum
    ['3856x1008', false], // long edge above 3840
    ['2320x768', false], // wider than 3:1
    ['1032x1024', false], // 1032 is no multiple of 16
    ['3840x2176', false], // above 8,294,400 px
  ])('applies the 2.x size rule on 2.6 and 2.5: %s %s', (size, ok) => {
    for (const model of ['gpt-image-2.6-flare', 'gpt-image-2.5-sunburst']) {
      if (ok) expect(gen({ model, prompt: 'x', size }).size, model).toBe(size);
      else expect(fail('generate', { model, prompt: 'x', size }), model).toMatchObject({ param: 'size', code: 'invalid_value' });
    }
  });

  it.each(['gpt-image-2.6-sunburst', 'gpt-image-2.5-flare'])('refuses n=11 and partial_images 4 on %s, accepts n=10 and 3', (model) => {
    expect(gen({ model, prompt: 'x', n: 10, stream: true, partial_images: 3 })).toMatchObject({ n: 10, partialImages: 3 });
    expect(fail('generate', { model, prompt: 'x', n: 11 })).toMatchObject({ param: 'n', code: 'integer_above_max_value' });
    expect(fail('generate', { model, prompt: 'x', stream: true, partial_images: 4 })).toMatchObject({ param: 'partial_images', code: 'integer_above_max_value' });
  });

  it('accepts a transparent background on 2.5 and, labelled preview in the registry, on gpt-image-2', () => {
    expect(gen({ model: 'gpt-image-2.5-sunburst', prompt: 'x', background: 'transparent' }).background).toBe('transparent');
    expect(gen({ model: 'gpt-image-2', prompt: 'x', background: 'transparent', output_format: 'webp' }).background).toBe('transparent');
    expect(fail('generate', { model: 'gpt-image-2.5-flare', prompt: 'x', background: 'transparent', output_format: 'jpeg' })).toMatchObject({ param: 'background', code: 'invalid_value' });
  });
});

describe('ids a provider lists that the registry does not know', () => {
  it("runs gpt-image-2.7-test on gpt-image-2's rules when the provider serves it", () => {
    const served = { models: ['gpt-image-2.7-test', 'gpt-image-2'] };
    expect(gen({ model: 'gpt-image-2.7-test', prompt: 'x', size: '2048x1152', quality: 'high' }, served)).toMatchObject({ model: 'gpt-image-2.7-test', modelName: 'gpt-image-2.7-test', size: '2048x1152' });
    expect(fail('generate', { model: 'gpt-image-2.7-test', prompt: 'x', quality: 'xhigh' }, served)).toMatchObject({ param: 'quality', code: 'invalid_value' });
    expect(fail('generate', { model: 'gpt-image-2.7-test', prompt: 'x', complexity: 'low' }, served)).toMatchObject({ param: 'complexity', code: 'unknown_parameter' });
  });

  it("runs gpt-image-2.6-sunburst-2027-01-01 on 2.6 Sunburst's rules", () => {
    const served = { models: ['gpt-image-2.6-sunburst-2027-01-01'] };
    expect(gen({ model: 'gpt-image-2.6-sunburst-2027-01-01', prompt: 'x', quality: 'max', complexity: 'medium' }, served)).toMatchObject({ quality: 'max', complexity: 'medium' });
  });

  it('refuses such an id where the provider does not list it', () => {
    expect(fail('generate', { model: 'gpt-image-2.7-test', prompt: 'x' })).toMatchObject({ param: 'model', code: 'invalid_value' });
  });

  it.each(['gpt-imagex', 'dall-e-4'])('refuses %s even when listed: no family to borrow from', (model) => {
    expect(fail('generate', { model, prompt: 'x' }, { models: [model, 'gpt-image-2'] })).toMatchObject({ param: 'model', code: 'invalid_value' });
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
    expect(checkImageRequest('generate', { model: 'gpt-image-2.6-sunburst', prompt: 'x' })).toMatchObject({ ok: true, request: { model: 'gpt-image-2.6-sunburst' } });
  });

  it('returns missing_required_parameter for a request without model', () => {
    const r = checkImageRequest('generate', { prompt: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.toBody().error).toMatchObject({ type: 'invalid_request_error', param: 'model', code: 'missing_required_parameter' });
  });
});

describe('gpt-image-2.6 gif, svg and markup rules (api-2026-12 §2.2–§2.4, §7)', () => {
  const base = { model: 'gpt-image-2.6-flare', prompt: 'a bouncing ball' };
  const refused = (endpoint: 'generate' | 'edit', fields: Record<string, unknown>) => {
    try {
      validateImageRequest(endpoint, fields);
    } catch (e) {
      return e as ApiError;
    }
    throw new Error(`accepted: ${JSON.stringify(fields)}`);
  };

  it('takes a gif with frame_count 2–16 and frame_duration_ms ≥ 20, and sends them', () => {
    const req = validateImageRequest('generate', { ...base, output_format: 'gif', size: '512x512', frame_count: 4, frame_duration_ms: 120 });
    expect(req).toMatchObject({ outputFormat: 'gif', frameCount: 4, frameDurationMs: 120 });
    expect(refused('generate', { ...base, output_format: 'gif', frame_count: 17 }).param).toBe('frame_count');
    expect(refused('generate', { ...base, output_format: 'gif', frame_count: 1 }).param).toBe('frame_count');
    expect(refused('generate', { ...base, output_format: 'gif', frame_duration_ms: 10 }).param).toBe('frame_duration_ms');
  });

  it('refuses what gif forbids, naming the field: stream, partial images, compression, a mask, frames without gif', () => {
    expect(refused('generate', { ...base, output_format: 'gif', stream: true }).param).toBe('stream');
    expect(refused('generate', { ...base, output_format: 'gif', partial_images: 2 }).param).toBe('partial_images');
    expect(refused('generate', { ...base, output_format: 'gif', output_compression: 80 }).param).toBe('output_compression');
    expect(refused('edit', { ...base, output_format: 'gif', mask: 'x', image: 'y' }).param).toBe('mask');
    const e = refused('generate', { ...base, output_format: 'png', frame_count: 4 });
    expect([e.param, e.message]).toEqual(['frame_count', "Invalid 'frame_count': accepted only with output_format 'gif' (this request asks for 'png')."]);
    expect(refused('generate', { model: 'gpt-image-2.5-sunburst', prompt: 'x', output_format: 'gif' }).param).toBe('output_format');
  });

  it('keeps gif frames under the measured caps for their count: 960² up to 9 frames, 816² up to 12, 720² up to 16', () => {
    expect(validateImageRequest('generate', { ...base, output_format: 'gif', size: '960x960', frame_count: 9 }).size).toBe('960x960');
    const big = refused('generate', { ...base, output_format: 'gif', size: '960x960', frame_count: 10 });
    expect(big.param).toBe('size');
    expect(big.message).toContain('at most 665,856 pixels (816×816) with 10 frames');
    expect(refused('generate', { ...base, output_format: 'gif', size: '1024x1024' }).message).toContain('9-frame GIF');
  });

  it('needs svg.model for svg, makes one image, and takes svg only with svg', () => {
    const req = validateImageRequest('generate', { ...base, output_format: 'svg', size: '1024x1024', svg: { model: 'gpt-6-luna', reasoning: { effort: 'high' } } });
    expect(req.svg).toEqual({ model: 'gpt-6-luna', effort: 'high' });
    const missing = refused('generate', { ...base, output_format: 'svg' });
    expect([missing.param, missing.message]).toEqual(['svg.model', "SVG generation requires 'svg.model'."]);
    expect(refused('generate', { ...base, output_format: 'svg', svg: { model: 'gpt-6-luna' }, n: 2 }).param).toBe('n');
    expect(refused('generate', { ...base, output_format: 'svg', svg: { model: 'gpt-6-luna' }, stream: true }).param).toBe('stream');
    expect(refused('generate', { ...base, output_format: 'svg', svg: { model: 'gpt-6-luna', reasoning: { effort: 'minimal' } } }).param).toBe('svg.reasoning.effort');
    expect(validateImageRequest('generate', { ...base, output_format: 'svg', svg: { model: 'gpt-5', reasoning: { effort: 'minimal' } } }).svg?.effort).toBe('minimal');
    expect(refused('generate', { ...base, svg: { model: 'gpt-6-luna' } }).param).toBe('svg');
    expect(refused('edit', { ...base, output_format: 'svg', image: 'y' }).param).toBe('output_format');
  });

  it('takes markup on 2.6 edits only, never with a mask', () => {
    expect(validateImageRequest('edit', { ...base, image: 'y', markup: 'z' }).endpoint).toBe('edit');
    expect(refused('edit', { ...base, image: 'y', markup: 'z', mask: 'm' }).param).toBe('markup');
    const other = refused('edit', { model: 'gpt-image-2.5-flare', prompt: 'x', image: 'y', markup: 'z' });
    expect([other.param, other.code]).toEqual(['markup', 'unknown_parameter']);
  });
});
