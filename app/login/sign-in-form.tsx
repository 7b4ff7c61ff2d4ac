'use client';
import { useActionState } from 'react';
import { signIn, type SignInState } from './actions';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-zinc-600">This playground is shared with a team: enter the passcode or your invite code.</p>
      <input type="hidden" name="next" value={next} />
      <label className="block space-y-1">
        <span className="text-sm font-medium">Passcode</span>
        <input
          type="password"
          name="passcode"
          autoComplete="current-password"
          required
          autoFocus
          className="w-full rounded border px-2 py-1.5"
        />
      </label>
      {state.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{state.error}</p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-black px-3 py-1.5 text-white disabled:opacity-50">
        Sign in
      </button>
    </form>
  );
}
