'use client';
/**
 * Settings that set: the theme, the studio's defaults (provider, model, size, quality, format; the studio opens
 * with them) and how long history is kept. Saved in this browser (lib/settings).
 */
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, inputClass, Select } from '@/components/ui/field';
import { ThemeSelect } from '@/components/ui/theme-control';
import { modelsForMode } from '@/lib/studio/params-store.client';
import { defaultChoices, RETENTION_COUNTS, RETENTION_DAYS, validDefaults, type StudioDefaults } from '@/lib/settings/preferences';
import { usePreferences } from '@/lib/settings/preferences-store.client';
import type { ProviderInfo } from '@/lib/providers/config';

type ProviderChoice = Pick<ProviderInfo, 'id' | 'label' | 'models' | 'defaultModel' | 'narrowing'>;

const DAYS_LABEL = (d: number | null) => (d === null ? 'Forever' : `${d} days`);
const COUNT_LABEL = (n: number | null) => (n === null ? 'No limit' : `${n.toLocaleString('en-US')} images`);
const numberOrNull = (v: string) => (v === 'null' ? null : Number(v));

function initialDefaults(p: ProviderChoice): StudioDefaults {
  return validDefaults({ provider: p.id, model: p.defaultModel, size: '', quality: '', outputFormat: '' }, p.narrowing);
}

export function Preferences({ providers }: { providers: ProviderChoice[] }) {
  const [ready, setReady] = useState(false);
  const saved = usePreferences((s) => s.studio);
  const retention = usePreferences((s) => s.retention);
  const [draft, setDraft] = useState<StudioDefaults>(() => initialDefaults(providers[0]));
  useEffect(() => {
    void Promise.resolve(usePreferences.persist.rehydrate()).then(() => {
      const s = usePreferences.getState().studio;
      if (s && providers.some((p) => p.id === s.provider)) setDraft(s);
      setReady(true);
    });
  }, [providers]);

  const provider = providers.find((p) => p.id === draft.provider) ?? providers[0];
  const models = modelsForMode(provider.models, 'generate');
  const choices = defaultChoices(draft.model, provider.narrowing);
  const change = (next: Partial<StudioDefaults>) => setDraft((d) => validDefaults({ ...d, ...next }, (providers.find((p) => p.id === (next.provider ?? d.provider)) ?? provider).narrowing));
  const save = () => {
    usePreferences.getState().setStudio(draft);
    toast.success('Saved: the studio opens with these defaults.');
  };
  const reset = () => {
    usePreferences.getState().setStudio(null);
    setDraft(initialDefaults(provider));
    toast('The studio uses each provider’s own defaults again.');
  };

  return (
    <div className="grid gap-4 md:grid-cols-3">
      <section aria-labelledby="appearance-heading" className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="appearance-heading" className="text-base font-semibold">Appearance</h2>
        <Field label="Theme">
          <ThemeSelect />
        </Field>
        <p className="text-xs text-zinc-500">Every page follows it from the first paint.</p>
      </section>

      <section aria-labelledby="defaults-heading" className="space-y-3 rounded-lg border border-zinc-200 p-4 md:col-span-2 dark:border-zinc-800">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="defaults-heading" className="text-base font-semibold">Studio defaults</h2>
          <p className="text-xs text-zinc-500">{saved ? 'The studio opens with these.' : 'Not set: each provider’s own defaults.'}</p>
        </div>
        <form
          aria-labelledby="defaults-heading"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          {providers.length > 1 && (
            <Select label="Default provider" value={provider.id} options={providers.map((p) => p.id)} onChange={(id) => change({ provider: id, model: providers.find((p) => p.id === id)!.defaultModel })} hint={provider.label} />
          )}
          <Select label="Default model" value={draft.model} options={models} onChange={(model) => change({ model })} />
          {choices && <Select label="Default size" value={draft.size} options={choices.sizes} onChange={(size) => change({ size })} />}
          {choices && choices.qualities.length > 0 && <Select label="Default quality" value={draft.quality} options={choices.qualities} onChange={(quality) => change({ quality })} />}
          {choices && choices.formats.length > 0 && <Select label="Default format" value={draft.outputFormat} options={choices.formats} onChange={(outputFormat) => change({ outputFormat })} />}
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
            <Button type="submit" variant="primary" disabled={!ready}>Save defaults</Button>
            {saved && <Button onClick={reset}>Use provider defaults</Button>}
          </div>
        </form>
      </section>

      <section aria-labelledby="history-heading" className="space-y-3 rounded-lg border border-zinc-200 p-4 md:col-span-3 dark:border-zinc-800">
        <h2 id="history-heading" className="text-base font-semibold">History</h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:max-w-xl">
          <Field label="Keep images for">
            <select className={inputClass} value={String(retention.maxAgeDays)} onChange={(e) => usePreferences.getState().setRetention({ maxAgeDays: numberOrNull(e.target.value) })}>
              {RETENTION_DAYS.map((d) => <option key={String(d)} value={String(d)}>{DAYS_LABEL(d)}</option>)}
            </select>
          </Field>
          <Field label="Keep at most">
            <select className={inputClass} value={String(retention.maxEntries)} onChange={(e) => usePreferences.getState().setRetention({ maxEntries: numberOrNull(e.target.value) })}>
              {RETENTION_COUNTS.map((n) => <option key={String(n)} value={String(n)}>{COUNT_LABEL(n)}</option>)}
            </select>
          </Field>
        </div>
        <p className="text-xs text-zinc-500">History lives in this browser. Older images are removed when the studio next opens and after each new one.</p>
      </section>
    </div>
  );
}
