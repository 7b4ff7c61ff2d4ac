'use client';
/**
 * Prices in force (the server's table with the operator's overrides) and the spend ledger, kept in this
 * browser. The estimator module (with the o200k tokenizer, ~2 MB) loads on demand, outside the first load.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PriceTable } from './pricing';
import type { SpendEntry } from './spend';

type Estimator = typeof import('./estimate');

let loading: Promise<Estimator> | undefined;

const SESSION_KEY = 'image-playground.session-start';

/**
 * When this tab's session began: kept in sessionStorage, so a reload of the same tab goes on counting the same
 * session (as Today goes on from localStorage) and a new tab starts a new one.
 */
function sessionStartOf(now = Date.now()): number {
  if (typeof window === 'undefined') return now;
  try {
    const saved = Number(sessionStorage.getItem(SESSION_KEY));
    if (saved > 0 && saved <= now) return saved;
    sessionStorage.setItem(SESSION_KEY, String(now));
  } catch {
    // Storage refused (privacy mode): the session counts from this page load.
  }
  return now;
}

interface CostState {
  prices: PriceTable | null;
  estimator: Estimator | null;
  entries: SpendEntry[];
  /** When this tab's session began (it survives a reload of the tab): the "session" total counts from here. */
  sessionStart: number;
  setPrices(prices: PriceTable): void;
  /** The estimator, loading it if it has not arrived yet (once: every caller shares the one import). */
  loadEstimator(): Promise<Estimator>;
  record(entry: SpendEntry): void;
}

export const useCost = create<CostState>()(
  persist(
    (set, get) => ({
      prices: null,
      estimator: null,
      entries: [],
      sessionStart: sessionStartOf(),
      setPrices(prices) {
        set({ prices });
        void get().loadEstimator();
      },
      loadEstimator() {
        loading ??= import('./estimate').then(
          (estimator) => {
            set({ estimator });
            return estimator;
          },
          (e) => {
            loading = undefined; // a failed chunk load may be retried by the next caller
            throw e;
          },
        );
        return loading;
      },
      record(entry) {
        // A bounded ledger: a year of heavy use is well under this.
        set({ entries: [...get().entries, entry].slice(-5000) });
      },
    }),
    {
      name: 'image-playground.spend',
      version: 1,
      skipHydration: true,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ entries: s.entries }),
    },
  ),
);
