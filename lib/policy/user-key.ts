/**
 * A user's own API key (policy allowUserKey): kept only in this browser tab's sessionStorage, sent with each
 * action call, used by the server for that request only. Never in localStorage, history or any log.
 */
export const USER_KEY_STORAGE = 'image-playground.user-key';

/** The key to send with an action, or undefined (also outside a browser). */
export function readUserKey(): string | undefined {
  try {
    return (typeof sessionStorage !== 'undefined' && sessionStorage.getItem(USER_KEY_STORAGE)?.trim()) || undefined;
  } catch {
    return undefined;
  }
}

export function saveUserKey(key: string): void {
  if (key.trim()) sessionStorage.setItem(USER_KEY_STORAGE, key.trim());
  else sessionStorage.removeItem(USER_KEY_STORAGE);
}

/** Masked keys as services print them in errors (`sk-abc****wxyz`, `abc****wxyz`). */
const MASKED_KEY = /[\w-]{0,12}\*{3,}[\w-]{0,8}/g;

/**
 * A message with the key that was used taken out: the user's own, plain or masked, or the server's, which
 * services only ever print masked (even a masked company key is not for every colleague's screen and history).
 */
export function scrubKey(message: string, key: string | undefined): string {
  if (!key) return message.replace(MASKED_KEY, "[the server's key, masked]");
  return message.split(key).join('[your key]').replace(MASKED_KEY, '[your key, masked]');
}
