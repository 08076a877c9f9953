import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** A student's response to one practice item. */
export interface PracticeResponse {
  choice: string;
  correct: boolean;
}

/** A practice session in progress or just finished; saved so a reload resumes it. */
export interface PracticeSession {
  bankId: string;
  topicIds: string[];
  itemIds: string[];
  /** The order each item's options are shown in, fixed for the session. */
  optionOrders: Record<string, string[]>;
  index: number;
  responses: Record<string, PracticeResponse>;
  startedAt: number;
  finishedAt: number | null;
}

interface PracticeState {
  session: PracticeSession | null;
  start: (session: Omit<PracticeSession, 'index' | 'responses' | 'finishedAt'>) => void;
  respond: (itemId: string, response: PracticeResponse) => void;
  next: () => void;
  finish: (at: number) => void;
  discard: () => void;
}

export const PRACTICE_STORAGE_KEY = 'itil-practice.practice-session';

export const usePracticeStore = create<PracticeState>()(
  persist(
    (set) => ({
      session: null,
      start: (session) =>
        set({ session: { ...session, index: 0, responses: {}, finishedAt: null } }),
      respond: (itemId, response) =>
        set(({ session }) =>
          session === null || session.responses[itemId] !== undefined
            ? {}
            : { session: { ...session, responses: { ...session.responses, [itemId]: response } } },
        ),
      next: () =>
        set(({ session }) =>
          session === null
            ? {}
            : {
                session: {
                  ...session,
                  index: Math.min(session.index + 1, session.itemIds.length - 1),
                },
              },
        ),
      finish: (at) =>
        set(({ session }) => (session === null ? {} : { session: { ...session, finishedAt: at } })),
      discard: () => set({ session: null }),
    }),
    {
      name: PRACTICE_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ session: state.session }),
    },
  ),
);
