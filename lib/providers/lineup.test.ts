import { describe, expect, it } from 'vitest';
import { droppedSettings, moveModel, moveNotice } from '../models/migrate';
import { lineup, shutDownMessage } from './lineup';

const ON = '2026-12-03';

describe('lineup from a provider’s own GET /models', () => {
  it('offers what the list names, in registry order, with unknown gpt-image ids last and non-image ids ignored', () => {
    const live = [
      { id: 'gpt-image-2.7-test', shutdown_date: null },
      { id: 'gpt-image-2', shutdown_date: null },
      { id: 'whisper-1', shutdown_date: null },
      { id: 'gpt-image-2.6-flare', shutdown_date: null },
      { id: 'gpt-image-2.6-sunburst' },
    ];
    const l = lineup({ kind: 'openai', live, on: ON });
    expect(l.models).toEqual(['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2', 'gpt-image-2.7-test']);
    expect(l.source).toBe('provider');
    expect(l.defaultModel).toBe('gpt-image-2.6-sunburst');
  });

  it('takes the list’s shutdown_date over the shipped one, and null as "none announced"', () => {
    const live = [{ id: 'gpt-image-2', shutdown_date: '2027-01-31' }, { id: 'gpt-image-2.5-flare', shutdown_date: null }, { id: 'gpt-image-2.6-sunburst' }];
    const l = lineup({ kind: 'openai', live, on: ON });
    expect(l.lifecycle['gpt-image-2']).toMatchObject({ state: 'shutting-down', shutdown: '2027-01-31', daysLeft: 59, replacement: 'gpt-image-2.6-sunburst' });
    expect(l.lifecycle['gpt-image-2.5-flare']).toEqual({ state: 'active' });
  });

  it('keeps a model past its date that the provider still lists (a gateway that serves it), with its date', () => {
    const l = lineup({ kind: 'gateway', live: [{ id: 'gpt-image-1.5', shutdown_date: '2026-12-01' }, { id: 'gpt-image-2.5-sunburst', shutdown_date: null }], on: ON });
    expect(l.models).toEqual(['gpt-image-2.5-sunburst', 'gpt-image-1.5']);
    expect(l.lifecycle['gpt-image-1.5'].state).toBe('shut-down');
    // A replacement is something this provider offers: not the absent flagship.
    expect(l.lifecycle['gpt-image-1.5'].replacement).toBe('gpt-image-2.5-sunburst');
    expect(shutDownMessage('gpt-image-1.5', { id: 'gateway', ...l })).toBeUndefined();
  });

  it('offers only the operator’s models out of the list', () => {
    const live = [{ id: 'gpt-image-2' }, { id: 'gpt-image-2.6-flare' }, { id: 'gpt-image-2.5-sunburst-2026-09-08' }];
    expect(lineup({ kind: 'gateway', configured: ['gpt-image-2.5-sunburst', 'gpt-image-2'], live, on: ON }).models).toEqual(['gpt-image-2.5-sunburst-2026-09-08', 'gpt-image-2']);
  });

  it('refuses a model past its date that the provider does not list, naming the date and the replacement', () => {
    const l = lineup({ kind: 'offline', on: ON });
    const provider = { id: 'offline', ...l };
    expect(shutDownMessage('gpt-image-1.5', provider)).toBe("The model 'gpt-image-1.5' was shut down on OpenAI on 2026-12-01. Use gpt-image-2.6-sunburst instead; your other settings carry over where it takes them.");
    expect(shutDownMessage('gpt-image-1-mini', provider)).toContain('Use gpt-image-2.6-flare instead');
    expect(shutDownMessage('dall-e-3', provider)).toContain('on 2026-05-12');
    expect(shutDownMessage('gpt-image-2', provider)).toBeUndefined();
    expect(shutDownMessage('gpt-image-9', provider)).toBeUndefined();
  });

  it('drops chat main models past their date: gpt-5 and o3 go on 2026-12-11', () => {
    expect(lineup({ kind: 'openai', on: '2026-12-10' }).mainModels).toContain('gpt-5');
    const after = lineup({ kind: 'openai', on: '2026-12-11' }).mainModels;
    expect(after).not.toContain('gpt-5');
    expect(after).not.toContain('o3');
    expect(after).toEqual(expect.arrayContaining(['gpt-6-astra', 'gpt-6.1-sol', 'gpt-6.1-terra', 'gpt-6-luna', 'gpt-4.1']));
    // Azure's own date for gpt-5 (2027-02-06).
    expect(lineup({ kind: 'azure', configured: ['gpt-image-2'], configuredIsServed: true, on: '2026-12-11' }).mainModels).toContain('gpt-5');
  });
});

describe('moving saved settings off a shut-down model', () => {
  const provider = { id: 'openai', label: 'OpenAI', ...lineup({ kind: 'openai', on: ON }) };

  it('moves to the replacement and says what did not carry over', () => {
    const move = moveModel('gpt-image-1.5', provider)!;
    expect(move).toMatchObject({ from: 'gpt-image-1.5', to: 'gpt-image-2.6-sunburst' });
    const asked = { model: 'gpt-image-1.5', prompt: 'x', quality: 'high', input_fidelity: 'high', output_format: 'webp' };
    const sent = { model: 'gpt-image-2.6-sunburst', prompt: 'x', quality: 'high', output_format: 'webp', stream: true };
    expect(moveNotice(move, droppedSettings(asked, sent))).toBe('gpt-image-1.5 was shut down on OpenAI on 2026-12-01: switched to gpt-image-2.6-sunburst. Not carried over: input fidelity high (not taken).');
    expect(moveNotice(move, [])).toMatch(/Every other setting carried over\.$/);
  });

  it('leaves an offered model, its snapshot, and an empty choice alone', () => {
    expect(moveModel('gpt-image-2.6-flare', provider)).toBeUndefined();
    expect(moveModel('', provider)).toBeUndefined();
  });

  it('says "not offered" for a model that is simply not on this provider', () => {
    const azure = { id: 'azure', label: 'Azure OpenAI', ...lineup({ kind: 'azure', configured: ['gpt-image-2'], configuredIsServed: true, on: ON }) };
    expect(moveModel('gpt-image-2.6-sunburst', azure)).toMatchObject({ to: 'gpt-image-2', notice: 'gpt-image-2.6-sunburst is not offered on Azure OpenAI: switched to gpt-image-2.' });
  });

  it('names a changed value with what it became', () => {
    expect(droppedSettings({ quality: 'hd', size: '1024x1024' }, { quality: 'auto', size: '1024x1024' })).toEqual(['quality hd → auto']);
  });
});
