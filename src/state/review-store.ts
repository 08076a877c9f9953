import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AnswerRecord } from '../engine/answers';
import { applyAnswers, restoreReviewCard, type ReviewCards } from '../engine/review-schedule';
import { useHistoryStore } from './history-store';
import { safeLocalStorage } from './safe-storage';

/**
 * The review queue: a spaced-repetition card for every question answered wrongly. It is fed by
 * the answer history, not by the pages that ask questions: each new answer (practice, exam or
 * review) is applied once, in order, and `applied` remembers how far it has got, so answers given
 * while this store was not loaded are applied when it next is, with their own times.
 */
interface ReviewState {
  cards: ReviewCards;
  /** How many answers of the history have been applied. */
  applied: number;
  /** Applies the history's answers not applied yet. */
  catchUp: (answers: readonly AnswerRecord[]) => void;
}

type SavedReview = Pick<ReviewState, 'cards' | 'applied'>;

export const REVIEW_STORAGE_KEY = 'itil-practice.review';

/** Saved review state made usable: unreadable cards are dropped, the rest kept. */
export function restoreReview(saved: unknown): SavedReview {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const cards: ReviewCards = {};
  if (typeof s.cards === 'object' && s.cards !== null) {
    for (const [key, raw] of Object.entries(s.cards)) {
      const card = restoreReviewCard(raw);
      if (card !== null) cards[key] = card;
    }
  }
  const applied =
    typeof s.applied === 'number' && Number.isSafeInteger(s.applied) && s.applied >= 0
      ? s.applied
      : 0;
  return { cards, applied };
}

export const useReviewStore = create<ReviewState>()(
  persist(
    (set, get) => ({
      cards: {},
      applied: 0,
      catchUp: (answers) => {
        const { cards, applied } = get();
        // A shorter history was replaced, not appended to: start counting from its end.
        if (answers.length < applied) return set({ applied: answers.length });
        if (answers.length === applied) return;
        set({ cards: applyAnswers(cards, answers.slice(applied)), applied: answers.length });
      },
    }),
    {
      name: REVIEW_STORAGE_KEY,
      version: 1,
      storage: safeLocalStorage<SavedReview>(
        (state) => typeof state === 'object' && state !== null,
      ),
      partialize: (state) => ({ cards: state.cards, applied: state.applied }),
      migrate: (saved) => restoreReview(saved),
      merge: (saved, current) =>
        saved === undefined ? current : { ...current, ...restoreReview(saved) },
    },
  ),
);

// Keep the queue in step with the history from the moment this store is first used.
useReviewStore.getState().catchUp(useHistoryStore.getState().answers);
useHistoryStore.subscribe((state) => useReviewStore.getState().catchUp(state.answers));
