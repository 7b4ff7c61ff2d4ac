/**
 * The mainline models that can call the Responses API's image_generation tool (api-2026-12 §4): the GPT-6 family
 * (LATEST), then the older ones still served until their shutdown dates (lifecycle.ts). The chat offers those not
 * yet shut down on its provider; the offline API serves the same list and refuses the shut-down ones as OpenAI does.
 * The image models the tool runs are in the registry.
 */
export const MAIN_MODELS = [
  'gpt-6-luna',
  'gpt-6.1-terra',
  'gpt-6.1-sol',
  'gpt-6-astra',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'o3',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-4o',
  'gpt-4o-mini',
] as const;
export type MainModel = (typeof MAIN_MODELS)[number];
/** The cheapest current model that lists the image tool (api-2026-12 §4: gpt-6-luna, 3P-oxen). */
export const DEFAULT_MAIN_MODEL: MainModel = 'gpt-6-luna';
