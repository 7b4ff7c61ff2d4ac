import { cloneElement, Fragment, isValidElement, useId, type ReactNode } from 'react';

export const inputClass =
  'mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:outline-2 focus:outline-indigo-500 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900';

/**
 * A labelled control: the label text alone is the control's accessible name (the label points at the control
 * rather than wrapping it, so a select's chosen option never joins the name), and the hint is its description.
 */
export function Field(props: { label: string; hint?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const child = isValidElement<{ id?: string; 'aria-describedby'?: string }>(props.children) && props.children.type !== Fragment ? props.children : null;
  const controlId = child?.props.id ?? `${id}-control`;
  const described = [child?.props['aria-describedby'], props.hint ? hintId : undefined].filter(Boolean).join(' ') || undefined;
  const control = child ? cloneElement(child, { id: controlId, 'aria-describedby': described }) : props.children;
  return (
    <div className={`text-sm font-medium ${props.className ?? ''}`}>
      {child ? (
        <>
          <label className="block" htmlFor={controlId}>{props.label}</label>
          {control}
        </>
      ) : (
        <label className="block">
          {props.label}
          {control}
        </label>
      )}
      {props.hint && <span id={hintId} className="mt-0.5 block text-xs font-normal text-zinc-500">{props.hint}</span>}
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(value: T): void;
  hint?: ReactNode;
  disabled?: boolean;
  /** Options shown but not choosable, with the reason in their text. */
  disabledOptions?: Partial<Record<T, string>>;
  /** Choosable options with a word of warning in their text ("preview"). */
  notes?: Partial<Record<T, string>>;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      <select className={inputClass} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o} disabled={!!props.disabledOptions?.[o]}>
            {o}
            {props.disabledOptions?.[o] ? ` (${props.disabledOptions[o]})` : props.notes?.[o] ? ` (${props.notes[o]})` : ''}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
