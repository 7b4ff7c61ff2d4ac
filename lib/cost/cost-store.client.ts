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

interface CostState {
  prices: PriceTable | null;
  estimator: Estimator | null;
  entries: SpendEntry[];
  /** When this page session began: the "session" total counts from here. */
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
      sessionStart: Date.now(),
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
