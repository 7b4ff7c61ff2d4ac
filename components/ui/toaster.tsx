'use client';
/** Toasts (sonner): errors and undo offers, above everything, in the theme of the page. */
import { Toaster as Sonner } from 'sonner';
import { useEffect, useState } from 'react';

export function Toaster() {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const html = document.documentElement;
    const read = () => setDark(html.classList.contains('dark'));
    read();
    const watch = new MutationObserver(read);
    watch.observe(html, { attributes: true, attributeFilter: ['class'] });
    return () => watch.disconnect();
  }, []);
  return <Sonner theme={dark ? 'dark' : 'light'} position="bottom-right" closeButton richColors />;
}
