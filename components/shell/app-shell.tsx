/**
 * The frame of every page but the sign-in: brand, the pages, which provider answers, today's spend, the theme
 * and Sign out. Server component; the parts that read the browser are client islands.
 */
import type { ReactNode } from 'react';
import { LogOut } from 'lucide-react';
import Link from 'next/link';
import { signOut } from '@/app/login/actions';
import type { ProviderInfo } from '@/lib/providers/config';
import { buttonClass } from '@/components/ui/button-class';
import { ThemeControl } from '@/components/ui/theme-control';
import { NavLinks } from './nav-links';
import { TodaySpend } from './today-spend';

export function AppShell({ provider, account, children }: { provider?: Pick<ProviderInfo, 'id' | 'label' | 'defaultModel'>; account?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
        <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-2 px-3 sm:gap-4 sm:px-4">
          <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold" aria-label="Image Playground, Studio">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px static SVG */}
            <img src="/favicon.svg" alt="" width={28} height={28} className="rounded-md" />
            <span className="hidden md:inline">Image Playground</span>
          </Link>
          <NavLinks />
          <div className="ml-auto flex items-center gap-3">
            {provider && (
              <span className="hidden items-center gap-1.5 text-xs text-zinc-500 lg:inline-flex" aria-label={`Provider: ${provider.label}`}>
                <span aria-hidden className={`size-2 rounded-full ${provider.id === 'offline' ? 'bg-amber-500' : 'bg-emerald-500'}`} />
                {provider.label}
              </span>
            )}
            <span className="hidden sm:inline"><TodaySpend /></span>
            <ThemeControl />
            {account && (
              <form action={signOut}>
                <button type="submit" className={buttonClass('ghost', 'sm')} title={`Signed in as ${account}`}>
                  <LogOut aria-hidden className="size-4" />
                  <span className="hidden sm:inline">Sign out</span>
                  <span className="sr-only sm:hidden">Sign out</span>
                </button>
              </form>
            )}
          </div>
        </div>
      </header>
      <div className="flex-1">{children}</div>
    </div>
  );
}
