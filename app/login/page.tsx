import { redirect } from 'next/navigation';
import { accessConfig } from '@/lib/access/config';
import { currentUser } from '@/lib/access/user.server';
import { safeNext } from '@/lib/access/next-path';
import { signOut } from './actions';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';

/** The door: a passcode (or a named invite code) for a session cookie. Open playgrounds send visitors on. */
export default async function Login({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const config = accessConfig();
  if (!config.enabled) redirect('/');
  if (config.error) console.error(`access: ${config.error}`);
  const next = safeNext((await searchParams).next);
  const user = await currentUser();
  return (
    <main className="mx-auto max-w-sm space-y-4 p-6">
      <h1 className="text-2xl font-bold">Image Playground</h1>
      {config.error && (
        // The details (which may name invitees) go to the operator's log, not to visitors at the door.
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          Sign-in is closed: this server&apos;s access settings have a mistake. Its operator can see which in the server log.
        </p>
      )}
      {user ? (
        <section className="space-y-3">
          <p>
            Signed in as <strong>{user.name}</strong>. <a href={next} className="underline">Open the playground</a>
          </p>
          <form action={signOut}>
            <button type="submit" className="rounded border px-3 py-1.5">Sign out</button>
          </form>
        </section>
      ) : (
        <SignInForm next={next} />
      )}
    </main>
  );
}
