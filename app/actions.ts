'use server';
/**
 * Server actions for the first page: one generation through the provider's SDK client.
 * Thin: validate with the registry, call lib, return a typed result instead of throwing across the wire.
 */
import { generateImage, type GenerateResult } from '@/lib/generation/generate';
import type { ProviderKind } from '@/lib/providers/config';

export async function generateAction(input: {
  provider: ProviderKind;
  fields: Record<string, unknown>;
}): Promise<GenerateResult> {
  return generateImage(input.provider, input.fields);
}
