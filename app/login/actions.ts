'use server';
/**
 * Sign in and sign out. The only actions that do not ask currentUser() first: they are the door itself
 * (e2e/hosting/access-guard.spec.ts lists them as the exceptions).
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { accessConfig } from '@/lib/access/config';
import { clientAddress } from '@/lib/access/lockout';
import { SESSION_COOKIE } from '@/lib/access/session';
import { attemptSignIn } from '@/lib/access/sign-in';
import { safeNext } from '@/lib/access/next-path';

export interface SignInState {
  error?: string;
}

export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const config = accessConfig();
  if (!config.enabled) redirect('/');
  const h = await headers();
  const result = attemptSignIn(config, form.get('passcode'), clientAddress(h, config.trustProxy));
  if (!result.ok) return { error: result.error };
  (await cookies()).set(SESSION_COOKIE, result.cookie, {
    httpOnly: true,
    sameSite: 'lax',
    // Next.js fills x-forwarded-proto from the socket; behind a TLS proxy the proxy sets it.
    secure: h.get('x-forwarded-proto') === 'https',
    path: '/',
    expires: new Date(result.expiresAt),
  });
  redirect(safeNext(form.get('next')));
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/login');
}
