import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AnswerRecord } from '../engine/answers';
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

export const useHistoryStore = create<HistoryState>()(
  persist(
    (set) => ({
      answers: [],
      recordAnswer: (answer) => set((state) => ({ answers: [...state.answers, answer] })),
    }),
    {
      name: HISTORY_STORAGE_KEY,
      version: 2,
      storage: safeLocalStorage<PackedHistory>(isSavedHistory),
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
