import { notFound } from 'next/navigation';
import { signedInOrRedirect } from '@/lib/access/page-guard.server';
import type { ReactNode } from 'react';

export const dynamic = 'force-dynamic';

/**
 * Test pages for components on generated images. Served only when ENABLE_DEV_PAGES=1 (the end-to-end tests and
 * the bench set it); a hosted playground answers 404 here.
 */
export default async function DevLayout({ children }: { children: ReactNode }) {
  if (process.env.ENABLE_DEV_PAGES !== '1') notFound();
  await signedInOrRedirect('/dev');
  return children;
}
