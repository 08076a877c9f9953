import { useDeferredValue } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BankLoad, BankSource, CheckBank } from '../engine/load-bank';

/** Loaded banks are not persisted: they come from the (precached) bank files on every start. */
interface BanksState {
  sources: readonly BankSource[];
  loads: Record<string, BankLoad | undefined>;
  /**
   * Starts loading every source not loaded yet; each bank succeeds or fails on its own. `check`
   * is where the files are read and validated (the app passes a worker); by default, in this thread.
   */
  loadAll: (sources: readonly BankSource[], check?: CheckBank) => void;
}

export const useBanksStore = create<BanksState>()((set, get) => ({
  sources: [],
  loads: {},
  loadAll: (sources, check) => {
    set({ sources });
    for (const source of sources) {
      if (get().loads[source.id] !== undefined) continue;
      // Validation (and the schema library) loads with the first bank, not with the first page.
      void import('../engine/load-bank')
        .then(({ loadBank }) => loadBank(source, check))
        .then((load) => set((state) => ({ loads: { ...state.loads, [source.id]: load } })));
    }
  },
}));

/**
 * One bank's load state: undefined while it loads. Deferred, so that React renders the page the
 * bank fills (a question and its navigator, a topic list) in slices a few milliseconds long: a
 * store's update is otherwise rendered in one piece, a long task on a phone.
 */
export const useBankLoad = (bankId: string | undefined) =>
  useDeferredValue(
    useBanksStore((state) => (bankId === undefined ? undefined : state.loads[bankId])),
  );

/** The ids of every known bank, in source order. */
export const useBankIds = () =>
  useBanksStore(useShallow((state) => state.sources.map((s) => s.id)));
