import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeLocalStorage } from '../../state/safe-storage';

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

/** Whether saved practice state has the shape this version reads; anything else is set aside. */
function isSavedPractice(state: unknown): boolean {
  if (state === null || typeof state !== 'object' || !('session' in state)) return false;
  const { session } = state as { session: unknown };
  if (session === null) return true;
  if (typeof session !== 'object') return false;
  const s = session as Partial<PracticeSession>;
  return (
    typeof s.bankId === 'string' &&
    Array.isArray(s.itemIds) &&
    s.itemIds.every((id) => typeof id === 'string') &&
    typeof s.index === 'number' &&
    typeof s.responses === 'object' &&
    s.responses !== null &&
    typeof s.optionOrders === 'object' &&
    s.optionOrders !== null
  );
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
      storage: safeLocalStorage<Pick<PracticeState, 'session'>>(isSavedPractice),
      partialize: (state) => ({ session: state.session }),
    },
  ),
);
