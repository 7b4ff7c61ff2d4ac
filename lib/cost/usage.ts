/**
 * The `usage` block of an Images API answer, from the token accounting in tokens.ts (api-reference §4, §9).
 * The offline API reports it; the cost estimator predicts the same figures before the call.
 */
import type { Dimensions } from '../models/sizes';
import type { ModelId } from '../models/types';
import { inputImageTokens, outputImageTokens, PARTIAL_IMAGE_TOKENS, readsInputsAtHighFidelity, textTokens, type TokenQuality } from './tokens';

export interface ImagesUsage {
  input_tokens: number;
  input_tokens_details: { text_tokens: number; image_tokens: number };
  output_tokens: number;
  output_tokens_details: { image_tokens: number; text_tokens: number };
  total_tokens: number;
}

export type { SvgUsage } from './gif-svg';

export interface UsageInput {
  model: ModelId;
  prompt: string;
  size: Dimensions;
  quality: TokenQuality;
  /** Number of images produced. */
  n: number;
  /** Partial images streamed per image. */
  partialImages: number;
  /** Reference images of an edit. */
  inputImages?: Dimensions[];
  inputFidelity?: 'low' | 'high';
  /** Leave input tokens out (later images of a stream: input is counted once, on the first). */
  outputOnly?: boolean;
}

/** The usage block, or null for models billed per image (dall-e), which return none. */
export function imagesUsage(u: UsageInput): ImagesUsage | null {
  const perImage = outputImageTokens(u.model, u.size, u.quality);
  if (perImage === null) return null;
  // gpt-image-2, 2.5 and 2.6 always read references at high fidelity (api-reference §12, api-2026-12 §2.1).
  const fidelity = readsInputsAtHighFidelity(u.model) ? 'high' : (u.inputFidelity ?? 'low');
  const text = u.outputOnly ? 0 : textTokens(u.prompt);
  const image = u.outputOnly ? 0 : (u.inputImages ?? []).reduce((sum, d) => sum + inputImageTokens(d, fidelity), 0);
  const output = u.n * (perImage + u.partialImages * PARTIAL_IMAGE_TOKENS);
  return {
    input_tokens: text + image,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens: output,
    output_tokens_details: { image_tokens: output, text_tokens: 0 },
    total_tokens: text + image + output,
  };
}
