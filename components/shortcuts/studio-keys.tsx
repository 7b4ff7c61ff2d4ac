'use client';
/** The studio's keyboard wiring and its shortcut sheet, mounted once by the studio. */
import { useEffect, useState } from 'react';
import { isMac } from '@/lib/shortcuts/studio';
import { cancelRunning } from '@/lib/studio/run-generation.client';
import { ShortcutSheet } from './shortcut-sheet';
import { useStudioShortcuts } from './use-studio-shortcuts';

export function StudioKeys({ onRun }: { onRun(): void }) {
  const [open, setOpen] = useState(false);
  const [mac, setMac] = useState(false);
  useEffect(() => setMac(isMac()), []);
  useStudioShortcuts(mac, { run: onRun, cancel: cancelRunning, help: () => setOpen(true) });
  return <ShortcutSheet open={open} onOpenChange={setOpen} mac={mac} />;
}
