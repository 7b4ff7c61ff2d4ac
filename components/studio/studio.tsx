'use client';
/**
 * The studio: controls on the left, the gallery on the right. Options come from the registry for the chosen
 * provider and model; the parameters live in one persisted store.
 */
import { useEffect, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { currentOptions, modelsForMode, useStudio } from '@/lib/studio/params-store.client';
import { useReferences } from '@/lib/studio/references-store.client';
import { sizeValue } from '@/lib/studio/params';
import { estimateInput, resumePendingRuns, runGeneration } from '@/lib/studio/run-generation.client';
import { useCost } from '@/lib/cost/cost-store.client';
import type { PriceTable } from '@/lib/cost/pricing';
import { EstimateStatus } from '@/components/cost/estimate-status';
import { useGallery } from '@/lib/studio/gallery-store.client';
import type { ProviderInfo, ProviderKind } from '@/lib/providers/config';
import type { CodeTarget } from '@/lib/code/snippets';
import { Select } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { Controls } from './controls';
import { Gallery } from './gallery';
import { Stage } from './stage';
import { GenerateBar } from './generate-bar';
import { PromptField } from './prompt-field';
import { ReferenceImages } from './reference-images';
import { actionOf, MODES, ModeTabs } from './mode-tabs';
import { StudioKeys } from '@/components/shortcuts/studio-keys';

// Konva stays out of the server and the first-load bundle: the painter loads when Edit shows an image.
const MaskPainter = dynamic(() => import('@/components/mask-painter/mask-painter'), {
  ssr: false,
  loading: () => <p className="text-xs text-zinc-500">Loading the mask painter…</p>,
});

import { simulated } from '@/lib/pipeline/simulation';
import { loadPreferences } from '@/lib/settings/preferences-store.client';
import '@/components/server-actions';

function codeTarget(provider: ProviderInfo, model: string): CodeTarget {
  if (provider.id === 'offline') return { kind: 'offline', baseURL: `${window.location.origin}/api/offline/v1` };
  if (provider.id === 'azure') {
    return { kind: 'azure', baseURL: provider.baseURL.replace(/\/openai(\/v1)?$/, ''), apiVersion: provider.apiVersion, deployment: provider.deployments?.[model], azure: provider.azure };
  }
  return { kind: provider.id, baseURL: provider.baseURL };
}

export function Studio({ providers, initial, prices }: { providers: ProviderInfo[]; initial: ProviderKind; prices: PriceTable }) {
  const [ready, setReady] = useState(false);
  const providerId = useStudio((s) => s.provider);
  const params = useStudio((s) => s.params);
  const mode = useStudio((s) => s.mode);
  const setProvider = useStudio((s) => s.setProvider);
  const setMode = useStudio((s) => s.setMode);
  const notice = useStudio((s) => s.notice);
  const dismissNotice = useStudio((s) => s.dismissNotice);
  const references = useReferences((s) => s.items);
  const running = useGallery((s) => Object.values(s.runs).some((r) => r.status === 'starting' || r.status === 'running'));

  useEffect(() => {
    // Rehydrate before any set: a set before it would write the empty initial ledger over the stored one.
    void Promise.resolve(useCost.persist.rehydrate()).then(() => useCost.getState().setPrices(prices));
  }, [prices]);

  useEffect(() => {
    // Persisted settings load after hydration so the server's HTML and the first render agree.
    void Promise.all([useStudio.persist.rehydrate(), loadPreferences()]).then(([, prefs]) => {
      // Defaults saved in Settings since the studio last took them win over the last session's settings, once.
      const fresh = prefs.studio && prefs.studioSavedAt > prefs.studioAppliedAt ? prefs.studio : null;
      const saved = fresh?.provider ?? useStudio.getState().provider;
      const p = providers.find((x) => x.id === saved) ?? providers.find((x) => x.id === initial) ?? providers[0];
      setProvider(p);
      if (fresh && p.id === fresh.provider) {
        useStudio.getState().reuse({ model: fresh.model, size: fresh.size, quality: fresh.quality, output_format: fresh.outputFormat }, 'generate');
        prefs.markApplied();
      }
      setReady(true);
      // Generations a closed or reloaded tab left running on the server come back into the gallery.
      void resumePendingRuns();
    });
  }, [providers, initial, setProvider]);

  const provider = providers.find((p) => p.id === providerId) ?? providers.find((p) => p.id === initial) ?? providers[0];
  const options = useMemo(() => currentOptions({ params, mode, narrowing: provider.narrowing }), [params, mode, provider.narrowing]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- estimateInput reads these stores
  const estimateIn = useMemo(() => (ready ? estimateInput() : null), [ready, params, mode, references, providerId]);
  const target = useMemo(() => (ready ? codeTarget(provider, params.model) : { kind: 'offline' as const, baseURL: '' }), [ready, provider, params.model]);
  if (!options) return null;

  const size = sizeValue(params, options);
  const promptLength = [...params.prompt].length;
  const needsPrompt = options.promptMax > 0;
  const rule = options.images;
  const reason =
    rule && references.length === 0
      ? 'Add a reference image first.'
      : rule && references.length > rule.maxCount
        ? `${params.model} takes at most ${rule.maxCount} reference image${rule.maxCount > 1 ? 's' : ''}.`
        : needsPrompt && !params.prompt.trim()
          ? 'Write a prompt first.'
          : needsPrompt && promptLength > options.promptMax
            ? `The prompt is ${promptLength.toLocaleString('en-US')} characters; ${params.model} takes ${options.promptMax.toLocaleString('en-US')}.`
            : 'problem' in size
              ? size.problem
              : undefined;
  const generate = () => {
    if (!reason && !running) void runGeneration();
  };

  return (
    // One grid, three areas: on a phone the stage comes first (a result is seen without scrolling past the
    // controls), then the controls, then history; on a wide screen the controls are a sticky column beside them.
    // No scroll anchoring in the studio: on a phone the stage above the controls grows as a run starts, and
    // Chromium would scroll down to keep the controls still, away from the run the stage just brought into view.
    <main className="mx-auto grid max-w-[1600px] grid-cols-[minmax(0,1fr)] gap-6 p-4 [overflow-anchor:none] [grid-template-areas:'stage'_'controls'_'history'] lg:grid-cols-[340px_minmax(0,1fr)] lg:grid-rows-[auto_1fr] lg:[grid-template-areas:'controls_stage'_'controls_history']">
      <aside className="min-w-0 space-y-4 [grid-area:controls] lg:sticky lg:top-[4.5rem] lg:max-h-[calc(100dvh-5.5rem)] lg:self-start lg:overflow-y-auto lg:pr-2">
        <h1 className="sr-only">Studio</h1>
        <ModeTabs modes={MODES.map((m) => m.mode).filter((m) => modelsForMode(provider.models, m).length > 0)} value={mode} onChange={setMode} />
        {providers.length > 1 && (
          <Select
            label="Provider"
            value={provider.id}
            options={providers.map((p) => p.id)}
            onChange={(id) => {
              const p = providers.find((x) => x.id === id)!;
              setProvider(p);
            }}
            hint={provider.label}
          />
        )}
        {providers.length === 1 && <p className="text-xs text-zinc-500">Provider: {provider.label}</p>}
        {/* Controls appear once persisted settings are loaded, so nothing typed is overwritten by them. */}
        {ready ? (
          <>
            <Notice text={notice} onDismiss={dismissNotice} />
            {rule && <ReferenceImages rule={rule} model={params.model} masked={!!options.mask} />}
            {needsPrompt && <PromptField max={options.promptMax} />}
            <Controls options={options} models={modelsForMode(provider.models, mode)} offline={simulated(provider)} />
            <GenerateBar label={actionOf(mode)} disabled={!!reason} reason={reason} onGenerate={generate}>
              <EstimateStatus input={estimateIn} />
            </GenerateBar>
            <StudioKeys onRun={generate} />
          </>
        ) : (
          <p className="text-sm text-zinc-500">Loading settings…</p>
        )}
      </aside>
      <Gallery
        target={target}
        stage={
          <>
            {ready && mode === 'edit' && options.mask && references[0] && params.outputFormat === 'gif' && (
              <p className="mb-2 text-xs text-amber-700 dark:text-amber-400" role="note">GIF output takes no mask: the painted mask is kept but not sent. Choose png, jpeg or webp to edit inside a mask.</p>
            )}
            <Stage
              target={target}
              painterKey={references[0]?.url}
              painter={
                ready && mode === 'edit' && options.mask && references[0] ? (
                  <MaskPainter key={references[0].url} imageUrl={references[0].url} width={references[0].info.width} height={references[0].info.height} maxMaskBytes={options.mask.maxBytes} markup={options.markup} />
                ) : undefined
              }
            />
          </>
        }
      />
    </main>
  );
}
