import 'server-only';
/**
 * Pages ask too (defence in depth behind proxy.ts): a visitor without a session is sent to the sign-in form,
 * which brings them back to `path` afterwards.
 */
import { redirect } from 'next/navigation';
import { currentUser, type User } from './user.server';

export async function signedInOrRedirect(path: string): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return user;
}
