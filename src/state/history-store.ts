import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { AnswerRecord } from '../engine/answers';

/** Every answer the student has given, in the order given. Saved the moment each arrives. */
interface HistoryState {
  answers: AnswerRecord[];
  recordAnswer: (answer: AnswerRecord) => void;
}

export const HISTORY_STORAGE_KEY = 'itil-practice.history';

export const useHistoryStore = create<HistoryState>()(
  persist(
    (set) => ({
      answers: [],
      recordAnswer: (answer) => set((state) => ({ answers: [...state.answers, answer] })),
    }),
    {
      name: HISTORY_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ answers: state.answers }),
      migrate: (persisted) => persisted as HistoryState,
    },
  ),
);
