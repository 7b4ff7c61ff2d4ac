import { describe, expect, it } from 'vitest';
import { imagesUsage, type UsageInput } from './usage';

const base: UsageInput = { model: 'gpt-image-1', prompt: 'hello world', size: { width: 1024, height: 1024 }, quality: 'high', n: 1, partialImages: 0 };

describe('imagesUsage', () => {
  it('adds text, image and output tokens into the OpenAI usage shape', () => {
    expect(imagesUsage(base)).toEqual({
      input_tokens: 2,
      input_tokens_details: { text_tokens: 2, image_tokens: 0 },
      output_tokens: 4160,
      output_tokens_details: { image_tokens: 4160, text_tokens: 0 },
      total_tokens: 4162,
    });
  });

  it('multiplies output tokens by n', () => {
    expect(imagesUsage({ ...base, n: 3 })!.output_tokens).toBe(3 * 4160);
    expect(imagesUsage({ ...base, n: 3 })!.input_tokens).toBe(2);
  });

  it('adds 100 output tokens for each partial image of each image', () => {
    expect(imagesUsage({ ...base, partialImages: 2 })!.output_tokens).toBe(4160 + 200);
    expect(imagesUsage({ ...base, n: 2, partialImages: 3 })!.output_tokens).toBe(2 * (4160 + 300));
  });

  it('counts reference images at low fidelity by default and high when asked', () => {
    const refs = [{ width: 1024, height: 1024 }, { width: 1536, height: 1024 }];
    expect(imagesUsage({ ...base, inputImages: refs })!.input_tokens_details.image_tokens).toBe(194 + 323);
    const high = imagesUsage({ ...base, inputImages: refs, inputFidelity: 'high' })!;
    expect(high.input_tokens_details.image_tokens).toBe(4354 + 6563);
    expect(high.total_tokens).toBe(2 + 4354 + 6563 + 4160);
  });

  it('always counts gpt-image-2 references at high fidelity', () => {
    const u = imagesUsage({ ...base, model: 'gpt-image-2', inputImages: [{ width: 1024, height: 1024 }], inputFidelity: 'low' })!;
    expect(u.input_tokens_details.image_tokens).toBe(4354);
    expect(u.output_tokens).toBe(7024);
  });

  it('leaves input out with outputOnly', () => {
    const u = imagesUsage({ ...base, inputImages: [{ width: 1024, height: 1024 }], outputOnly: true })!;
    expect(u.input_tokens).toBe(0);
    expect(u.total_tokens).toBe(4160);
  });

  it('gives dall-e no usage block', () => {
    expect(imagesUsage({ ...base, model: 'dall-e-3' })).toBeNull();
    expect(imagesUsage({ ...base, model: 'dall-e-2', size: { width: 256, height: 256 } })).toBeNull();
  });

  it('gives none for a gpt-image-1 size outside the token table', () => {
    expect(imagesUsage({ ...base, size: { width: 2048, height: 2048 } })).toBeNull();
  });
});
