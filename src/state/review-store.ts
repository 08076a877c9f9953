import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { answerIdentity, type AnswerRecord } from '../engine/answers';
import {
  applyAnswers,
  rescheduleKeys,
  restoreReviewCard,
  reviewKey,
  type ReviewCards,
} from '../engine/review-schedule';
import { useHistoryStore } from './history-store';
import { safeLocalStorage } from './safe-storage';

/**
 * The review queue: a spaced-repetition card for every question answered wrongly. It is fed by
 * the answer history, not by the pages that ask questions: each new answer (practice, exam or
 * review) is applied once, in order, and `applied` remembers how far it has got, so answers given
 * while this store was not loaded are applied when it next is, with their own times. Answers
 * woven into the history rather than appended (from another tab, or a backup) reschedule the
 * items they are about.
 */
interface ReviewState {
  cards: ReviewCards;
  /** How many answers of the history have been applied. */
  applied: number;
  /** The identity (answerIdentity) of the last answer applied, to tell an appended history. */
  lastApplied: string | null;
  /** Applies the history's answers not applied yet. */
  catchUp: (answers: readonly AnswerRecord[]) => void;
  /** Takes cards already worked out for a history (an imported backup's). */
  adopt: (cards: ReviewCards, answers: readonly AnswerRecord[]) => void;
}

type SavedReview = Pick<ReviewState, 'cards' | 'applied' | 'lastApplied'>;

export const REVIEW_STORAGE_KEY = 'itil-practice.review';

/**
 * Saved review state of any version made usable: unreadable cards are dropped, the rest kept.
 * Version 1 had no `lastApplied`: its count is trusted as it was.
 */
export function restoreReview(saved: unknown): SavedReview {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const cards: ReviewCards = {};
  if (typeof s.cards === 'object' && s.cards !== null) {
    for (const [key, raw] of Object.entries(s.cards)) {
      const card = restoreReviewCard(raw);
      if (card !== null && key !== '__proto__') cards[key] = card;
    }
  }
  const applied =
    typeof s.applied === 'number' && Number.isSafeInteger(s.applied) && s.applied >= 0
      ? s.applied
      : 0;
  const lastApplied = typeof s.lastApplied === 'string' ? s.lastApplied : null;
  return { cards, applied, lastApplied };
}

/** The history this store last caught up with, in this tab: null until it first has. */
let source: readonly AnswerRecord[] | null = null;

const lastIdentity = (answers: readonly AnswerRecord[]) => {
  const last = answers.at(-1);
  return last === undefined ? null : answerIdentity(last);
};

export const useReviewStore = create<ReviewState>()(
  persist(
    (set, get) => ({
      cards: {},
      applied: 0,
      lastApplied: null,
      catchUp: (answers) => {
        if (answers === source) return;
        const previous = source;
        source = answers;
        const { cards, applied, lastApplied } = get();
        // A shorter history was replaced, not appended to: start counting from its end.
        if (answers.length < applied && previous === null) {
          return set({ applied: answers.length, lastApplied: lastIdentity(answers) });
        }
        const lastOfApplied = answers[applied - 1];
        const appended =
          answers.length >= applied &&
          (applied === 0 ||
            (previous === null
              ? lastApplied === null ||
                answerIdentity(lastOfApplied as AnswerRecord) === lastApplied
              : lastOfApplied === previous[applied - 1]));
        if (appended) {
          if (answers.length === applied) return;
          return set({
            cards: applyAnswers(cards, answers.slice(applied)),
            applied: answers.length,
            lastApplied: lastIdentity(answers),
          });
        }
        // Answers were woven in: reschedule the items they are about, from all their answers.
        const known = new Set(previous ?? []);
        const keys = new Set<string>();
        for (const answer of answers) {
          if (!known.has(answer)) keys.add(reviewKey(answer.bankId, answer.itemId));
        }
        set({
          cards: rescheduleKeys(cards, answers, keys),
          applied: answers.length,
          lastApplied: lastIdentity(answers),
        });
      },
      adopt: (cards, answers) => {
        source = answers;
        set({ cards, applied: answers.length, lastApplied: lastIdentity(answers) });
      },
    }),
    {
      name: REVIEW_STORAGE_KEY,
      version: 2,
      storage: safeLocalStorage<SavedReview>(
        (state) => typeof state === 'object' && state !== null,
      ),
      partialize: (state) => ({
        cards: state.cards,
        applied: state.applied,
        lastApplied: state.lastApplied,
      }),
      migrate: (saved) => restoreReview(saved),
      merge: (saved, current) =>
        saved === undefined ? current : { ...current, ...restoreReview(saved) },
    },
  ),
);

// Keep the queue in step with the history from the moment this store is first used.
useReviewStore.getState().catchUp(useHistoryStore.getState().answers);
useHistoryStore.subscribe((state) => useReviewStore.getState().catchUp(state.answers));
