/**
 * The mainline models that can call the Responses API's image_generation tool (api-reference: gpt-4o, gpt-4o-mini,
 * gpt-4.1, gpt-4.1-mini, gpt-4.1-nano, o3, and the later gpt-5 family). The chat offers them and the offline API
 * serves them; the image models the tool runs are in the registry.
 */
export const MAIN_MODELS = ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini', 'o3'] as const;
export type MainModel = (typeof MAIN_MODELS)[number];
export const DEFAULT_MAIN_MODEL: MainModel = 'gpt-4.1-mini';
