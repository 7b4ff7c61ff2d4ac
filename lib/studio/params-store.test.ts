import { describe, expect, it } from 'vitest';
import { useStudio, type ProviderView } from './params-store.client';

const PROVIDER: ProviderView = { id: 'offline', label: 'Offline', defaultModel: 'gpt-image-2', models: ['gpt-image-2', 'gpt-image-1.5', 'dall-e-2'], lifecycle: {} };

describe('each mode keeps its own model and quality', () => {
  it('opening Variations and coming back restores Generate’s and Edit’s choices', () => {
    const s = useStudio.getState();
    s.setProvider(PROVIDER);
    s.set('model', 'gpt-image-1.5');
    s.set('quality', 'high');
    s.setMode('edit');
    useStudio.getState().set('model', 'gpt-image-2');
    useStudio.getState().set('quality', 'low');
    useStudio.getState().setMode('variation');
    expect(useStudio.getState().params.model).toBe('dall-e-2');
    useStudio.getState().setMode('generate');
    expect(useStudio.getState().params).toMatchObject({ model: 'gpt-image-1.5', quality: 'high' });
    useStudio.getState().setMode('edit');
    expect(useStudio.getState().params).toMatchObject({ model: 'gpt-image-2', quality: 'low' });
  });
});
