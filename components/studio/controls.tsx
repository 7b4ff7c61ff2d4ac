'use client';
/** The generation controls, each offered from the registry for the chosen provider and model. */
import { useStudio } from '@/lib/studio/params-store.client';
import { backgroundsFor, compressionApplies, modelHint, modelNotes, previewNotes, type ControlOptions } from '@/lib/models/options';
import { MODE_ENDPOINT } from '@/lib/studio/params-store.client';
import type { ModelId } from '@/lib/models/types';
import { FAULTS } from '@/lib/offline/faults';
import { Field, inputClass, Select } from '@/components/ui/field';
import { SizeField, gifCapText } from './size-field';
import { noStreamReason } from '@/lib/studio/params';
import { AUTHORING_PRICES } from '@/lib/cost/gif-svg';
import { useId } from 'react';
import { ChevronRight } from 'lucide-react';

export function Controls(props: { options: ControlOptions; models: readonly ModelId[]; offline: boolean }) {
  const { options, models } = props;
  const params = useStudio((s) => s.params);
  const set = useStudio((s) => s.set);
  const simulate = useStudio((s) => s.simulate);
  const setSimulate = useStudio((s) => s.setSimulate);
  const lifecycle = useStudio((s) => s.lifecycle);
  const endpoint = MODE_ENDPOINT[useStudio((s) => s.mode)];
  const hint = modelHint(params.model, lifecycle, endpoint);
  const backgrounds = backgroundsFor(options, params.outputFormat);
  const transparentBlocked = options.backgrounds?.includes('transparent') && !backgrounds.includes('transparent');
  const gif = params.outputFormat === 'gif' ? options.gif : undefined;
  const svg = params.outputFormat === 'svg' ? options.svg : undefined;
  const noStream = noStreamReason(options, params.outputFormat);
  const formatHint = gif
    ? `animated GIF: no streaming, partial images${options.mask ? ', mask' : ''} or compression`
    : svg
      ? 'SVG written by a text model from a reference image'
      : undefined;

  return (
    <div className="space-y-4">
      <Group legend="Basics">
        <Select
          label="Model"
          value={params.model}
          options={models}
          onChange={(m) => set('model', m)}
          notes={modelNotes(models, lifecycle, endpoint)}
          hint={
            <>
              {hint.warning && <span className="block font-medium text-amber-700 dark:text-amber-400">{hint.warning}</span>}
              {hint.text}
            </>
          }
        />
        <SizeField options={options} />
        <div className="grid grid-cols-2 gap-2">
          {options.qualities.length > 0 && <Select label="Quality" value={params.quality} options={options.qualities} onChange={(v) => set('quality', v)} />}
          {options.complexities && (
            <Select
              label="Complexity"
              value={params.complexity}
              options={['default', ...options.complexities] as const}
              onChange={(v) => set('complexity', v)}
              hint={params.complexity === 'default' ? 'left out: the service decides' : 'planning depth, separate from quality'}
            />
          )}
          <Field label="Number of images" hint={svg ? 'SVG output makes one image per request' : options.n.max === 1 ? `${params.model} makes one image per request` : `1–${options.n.max}`}>
            <input type="number" className={inputClass} min={options.n.min} max={svg ? 1 : options.n.max} value={params.n} disabled={options.n.max === 1 || !!svg} onChange={(e) => set('n', Number(e.target.value))} />
          </Field>
        </div>
      </Group>
      <Group legend="Output">
        <div className="grid grid-cols-2 gap-2">
          {options.outputFormats && (
            <Select label="Output format" value={params.outputFormat} options={options.outputFormats} onChange={(v) => set('outputFormat', v)} hint={formatHint} />
          )}
          {gif && (
            <Field label="Frames" hint={gifCapText(options, params.frameCount) ?? `${gif.frameCount.min}–${gif.frameCount.max}`}>
              <input
                type="number"
                className={inputClass}
                min={gif.frameCount.min}
                max={gif.frameCount.max}
                value={params.frameCount}
                onChange={(e) => useStudio.setState((s) => ({ params: { ...s.params, frameCount: Number(e.target.value) } }))}
                onBlur={(e) => set('frameCount', Number(e.target.value))}
              />
            </Field>
          )}
          {gif && (
            <Field label="Frame duration (ms)" hint={`≥ ${gif.frameDurationMs.min} ms, rounded to ${gif.frameDurationMs.roundTo} ms · ${(params.frameCount * params.frameDurationMs / 1000).toFixed(2)} s a loop`}>
              <input
                type="number"
                className={inputClass}
                min={gif.frameDurationMs.min}
                max={gif.frameDurationMs.max}
                step={gif.frameDurationMs.roundTo}
                value={params.frameDurationMs}
                onChange={(e) => useStudio.setState((s) => ({ params: { ...s.params, frameDurationMs: Number(e.target.value) } }))}
                onBlur={(e) => set('frameDurationMs', Number(e.target.value))}
              />
            </Field>
          )}
          {svg && (
            <Select
              label="Authoring model"
              value={params.svgModel}
              options={svg.authoringModels}
              onChange={(v) => set('svgModel', v)}
              notes={Object.fromEntries(svg.authoringModels.filter((m) => !AUTHORING_PRICES[m]).map((m) => [m, 'price unknown']))}
              hint={AUTHORING_PRICES[params.svgModel] ? `writes the SVG; billed as svg_usage at $${AUTHORING_PRICES[params.svgModel].input}/$${AUTHORING_PRICES[params.svgModel].output} per 1M text tokens` : 'writes the SVG; its text rates are unknown, so svg_usage is not priced'}
            />
          )}
          {svg && (
            <Select label="Reasoning effort" value={params.svgEffort} options={['default', ...svg.efforts]} onChange={(v) => set('svgEffort', v)} hint={params.svgEffort === 'default' ? "left out: the authoring model's default" : 'the authoring model’s reasoning'} />
          )}
          {options.backgrounds && (
            <Select
              label="Background"
              value={params.background}
              options={options.backgrounds}
              onChange={(v) => set('background', v)}
              disabledOptions={transparentBlocked ? { transparent: `not with ${params.outputFormat}` } : undefined}
              notes={previewNotes(options.preview?.backgrounds)}
            />
          )}
          {options.styles && <Select label="Style" value={params.style} options={options.styles} onChange={(v) => set('style', v)} />}
          {options.responseFormats && (
            <Select label="Response format" value={params.responseFormat} options={options.responseFormats} onChange={(v) => set('responseFormat', v)} />
          )}
        </div>
        {compressionApplies(options, params.outputFormat) && (
          <Field label="Compression" hint={`${params.compression} — ${params.outputFormat} quality, 100 = best`}>
            <input type="range" className="mt-1 w-full" min={0} max={100} value={params.compression} onChange={(e) => set('compression', Number(e.target.value))} />
          </Field>
        )}
      </Group>
      {(options.moderation || options.inputFidelity || options.partialImages) && (
        <Group legend="Advanced">
          <div className="grid grid-cols-2 gap-2">
            {options.moderation && <Select label="Moderation" value={params.moderation} options={options.moderation} onChange={(v) => set('moderation', v)} />}
            {options.inputFidelity && (
              <Select label="Input fidelity" value={params.inputFidelity} options={options.inputFidelity} onChange={(v) => set('inputFidelity', v)} />
            )}
            {options.partialImages && (
              <Field label="Partial images" hint={noStream ? `none with ${params.outputFormat}` : params.stream ? `0–${options.partialImages.max} previews while it renders` : 'needs streaming'}>
                <input type="number" className={inputClass} min={0} max={options.partialImages.max} value={noStream ? 0 : params.partialImages} disabled={!params.stream || !!noStream} onChange={(e) => set('partialImages', Number(e.target.value))} />
              </Field>
            )}
          </div>
          {options.partialImages && <StreamToggle noStream={noStream} />}
        </Group>
      )}
      {props.offline && (
        <details className="group rounded-md border border-dashed border-zinc-300 dark:border-zinc-700">
          <summary className="flex cursor-pointer select-none items-center gap-1.5 rounded-md px-2 py-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
            <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" />
            Developer
            <span className="font-normal normal-case tracking-normal">· offline API simulation</span>
          </summary>
          <div className="px-2 pb-2">
            <div className="grid grid-cols-2 gap-2">
              <Select label="Simulate" value={simulate.fault || 'none'} options={['none', ...FAULTS]} onChange={(v) => setSimulate({ fault: v === 'none' ? '' : v })} />
              <Field label="Latency (ms)" hint="per image">
                <input
                  type="number"
                  className={inputClass}
                  min={0}
                  step={250}
                  placeholder="default"
                  value={simulate.latencyMs ?? ''}
                  onChange={(e) => setSimulate({ latencyMs: e.target.value === '' ? null : Math.max(0, Number(e.target.value)) })}
                />
              </Field>
              <Field label="Billing ×" hint="bill off the published tables">
                <input
                  type="number"
                  className={inputClass}
                  min={0.1}
                  max={10}
                  step={0.1}
                  placeholder="1"
                  value={simulate.billingScale ?? ''}
                  onChange={(e) => setSimulate({ billingScale: e.target.value === '' ? null : Math.min(10, Math.max(0.1, Number(e.target.value))) })}
                />
              </Field>
            </div>
          </div>
        </details>
      )}
    </div>
  );
}

