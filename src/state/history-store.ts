import { create } from 'zustand';
import { persist, type StorageValue } from 'zustand/middleware';
import { mergeAnswers, type AnswerRecord } from '../engine/answers';
import {
  HistoryPacker,
  migrateHistoryV1,
  type HistoryColumns,
  type PackedHistory,
} from '../engine/history-codec';
import { safeLocalStorage } from './safe-storage';

/** Every answer the student has given, in the order given. Saved the moment each arrives. */
interface HistoryState {
  answers: AnswerRecord[];
  recordAnswer: (answer: AnswerRecord) => void;
}

export const HISTORY_STORAGE_KEY = 'itil-practice.history';

/**
 * Saved compactly (engine/history-codec.ts, version 2): about 15 bytes an answer, so 100,000
 * answers stay near 1.5 MB. The packer follows `answers` and packs only what is new, so saving
 * after an answer does not re-encode the whole history.
 */
let packer = new HistoryPacker();

/** Saved history of either version: both keep one entry per answer in `answers`. */
const isSavedHistory = (state: unknown) =>
  typeof state === 'object' && state !== null && Array.isArray((state as PackedHistory).answers);

const HISTORY_VERSION = 2;

/** Saved history of any version this one reads, as answers. */
const savedAnswers = (saved: unknown, version: number): AnswerRecord[] =>
  HistoryPacker.restore(version < 2 ? migrateHistoryV1(saved) : saved).answers;

/**
 * Another tab saved its history: the answers are the union of both (never the last writer's), and
 * if this tab has answers the saved copy lacks, it saves the union.
 */
function mergeSavedHistory({ state, version = 0 }: StorageValue<PackedHistory>): void {
  // A copy from a newer version of the app cannot be read here; that tab will reload this one.
  if (version > HISTORY_VERSION) return;
  const { answers, added, oursHasMore } = mergeAnswers(
    useHistoryStore.getState().answers,
    savedAnswers(state, version),
  );
  if (added.length > 0) useHistoryStore.setState({ answers });
  else if (oursHasMore) useHistoryStore.setState({});
}

export const useHistoryStore = create<HistoryState>()(
  persist(
    (set) => ({
      answers: [],
      recordAnswer: (answer) => set((state) => ({ answers: [...state.answers, answer] })),
    }),
    {
      name: HISTORY_STORAGE_KEY,
      version: HISTORY_VERSION,
      storage: safeLocalStorage<PackedHistory>(isSavedHistory, { mergeSaved: mergeSavedHistory }),
      partialize: (state) => {
        packer.syncTo(state.answers);
        return packer.packed();
      },
      // Version 1 saved `{ answers: AnswerRecord[] }` as plain JSON: pack every answer.
      migrate: (saved, version) =>
        version < 2 ? migrateHistoryV1(saved) : (saved as PackedHistory),
      merge: (saved, current) => {
        if (saved === undefined) return current;
        const restored = HistoryPacker.restore(saved);
        packer = restored.packer;
        return { ...current, answers: restored.answers };
      },
    },
  ),
);

/**
 * The current history as columns (engine/history-codec.ts), for passes over every answer that
 * must be fast: the dashboard's aggregates. Kept in step with `answers` as they are saved.
 */
export function currentHistoryColumns(): HistoryColumns {
  packer.syncTo(useHistoryStore.getState().answers);
  return packer.columns();
}
