import { create } from 'zustand';
import { persist, type StorageValue } from 'zustand/middleware';
import {
  attemptAnswers,
  restoreExams,
  settleAttempt,
  submitAttempt,
  syncExams,
  type ExamAttempt,
  type ExamRecords,
} from '../../engine/exam';
import type { LoadedBank } from '../../engine/load-bank';
import { useHistoryStore } from '../../state/history-store';
import { safeLocalStorage } from '../../state/safe-storage';
import { answeringHere } from './exam-lock';

/**
 * The exam in progress and every submitted attempt, saved together under one key so that moving an
 * attempt from "in progress" to "submitted" is a single write that cannot half-happen.
 */
interface ExamState {
  current: ExamAttempt | null;
  past: ExamAttempt[];
  begin: (attempt: ExamAttempt) => void;
  choose: (itemId: string, optionId: string) => void;
  toggleFlag: (itemId: string) => void;
  goTo: (index: number) => void;
  addTime: (itemId: string, ms: number) => void;
  /** Submits the attempt in progress and adds its answers to the history; returns its id. */
  submit: (bank: LoadedBank, now: number, by: 'student' | 'timeout') => string | null;
  /** Submits the attempt in progress if its deadline has passed; returns its id if it did. */
  settle: (bank: LoadedBank, now: number) => string | null;
}

function isAttempt(value: unknown): value is ExamAttempt {
  if (value === null || typeof value !== 'object') return false;
  const a = value as Partial<ExamAttempt>;
  return (
    typeof a.id === 'string' &&
    typeof a.bankId === 'string' &&
    Array.isArray(a.itemIds) &&
    typeof a.startedAt === 'number' &&
    (a.deadline === null || typeof a.deadline === 'number') &&
    typeof a.responses === 'object' &&
    a.responses !== null &&
    Array.isArray(a.flagged) &&
    typeof a.current === 'number'
  );
}

/** Whether saved exams have the shape this version reads; anything else is set aside. */
function isSavedExams(state: unknown): boolean {
  if (state === null || typeof state !== 'object') return false;
  const { current, past } = state as { current?: unknown; past?: unknown };
  return (current === null || isAttempt(current)) && Array.isArray(past) && past.every(isAttempt);
}

export const EXAM_STORAGE_KEY = 'itil-practice.exam';

/**
 * Another tab saved its exams: submitted attempts are the union of both, and the attempt in
 * progress follows the tab answering it (see syncExams). This tab saves when the copy lacks
 * something it has.
 */
function mergeSavedExams({ state }: StorageValue<ExamRecords>): void {
  const ours = useExamStore.getState();
  const { exams, changed, savedLacks } = syncExams(
    ours,
    restoreExams(state),
    ours.current !== null && answeringHere(ours.current.id),
  );
  if (changed) useExamStore.setState(exams);
  else if (savedLacks) useExamStore.setState({});
}

const updateCurrent = (
  state: ExamState,
  change: (attempt: ExamAttempt) => ExamAttempt,
): Partial<ExamState> =>
  state.current === null || state.current.submittedAt !== null
    ? {}
    : { current: change(state.current) };

export const useExamStore = create<ExamState>()(
  persist(
    (set, get) => {
      const finish = (bank: LoadedBank, submitted: ExamAttempt): string => {
        set((state) => ({ current: null, past: [...state.past, submitted] }));
        const { recordAnswer } = useHistoryStore.getState();
        for (const answer of attemptAnswers(submitted, bank)) recordAnswer(answer);
        return submitted.id;
      };
      return {
        current: null,
        past: [],
        begin: (attempt) => set({ current: attempt }),
        choose: (itemId, optionId) =>
          set((state) =>
            updateCurrent(state, (a) => ({
              ...a,
              responses: { ...a.responses, [itemId]: optionId },
            })),
          ),
        toggleFlag: (itemId) =>
          set((state) =>
            updateCurrent(state, (a) => ({
              ...a,
              flagged: a.flagged.includes(itemId)
                ? a.flagged.filter((id) => id !== itemId)
                : [...a.flagged, itemId],
            })),
          ),
        goTo: (index) =>
          set((state) =>
            updateCurrent(state, (a) => ({
              ...a,
              current: Math.max(0, Math.min(index, a.itemIds.length - 1)),
            })),
          ),
        addTime: (itemId, ms) =>
          set((state) =>
            updateCurrent(state, (a) => ({
              ...a,
              timeOnItem: { ...a.timeOnItem, [itemId]: (a.timeOnItem[itemId] ?? 0) + ms },
            })),
          ),
        submit: (bank, now, by) => {
          const { current } = get();
          if (current === null || current.bankId !== bank.manifest.id) return null;
          return finish(bank, submitAttempt(current, now, by));
        },
        settle: (bank, now) => {
          const { current } = get();
          if (current === null || current.bankId !== bank.manifest.id) return null;
          const settled = settleAttempt(current, now);
          return settled === current ? null : finish(bank, settled);
        },
      };
    },
    {
      name: EXAM_STORAGE_KEY,
      version: 1,
      storage: safeLocalStorage<ExamRecords>(isSavedExams, { mergeSaved: mergeSavedExams }),
      partialize: (state) => ({ current: state.current, past: state.past }),
      // Attempts saved before a field was added are completed, not dropped (engine/exam.ts).
      migrate: (saved) => restoreExams(saved),
      merge: (saved, current) =>
        saved === undefined ? current : { ...current, ...restoreExams(saved) },
    },
  ),
);
