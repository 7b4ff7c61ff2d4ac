'use client';
/**
 * "Your own API key": kept in this tab's sessionStorage only (gone when the tab closes), sent with each
 * generation and chat turn, used by the server for that request only and never stored or logged there.
 */
import { useEffect, useState } from 'react';
import { readUserKey, saveUserKey } from '@/lib/policy/user-key';

export function UserKeyField() {
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setSaved(!!readUserKey());
  }, []);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        saveUserKey(value);
        setSaved(!!value.trim());
        setValue('');
      }}
    >
      <label className="flex flex-col text-sm">
        Your API key
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          className="mt-1 w-80 rounded border border-zinc-300 px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          placeholder={saved ? 'saved for this tab (hidden)' : 'sk-…'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-sm text-white">Use this key</button>
      {saved && (
        <button type="button" className="rounded border px-3 py-1 text-sm" onClick={() => { saveUserKey(''); setSaved(false); }}>
          Forget my key
        </button>
      )}
      <p role="status" className="w-full text-xs text-zinc-500">
        {saved ? "Your key is used for your requests from this tab; they are not charged to the team's spend cap." : "The server's key is used."}
      </p>
    </form>
  );
}
