/** A notice the user should not miss (settings moved off a shut-down model): said once, dismissed by hand. */
export function Notice({ text, onDismiss }: { text: string | null; onDismiss(): void }) {
  if (!text) return null;
  return (
    <div role="status" className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
      <p className="flex-1">{text}</p>
      <button type="button" className="text-xs underline" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
