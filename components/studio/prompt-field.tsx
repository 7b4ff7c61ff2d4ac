'use client';
import { useEffect, useId, useState } from 'react';
import { useStudio } from '@/lib/studio/params-store.client';
import { isMac, studioKeys } from '@/lib/shortcuts/studio';
import { inputClass } from '@/components/ui/field';

/**
 * The prompt with a character count against the model's limit. Its name is "Prompt" alone: the shortcut hint and
 * the count are its description. The run shortcut itself is the studio's (components/shortcuts).
 */
export function PromptField(props: { max: number }) {
  const prompt = useStudio((s) => s.params.prompt);
  const set = useStudio((s) => s.set);
  const id = useId();
  const [keys, setKeys] = useState(studioKeys('run', false));
  useEffect(() => setKeys(studioKeys('run', isMac())), []);
  const length = [...prompt].length;
  const over = length > props.max;
  return (
    <div className="text-sm font-medium">
      <label htmlFor={`${id}-prompt`} className="block">Prompt</label>
      <textarea
        id={`${id}-prompt`}
        className={`${inputClass} min-h-28 resize-y`}
        value={prompt}
        placeholder="Describe the image…"
        aria-describedby={`${id}-hint ${id}-count`}
        aria-invalid={over}
        onChange={(e) => set('prompt', e.target.value)}
      />
      <div className={`mt-0.5 flex justify-between gap-2 text-xs font-normal ${over ? 'text-red-600 dark:text-red-400' : 'text-zinc-500'}`}>
        <span id={`${id}-hint`}><kbd className="font-sans">{keys}</kbd> to run</span>
        <span id={`${id}-count`} className="tabular-nums">
          {length.toLocaleString('en-US')} / {props.max.toLocaleString('en-US')}
        </span>
      </div>
    </div>
  );
}
