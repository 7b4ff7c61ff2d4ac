'use client';
/**
 * Delete with Undo: the image leaves the gallery at once and a toast offers Undo; it is deleted from IndexedDB
 * only when the toast closes (timed out or dismissed), or when the page is left with the toast still up.
 * Undo before then puts it back where it was, untouched.
 */
import { create } from 'zustand';
import { toast } from 'sonner';
import { useHistory } from './history-store.client';

interface HiddenState {
  /** Ids taken off the screen: waiting for their toast to close, or deleted (a result tile stays hidden). */
  hidden: Record<string, true>;
}

export const useHidden = create<HiddenState>()(() => ({ hidden: {} }));

const pending = new Map<string, () => void>();

function setHidden(id: string, on: boolean) {
  const hidden = { ...useHidden.getState().hidden };
  if (on) hidden[id] = true;
  else delete hidden[id];
  useHidden.setState({ hidden });
}

let listening = false;
function commitOnLeave() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  // Leaving the page is the toast closing too: what the user deleted and did not undo is deleted.
  window.addEventListener('pagehide', () => [...pending.values()].forEach((commit) => commit()));
}

/** How long Undo is offered. */
export const UNDO_MS = 8000;

/** Delete the history entry `id` (and hide its result tile), with Undo in a toast. */
export function deleteWithUndo(id: string, what: string): void {
  if (pending.has(id)) return;
  commitOnLeave();
  setHidden(id, true);
  let settled = false;
  const commit = () => {
    if (settled) return;
    settled = true;
    pending.delete(id);
    void useHistory
      .getState()
      .remove(id)
      .catch((e: unknown) => {
        setHidden(id, false);
        toast.error(`Could not delete the image: ${e instanceof Error ? e.message : String(e)}`);
      });
  };
  const undo = () => {
    if (settled) return;
    settled = true;
    pending.delete(id);
    setHidden(id, false);
  };
  pending.set(id, commit);
  toast('Deleted', {
    description: what,
    duration: UNDO_MS,
    action: { label: 'Undo', onClick: undo },
    onDismiss: commit,
    onAutoClose: commit,
  });
}
