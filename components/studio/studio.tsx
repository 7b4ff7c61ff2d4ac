'use client';
/**
 * The studio: controls on the left, the gallery on the right. Options come from the registry for the chosen
 * provider and model; the parameters live in one persisted store.
 */
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { useStudio } from '@/lib/studio/params-store';
import { sizeValue } from '@/lib/studio/params';
import { runGeneration } from '@/lib/studio/run-generation';
import { useGallery } from '@/lib/studio/gallery-store';
import { controlOptions } from '@/lib/models/options';
import type { ProviderInfo, ProviderKind } from '@/lib/providers/config';
import type { CodeTarget } from '@/lib/code/snippets';
import { Select } from '@/components/ui/field';
import { Controls } from './controls';
import { Gallery } from './gallery';
import { GenerateBar } from './generate-bar';
import { PromptField } from './prompt-field';
import { ThemeToggle } from './theme-toggle';

function codeTarget(provider: ProviderInfo, model: string): CodeTarget {
  if (provider.id === 'offline') return { kind: 'offline', baseURL: `${window.location.origin}/api/offline/v1` };
  if (provider.id === 'azure') {
    return { kind: 'azure', baseURL: provider.baseURL.replace(/\/openai$/, ''), apiVersion: provider.apiVersion, deployment: provider.deployments?.[model as never] };
  }
  return { kind: provider.id, baseURL: provider.baseURL };
}

export function Studio({ providers, initial }: { providers: ProviderInfo[]; initial: ProviderKind }) {
  const [ready, setReady] = useState(false);
  const providerId = useStudio((s) => s.provider);
  const params = useStudio((s) => s.params);
  const setProvider = useStudio((s) => s.setProvider);
  const running = useGallery((s) => Object.values(s.runs).some((r) => r.status === 'starting' || r.status === 'running'));

  useEffect(() => {
    // Persisted settings load after hydration so the server's HTML and the first render agree.
    void Promise.resolve(useStudio.persist.rehydrate()).then(() => {
      const saved = useStudio.getState().provider;
      const p = providers.find((x) => x.id === saved) ?? providers.find((x) => x.id === initial) ?? providers[0];
      setProvider(p.id, p.defaultModel, p.models, p.narrowing);
      setReady(true);
    });
  }, [providers, initial, setProvider]);

  const provider = providers.find((p) => p.id === providerId) ?? providers.find((p) => p.id === initial) ?? providers[0];
  const options = useMemo(() => controlOptions(params.model, 'generate', provider.narrowing), [params.model, provider.narrowing]);
  const target = useMemo(() => (ready ? codeTarget(provider, params.model) : { kind: 'offline' as const, baseURL: '' }), [ready, provider, params.model]);
  if (!options) return null;

  const size = sizeValue(params, options);
  const promptLength = [...params.prompt].length;
  const reason = !params.prompt.trim()
    ? 'Write a prompt first.'
    : promptLength > options.promptMax
      ? `The prompt is ${promptLength.toLocaleString('en-US')} characters; ${params.model} takes ${options.promptMax.toLocaleString('en-US')}.`
      : 'problem' in size
        ? size.problem
        : undefined;
  const generate = () => {
    if (!reason && !running) void runGeneration();
  };

  return (
    <div className="mx-auto grid max-w-[1600px] gap-6 p-4 lg:grid-cols-[340px_1fr]">
      <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pr-2">
        <header className="flex items-center justify-between gap-2">
          <h1 className="text-lg font-bold">Image Playground</h1>
          <span className="flex items-center gap-2">
            <Link href="/settings" className="text-xs underline">Settings</Link>
            <ThemeToggle />
          </span>
        </header>
        <div role="tablist" aria-label="Mode" className="flex gap-1 rounded-md bg-zinc-100 p-1 text-sm dark:bg-zinc-900">
          <button role="tab" type="button" aria-selected className="flex-1 rounded bg-white px-2 py-1 font-medium shadow-sm dark:bg-zinc-800">Generate</button>
        </div>
        {providers.length > 1 && (
          <Select
            label="Provider"
            value={provider.id}
            options={providers.map((p) => p.id)}
            onChange={(id) => {
              const p = providers.find((x) => x.id === id)!;
              setProvider(p.id, p.defaultModel, p.models, p.narrowing);
            }}
            hint={provider.label}
          />
        )}
        {providers.length === 1 && <p className="text-xs text-zinc-500">Provider: {provider.label}</p>}
        {/* Controls appear once persisted settings are loaded, so nothing typed is overwritten by them. */}
        {ready ? (
          <>
            <PromptField max={options.promptMax} onSubmit={generate} />
            <Controls options={options} models={provider.models} offline={provider.id === 'offline'} />
            <GenerateBar disabled={!!reason} reason={reason} onGenerate={generate} />
          </>
        ) : (
          <p className="text-sm text-zinc-500">Loading settings…</p>
        )}
      </aside>
      <main>
        <Gallery target={target} />
      </main>
    </div>
  );
}
