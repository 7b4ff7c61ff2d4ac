'use client';
/**
 * The lightbox: one image of a list, large, in a modal dialog (Radix: focus kept inside, Esc closes, focus back
 * on the opener). Fit / 100 % / zoom, wheel and pinch zoom about the pointer, drag to pan, previous and next
 * (buttons and the arrow keys), Download (the original bytes), Copy image (as PNG), and a details panel
 * (beside the image on wide screens, folded away under it on phones).
 */
import * as Dialog from '@radix-ui/react-dialog';
import { ChevronLeft, ChevronRight, Copy, Download, PanelRightClose, PanelRightOpen, X, ZoomIn, ZoomOut } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { indexOf, stepId, type LightboxItem } from '@/lib/lightbox/items';
import { DetailsPanel } from './details-panel';
import { copyItem, downloadItem } from './item-actions';
import { ZoomStage, type ZoomStageHandle } from './zoom-stage';

export interface LightboxProps {
  items: readonly LightboxItem[];
  /** The image shown; the lightbox follows it by id as the list changes. */
  currentId: string;
  onNavigate(id: string): void;
  onClose(): void;
  /** Focus goes back here on close (the image or button that opened it). */
  opener?: HTMLElement | null;
}

/** The full image's URL: the owner's, or one made from bytes loaded on demand (history), the thumbnail meanwhile. */
function useShownUrl(item: LightboxItem | undefined): { url?: string; full: boolean } {
  const [loaded, setLoaded] = useState<{ id: string; url: string }>();
  const [thumb, setThumb] = useState<{ id: string; url: string }>();
  const id = item?.id;
  const needsLoad = !!item && !item.src;
  useEffect(() => {
    if (!item || !needsLoad) return;
    let live = true;
    let made: string | undefined;
    const from = item.blob ? Promise.resolve(item.blob) : (item.load?.() ?? Promise.resolve(undefined));
    void from.then(
      (blob) => {
        if (!live || !blob) return;
        made = URL.createObjectURL(blob);
        setLoaded({ id: item.id, url: made });
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
    // The item object is rebuilt on every render of its owner: follow its id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, needsLoad]);
  useEffect(() => {
    if (!item?.thumb || !needsLoad) return;
    const url = URL.createObjectURL(item.thumb);
    setThumb({ id: item.id, url });
    return () => URL.revokeObjectURL(url);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, needsLoad]);
  if (!item) return { full: false };
  if (item.src) return { url: item.src, full: true };
  if (loaded?.id === item.id) return { url: loaded.url, full: true };
  return { url: thumb?.id === item.id ? thumb.url : undefined, full: false };
}

const wide = () => typeof window !== 'undefined' && window.matchMedia('(min-width: 768px)').matches;

export function Lightbox({ items, currentId, onNavigate, onClose, opener }: LightboxProps) {
  const index = indexOf(items, currentId);
  const item = index >= 0 ? items[index] : undefined;
  const stage = useRef<ZoomStageHandle>(null);
  const content = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState(wide);
  const [scale, setScale] = useState<{ value: number; fitted: boolean }>({ value: 1, fitted: true });
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState<'copy' | 'download' | null>(null);
  const panelId = useId();
  const shown = useShownUrl(item);

  // The image went away (deleted, or its list was cleared): nothing left to show.
  useEffect(() => {
    if (!item) onClose();
  }, [item, onClose]);

  const go = useCallback((delta: number) => onNavigate(stepId(items, currentId, delta)), [items, currentId, onNavigate]);
  const onView = useCallback((value: number, fitted: boolean) => setScale({ value, fitted }), []);

  if (!item) return null;
  const first = index === 0;
  const last = index === items.length - 1;

  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [role="menu"]')) return;
    const act: Record<string, () => void> = {
      ArrowLeft: () => go(-1),
      ArrowRight: () => go(1),
      '+': () => stage.current?.zoom(1.25),
      '=': () => stage.current?.zoom(1.25),
      '-': () => stage.current?.zoom(0.8),
      '0': () => stage.current?.fit(),
      '1': () => stage.current?.actualSize(),
    };
    const run = act[e.key];
    if (!run) return;
    // The page's own shortcuts (the mask painter's, the compare slider's) stay out of it.
    e.preventDefault();
    e.stopPropagation();
    run();
  };

  const tell = (text: string) => setSaid(text);
  // A button that reaches the end of the list is disabled, and would drop focus out of the dialog: keep it in.
  const step = (delta: number) => {
    const next = index + delta;
    go(delta);
    if (next <= 0 || next >= items.length - 1) content.current?.focus();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-zinc-950" />
        <Dialog.Content
          ref={content}
          onKeyDown={keys}
          onOpenAutoFocus={(e) => {
            // Focus the dialog itself: the arrow keys work at once, and no button's tooltip pops up.
            e.preventDefault();
            content.current?.focus();
          }}
          onCloseAutoFocus={(e) => {
            if (opener?.isConnected) {
              e.preventDefault();
              opener.focus();
            }
          }}
          tabIndex={-1}
          // Always dark, whatever the page's theme: images read best on a dark surround.
          style={{ colorScheme: 'dark' }}
          className="dark fixed inset-0 z-50 flex flex-col overflow-hidden bg-zinc-950 text-zinc-100 outline-none md:flex-row"
        >
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-white/10 px-2 py-1.5 sm:px-3">
              <Dialog.Title className="min-w-0 flex-1 basis-40 truncate text-sm font-medium" title={item.title}>
                {item.title}
              </Dialog.Title>
              <Dialog.Description className="sr-only">
                Image {index + 1} of {items.length}. Left and right arrow keys: previous and next image; wheel or pinch: zoom; drag: pan; Escape: close.
              </Dialog.Description>
              <span aria-hidden className="text-xs tabular-nums text-zinc-400">
                {index + 1} / {items.length}
              </span>
              <div className="flex flex-wrap items-center gap-0.5">
                <IconButton label="Zoom out" icon={<ZoomOut aria-hidden className="size-4" />} className={DARK} onClick={() => stage.current?.zoom(0.8)} />
                <Button size="sm" variant="ghost" className={DARK} aria-pressed={scale.fitted} onClick={() => stage.current?.fit()}>
                  Fit
                </Button>
                <Button size="sm" variant="ghost" className={DARK} aria-pressed={!scale.fitted && Math.abs(scale.value - 1) < 1e-6} onClick={() => stage.current?.actualSize()}>
                  100 %
                </Button>
                <IconButton label="Zoom in" icon={<ZoomIn aria-hidden className="size-4" />} className={DARK} onClick={() => stage.current?.zoom(1.25)} />
                <span className="w-12 text-center text-xs tabular-nums text-zinc-400">
                  <span className="sr-only">Zoom </span>
                  {Math.round(scale.value * 100)} %
                </span>
                <IconButton
                  label="Download"
                  icon={<Download aria-hidden className="size-4" />}
                  className={DARK}
                  aria-busy={busy === 'download'}
                  onClick={async () => {
                    setBusy('download');
                    const r = await downloadItem(item);
                    setBusy(null);
                    if (!r.ok) tell(r.message);
                  }}
                />
                <IconButton
                  label="Copy image"
                  icon={<Copy aria-hidden className="size-4" />}
                  className={DARK}
                  aria-busy={busy === 'copy'}
                  onClick={async () => {
                    setBusy('copy');
                    tell('');
                    const r = await copyItem(item);
                    setBusy(null);
                    tell(r.message);
                  }}
                />
                <IconButton
                  label={panel ? 'Hide details' : 'Show details'}
                  icon={panel ? <PanelRightClose aria-hidden className="size-4" /> : <PanelRightOpen aria-hidden className="size-4" />}
                  className={DARK}
                  aria-expanded={panel}
                  aria-controls={panelId}
                  onClick={() => setPanel(!panel)}
                />
                <Dialog.Close asChild>
                  <IconButton label="Close" icon={<X aria-hidden className="size-4" />} className={DARK} />
                </Dialog.Close>
              </div>
            </header>
            <div className="relative flex min-h-0 flex-1">
              <ZoomStage ref={stage} key={item.id} src={shown.url} alt={item.alt} width={item.width} height={item.height} onView={onView} />
              {!shown.url && <p className="absolute inset-0 grid place-items-center text-sm text-zinc-400">Loading the image…</p>}
              {items.length > 1 && (
                <>
                  <IconButton
                    label="Previous image"
                    icon={<ChevronLeft aria-hidden className="size-5" />}
                    className={`${DARK} absolute left-2 top-1/2 -translate-y-1/2 bg-black/50`}
                    disabled={first}
                    onClick={() => step(-1)}
                  />
                  <IconButton
                    label="Next image"
                    icon={<ChevronRight aria-hidden className="size-5" />}
                    className={`${DARK} absolute right-2 top-1/2 -translate-y-1/2 bg-black/50`}
                    disabled={last}
                    onClick={() => step(1)}
                  />
                </>
              )}
            </div>
            <p role="status" className="sr-only">
              {said}
            </p>
          </div>
          {panel && (
            <aside
              id={panelId}
              className="max-h-[45%] shrink-0 overflow-y-auto border-t border-white/10 bg-zinc-900 text-zinc-100 md:max-h-none md:w-80 md:border-l md:border-t-0 lg:w-96"
            >
              <DetailsPanel item={item} id={`${panelId}-details`} />
            </aside>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Ghost buttons on the dark stage: light icons, a light hover. */
const DARK = 'text-zinc-200 hover:text-white dark:text-zinc-200 dark:hover:bg-white/10';
