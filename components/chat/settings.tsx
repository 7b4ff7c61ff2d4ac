'use client';
/** The chat's settings: the main model, and the image_generation tool's options from the registry. */
import { useEffect, useState } from 'react';
import { Field, inputClass, Select } from '@/components/ui/field';
import { SizePicker } from '@/components/ui/size-picker';
import { CUSTOM_SIZE, customSizeProblem, formatSize, parseSize, type Dimensions } from '@/lib/models/sizes';
import { normalizeTool, sameTool } from '@/lib/chat/tool-settings';
import { useChat } from '@/lib/chat/thread-store.client';
import { lifecycleOf, lifecycleOwner } from '@/lib/models/lifecycle';
import { findModel } from '@/lib/models/registry';
import { droppedSettings, moveModel, moveNotice } from '@/lib/models/migrate';
import { backgroundsFor, controlOptions, modelHint, modelNotes, previewNotes } from '@/lib/models/options';
import type { ProviderInfo } from '@/lib/providers/config';
import type { OutputFormat } from '@/lib/models/types';
import { FAULTS } from '@/lib/offline/faults';
import { simulated } from '@/lib/pipeline/simulation';

/** Main-model notes: the shutdown date from 90 days out. */
function mainNotes(provider: ProviderInfo): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const id of provider.mainModels) {
    const life = lifecycleOf('main', provider.id, id);
    if (life.state !== 'active') notes[id] = `shuts down ${life.shutdown}`;
  }
  return notes;
}

