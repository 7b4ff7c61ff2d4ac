'use client';
import { useStudio } from '@/lib/studio/params-store.client';
import { inputClass } from '@/components/ui/field';

/** The prompt with a character count against the model's limit; Ctrl/Cmd+Enter generates. */
export function PromptField(props: { max: number; onSubmit(): void }) {
  const prompt = useStudio((s) => s.params.prompt);
  const set = useStudio((s) => s.set);
  const length = [...prompt].length;
  const over = length > props.max;
  return (
    <label className="block text-sm font-medium">
      Prompt
      <textarea
        className={`${inputClass} min-h-28 resize-y`}
        value={prompt}
        placeholder="Describe the image…"
        aria-describedby="prompt-count"
        aria-invalid={over}
        onChange={(e) => set('prompt', e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            props.onSubmit();
          }
        }}
      />
      <span id="prompt-count" className={`mt-0.5 flex justify-between text-xs font-normal ${over ? 'text-red-600' : 'text-zinc-500'}`}>
        <span>Ctrl/⌘ + Enter to generate</span>
        <span>
          {length.toLocaleString('en-US')} / {props.max.toLocaleString('en-US')}
        </span>
      </span>
    </label>
  );
}
