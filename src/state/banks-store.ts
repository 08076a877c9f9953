import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BankLoad, BankSource, ValidateFiles } from '../engine/load-bank';

/** Loaded banks are not persisted: they come from the (precached) bank files on every start. */
interface BanksState {
  sources: readonly BankSource[];
  loads: Record<string, BankLoad | undefined>;
  /**
   * Starts loading every source not loaded yet; each bank succeeds or fails on its own. `validate`
   * is where the files are validated (the app passes a worker); by default, in this thread.
   */
  loadAll: (sources: readonly BankSource[], validate?: ValidateFiles) => void;
}

export const useBanksStore = create<BanksState>()((set, get) => ({
  sources: [],
  loads: {},
  loadAll: (sources, validate) => {
    set({ sources });
    for (const source of sources) {
      if (get().loads[source.id] !== undefined) continue;
      // Validation (and the schema library) loads with the first bank, not with the first page.
      void import('../engine/load-bank')
        .then(({ loadBank }) => loadBank(source, validate))
        .then((load) => set((state) => ({ loads: { ...state.loads, [source.id]: load } })));
    }
  },
}));

/** One bank's load state: undefined while it loads. */
export const useBankLoad = (bankId: string | undefined) =>
  useBanksStore((state) => (bankId === undefined ? undefined : state.loads[bankId]));

/** The ids of every known bank, in source order. */
export const useBankIds = () =>
  useBanksStore(useShallow((state) => state.sources.map((s) => s.id)));