export function ChatSettings({ provider, toolModels }: { provider: ProviderInfo; toolModels: string[] }) {
  const { mainModel, tool, simulate, setMainModel, setTool, setSimulate } = useChat();
  const narrowing = provider.narrowing;
  const offline = simulated(provider);
  // The first model the tool is confirmed for (2.6 in the tool is third-party evidence only, registry.ts).
  const preferred = toolModels.find((m) => !findModel(m)?.endpoints.responses?.unconfirmed) ?? toolModels[0] ?? '';
  const model = toolModels.includes(tool.model) ? tool.model : preferred;
  const caps = model ? controlOptions(model, 'responses', narrowing) : undefined;
  // A saved thread naming a model this provider no longer offers moves to its replacement, and says so.
  useEffect(() => {
    const { tool: saved, mainModel: savedMain } = useChat.getState();
    const notices: string[] = [];
    const defaultTool = preferred;
    const move = saved.model && defaultTool ? moveModel(saved.model, { ...provider, models: toolModels, defaultModel: defaultTool }) : undefined;
    if (move) {
      const caps = controlOptions(move.to, 'responses', narrowing);
      const next = caps ? normalizeTool({ ...saved, model: move.to }, caps) : { ...saved, model: move.to };
      notices.push(`Image model: ${moveNotice(move, droppedSettings({ ...saved }, { ...next }))}`);
      useChat.setState({ tool: next });
    }
    if (savedMain && !provider.mainModels.includes(savedMain)) {
      const life = lifecycleOf('main', provider.id, savedMain);
      const to = life.replacement && provider.mainModels.includes(life.replacement) ? life.replacement : provider.mainModels[0];
      const why = life.state === 'shut-down' ? `was shut down on ${lifecycleOwner(provider.id)} on ${life.shutdown}` : `is not offered on ${provider.label}`;
      notices.push(`Main model: ${savedMain} ${why}: switched to ${to}.`);
      setMainModel(to);
    }
    if (notices.length) useChat.getState().setNotice(notices.join(' '));
    // Once per provider: later choices are the user's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider.id]);
  // Keep the tool valid for the chosen model: its defaults in, what it does not take out.
  useEffect(() => {
    if (!caps) return;
    const next = normalizeTool({ ...tool, model }, caps);
    if (!sameTool(next, tool)) useChat.setState({ tool: next });
  }, [caps, model, tool]);
  // A custom WxH is typed here and reaches the tool only once the model's size rule accepts it.
  const saved = tool.size && caps && !caps.sizes.includes(tool.size) ? parseSize(tool.size) : null;
  const [custom, setCustom] = useState<{ on: boolean; dims: Dimensions }>({ on: Boolean(saved), dims: saved ?? { width: 1536, height: 864 } });
  const sizeChoice = custom.on && caps?.customSize ? CUSTOM_SIZE : (tool.size ?? '');
  const commit = (dims: Dimensions) => {
    if (caps?.customSize && !customSizeProblem(dims, caps.customSize)) setTool({ size: formatSize(dims) });
  };
  if (!caps) return null;
  const backgrounds = backgroundsFor(caps, tool.output_format as OutputFormat | undefined);
  const blocked = caps.backgrounds?.includes('transparent') && !backgrounds.includes('transparent');

  return (
    <section aria-label="Settings" className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
      <Select label="Main model" value={mainModel} options={provider.mainModels} onChange={setMainModel} notes={mainNotes(provider)} />
      <Select label="Image model" value={model} options={toolModels} onChange={(m) => setTool({ model: m })}
        notes={modelNotes(toolModels, provider.lifecycle, 'responses')} hint={modelHint(model, provider.lifecycle, 'responses').warning} />
      {caps.qualities.length > 0 && <Select label="Quality" value={tool.quality ?? ''} options={caps.qualities} onChange={(quality) => setTool({ quality })} />}
      <SizePicker
        options={caps}
        choice={sizeChoice}
        dims={custom.dims}
        onChoice={(size) => {
          setCustom((c) => ({ ...c, on: size === CUSTOM_SIZE }));
          if (size === CUSTOM_SIZE) commit(custom.dims);
          else setTool({ size });
        }}
        onDim={(key, value, done) => {
          const dims = { ...custom.dims, [key]: value };
          setCustom({ on: true, dims });
          if (done) commit(dims);
        }}
      />
      {caps.outputFormats && <Select label="Output format" value={tool.output_format ?? ''} options={caps.outputFormats} onChange={(output_format) => setTool({ output_format })} />}
      {caps.backgrounds && (
        <Select<string> label="Background" value={tool.background ?? ''} options={caps.backgrounds} onChange={(background) => setTool({ background })}
          disabledOptions={blocked ? { transparent: `not with ${tool.output_format}` } : undefined} notes={previewNotes(caps.preview?.backgrounds)} />
      )}
      {caps.moderation && <Select label="Moderation" value={tool.moderation ?? ''} options={caps.moderation} onChange={(moderation) => setTool({ moderation })} />}
      {caps.inputFidelity && <Select label="Input fidelity" value={tool.input_fidelity ?? ''} options={caps.inputFidelity} onChange={(input_fidelity) => setTool({ input_fidelity })} />}
      {caps.partialImages && (
        <Field label="Partial images" hint={`${caps.partialImages.min}–${caps.partialImages.max} previews while it renders`}>
          <input type="number" className={inputClass} min={caps.partialImages.min} max={caps.partialImages.max} value={tool.partial_images ?? 0}
            onChange={(e) => setTool({ partial_images: Number(e.target.value) })} />
        </Field>
      )}
      {tool.output_compression !== undefined && caps.compression && (
        <Field label="Compression" hint={`${tool.output_compression} — ${tool.output_format} quality, 100 = best`}>
          <input type="range" className="mt-1 w-full" min={caps.compression.min} max={caps.compression.max} value={tool.output_compression}
            onChange={(e) => setTool({ output_compression: Number(e.target.value) })} />
        </Field>
      )}
      {offline && (
        <fieldset className="col-span-2 rounded-md border border-dashed border-zinc-300 p-2 dark:border-zinc-700">
          <legend className="px-1 text-xs text-zinc-500">Offline API simulation</legend>
          <div className="grid grid-cols-2 gap-2">
            <Select label="Simulate" value={simulate.fault || 'none'} options={['none', ...FAULTS]} onChange={(v) => setSimulate({ fault: v === 'none' ? '' : v })} />
            <Field label="Latency (ms)" hint="per image">
              <input type="number" className={inputClass} min={0} step={250} placeholder="default" value={simulate.latencyMs ?? ''}
                onChange={(e) => setSimulate({ latencyMs: e.target.value === '' ? null : Math.max(0, Number(e.target.value)) })} />
            </Field>
          </div>
        </fieldset>
      )}
    </section>
  );
}
