/**
 * Expected token counts, written from OpenAI's published figures rather than imported from lib/cost, so the
 * offline API's `usage` blocks are checked against the published figures and not against themselves:
 * - output tokens and the 100 per partial image: Image generation guide, "Cost and latency"
 *   (https://platform.openai.com/docs/guides/image-generation);
 * - input image tokens: Images and vision guide (https://platform.openai.com/docs/guides/images-vision);
 * - the gpt-image-2 formula: OpenAI's cost calculator as reproduced by the community (third-party, unverified).
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** gpt-image-1 output tokens per image (Image generation guide, "Cost and latency"). */
export const GPT_IMAGE_1_OUTPUT: Record<string, Record<'low' | 'medium' | 'high', number>> = {
  '1024x1024': { low: 272, medium: 1056, high: 4160 },
  '1024x1536': { low: 408, medium: 1584, high: 6240 },
  '1536x1024': { low: 400, medium: 1568, high: 6208 },
};

/** The gpt-image-2 calculator formula (community-derived), in its own words. */
export function gptImage2Output(width: number, height: number, quality: 'low' | 'medium' | 'high'): number {
  const q = { low: 16, medium: 48, high: 96 }[quality];
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const s = Math.floor((2 * q * short + long) / (2 * long));
  return Math.ceil((q * s * (2_000_000 + width * height)) / 4_000_000);
}

/** Each streamed partial image adds 100 output tokens (Image generation guide). */
export const PARTIAL_TOKENS = 100;

/** Input tokens of one reference image (Images and vision guide): 1024² → 194 at low fidelity, 4354 at high. */
export function inputImageTokens(width: number, height: number, fidelity: 'low' | 'high'): number {
  const fit = Math.min(1, 2048 / Math.max(width, height));
  const shrink = 512 / (Math.min(width, height) * fit);
  const tiles = Math.ceil((width * fit * shrink) / 512 - 1e-9) * Math.ceil((height * fit * shrink) / 512 - 1e-9);
  return 65 + 129 * tiles + (fidelity === 'high' ? (width === height ? 4160 : 6240) : 0);
}

/** Prompt tokens with the o200k tokenizer the image models are reported to use. */
export function promptTokens(prompt: string): number {
  return countTokens(prompt);
}