/** A labelled group of controls: its legend names it for screen readers and reads as a section heading. */
function Group({ legend, children }: { legend: string; children: React.ReactNode }) {
  // The divider is on a wrapper: on the fieldset itself the legend would sit in a notch cut into it.
  return (
    <div className="border-t border-zinc-200 pt-3 first:border-t-0 first:pt-0 dark:border-zinc-800">
      <fieldset className="min-w-0 space-y-3">
        <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{legend}</legend>
        {children}
      </fieldset>
    </div>
  );
}

/** Streaming on or off: its name is "Stream", what it does is its description. */
function StreamToggle({ noStream }: { noStream: string | null }) {
  const params = useStudio((s) => s.params);
  const set = useStudio((s) => s.set);
  const id = useId();
  return (
    <div className="flex items-start gap-2 text-sm">
      <input id={`${id}-on`} type="checkbox" className="mt-1 accent-indigo-600" checked={params.stream} disabled={!!noStream} aria-describedby={`${id}-hint`} onChange={(e) => set('stream', e.target.checked)} />
      <div>
        <label htmlFor={`${id}-on`} className="font-medium">Stream</label>
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {noStream ?? (params.stream && params.n > 1 ? `${params.n} parallel streams, one per image, so every tile fills live.` : 'Show partial images as they arrive.')}
        </p>
      </div>
    </div>
  );
}
