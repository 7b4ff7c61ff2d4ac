/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The socket's address for the sign-in lockout, which Next.js does not hand to actions (lib/access/peer.server.ts).
  const { stampPeerAddress } = await import('./lib/access/peer.server');
  stampPeerAddress();
}
