'use client';
/** The pages, with the current one marked (aria-current) and highlighted. */
import { Image as ImageIcon, MessagesSquare, Settings } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const PAGES = [
  { href: '/', label: 'Studio', icon: ImageIcon },
  { href: '/chat', label: 'Chat', icon: MessagesSquare },
  { href: '/settings', label: 'Settings', icon: Settings },
] as const;

export function NavLinks() {
  const path = usePathname();
  return (
    <nav aria-label="Pages" className="flex items-center gap-0.5">
      {PAGES.map(({ href, label, icon: Icon }) => {
        const current = href === '/' ? path === '/' : path.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-600 outline-none hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-700 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-300"
          >
            <Icon aria-hidden className="size-4" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
