import { describe, expect, it } from 'vitest';
import { lifecycleOf } from './lifecycle';
import { droppedSettings, moveModel, moveNotice } from './migrate';
import { DEFAULT_MODEL } from './registry';
import type { ModelId } from './types';

const ON = '2026-12-03';
const CURRENT: ModelId[] = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'];
const RETIRED = ['gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2'];

/** A provider as the lineup builds it on a fixed day: current models offered, every model's lifecycle known. */
function provider(id: 'openai' | 'azure', on: string, models: ModelId[] = CURRENT) {
  const lifecycle = Object.fromEntries([...CURRENT, ...RETIRED].map((m) => [m, lifecycleOf('image', id, m, { on })]));
  return { id, label: id === 'azure' ? 'Azure OpenAI' : 'OpenAI', models, defaultModel: models[0] ?? DEFAULT_MODEL, lifecycle };
}

describe('moveModel', () => {
  it('moves gpt-image-1.5 to 2.6 Sunburst on OpenAI after 2026-12-01, saying so with the date', () => {
    expect(moveModel('gpt-image-1.5', provider('openai', ON))).toEqual({
      from: 'gpt-image-1.5',
      to: 'gpt-image-2.6-sunburst',
      notice: 'gpt-image-1.5 was shut down on OpenAI on 2026-12-01: switched to gpt-image-2.6-sunburst.',
    });
  });

  it('moves gpt-image-1-mini to 2.6 Flare', () => {
    expect(moveModel('gpt-image-1-mini', provider('openai', ON))).toMatchObject({ to: 'gpt-image-2.6-flare', notice: expect.stringContaining('2026-12-01') });
  });

  it('moves the dated 1.5 snapshot like 1.5 itself', () => {
    expect(moveModel('gpt-image-1.5-2025-12-16', provider('openai', ON))).toMatchObject({ from: 'gpt-image-1.5-2025-12-16', to: 'gpt-image-2.6-sunburst', notice: expect.stringMatching(/shut down on OpenAI on 2026-12-01/) });
  });

  it('uses Azure’s date on Azure', () => {
    const azure = provider('azure', '2026-12-20');
    expect(moveModel('gpt-image-1.5', azure)?.notice).toBe('gpt-image-1.5 was shut down on Azure OpenAI on 2026-12-16: switched to gpt-image-2.6-sunburst.');
  });

  it('leaves an offered model, or an alias of one, where it is', () => {
    expect(moveModel('gpt-image-2.6-flare', provider('openai', ON))).toBeUndefined();
    expect(moveModel('gpt-image-2.5-sunburst-2026-09-08', provider('openai', ON))).toBeUndefined();
    expect(moveModel('', provider('openai', ON))).toBeUndefined();
  });

  it('falls back to the provider default when the replacement is not offered there', () => {
    const p = provider('openai', ON, ['gpt-image-2.5-flare', 'gpt-image-2']);
    expect(moveModel('gpt-image-1-mini', p)).toMatchObject({ to: 'gpt-image-2.5-flare' });
  });

  it('says "not offered" for a model with no shutdown that the provider does not list', () => {
    const p = provider('openai', ON, ['gpt-image-2.6-sunburst']);
    expect(moveModel('gpt-image-2', p)?.notice).toBe('gpt-image-2 is not offered on OpenAI: switched to gpt-image-2.6-sunburst.');
    expect(moveModel('gpt-image-2.7-test', p)?.notice).toBe('gpt-image-2.7-test is not offered on OpenAI: switched to gpt-image-2.6-sunburst.');
  });
});

describe('droppedSettings and moveNotice', () => {
  it('names what a 1.5 edit loses on 2.6, and keeps the rest quiet', () => {
    const asked = { model: 'gpt-image-1.5', prompt: 'x', input_fidelity: 'high', quality: 'high', output_format: 'webp', n: 2 };
    const sent = { model: 'gpt-image-2.6-sunburst', prompt: 'x', quality: 'high', output_format: 'webp', n: 2 };
    expect(droppedSettings(asked, sent)).toEqual(['input fidelity high (not taken)']);
  });

  it('names a changed value with an arrow (dall-e-3 hd → auto)', () => {
    expect(droppedSettings({ model: 'dall-e-3', quality: 'hd', style: 'vivid', response_format: 'url' }, { model: 'gpt-image-2.6-sunburst', quality: 'auto' })).toEqual([
      'quality hd → auto',
      'style vivid (not taken)',
      'response format url (not taken)',
    ]);
  });

  it('ignores null and undefined asks', () => {
    expect(droppedSettings({ background: null, moderation: undefined }, {})).toEqual([]);
  });

  it('joins the move and the losses into one notice, or says everything carried over', () => {
    const move = moveModel('gpt-image-1.5', provider('openai', ON))!;
    expect(moveNotice(move, ['input fidelity high (not taken)'])).toBe('gpt-image-1.5 was shut down on OpenAI on 2026-12-01: switched to gpt-image-2.6-sunburst. Not carried over: input fidelity high (not taken).');
    expect(moveNotice(move, [])).toBe('gpt-image-1.5 was shut down on OpenAI on 2026-12-01: switched to gpt-image-2.6-sunburst. Every other setting carried over.');
  });
});
