import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { AnswerRecord } from './answers';
import { startOfDay, type DayNumber } from './progress-days';

/**
 * The review queue: every question answered wrongly, in practice or an exam, comes back on a
 * spaced-repetition schedule (FSRS, through ts-fsrs) until it is known.
 */

/** One question in the review queue: FSRS's memory state, with dates as epoch ms for saving. */
export interface ReviewCard {
  bankId: string;
  itemId: string;
  /** When FSRS next wants it reviewed (before any exam-date cap). */
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview: number | null;
  /** When it first entered the queue. */
  addedAt: number;
}

/** Cards by reviewKey. */
export type ReviewCards = Record<string, ReviewCard>;

/** A right answer in a review session given within this time counts as Easy rather than Good. */
export const QUICK_MS = 15_000;

// No fuzz, so the schedule is reproducible; one 10-minute step, so a missed question comes back
// later the same day (not at once, straight after its explanation) and then graduates to days.
const scheduler = fsrs({
  enable_fuzz: false,
  learning_steps: ['10m'],
  relearning_steps: ['10m'],
});

/** The key of an item's card. */
export function reviewKey(bankId: string, itemId: string): string {
  return `${bankId}/${itemId}`;
}

/** How well an answer shows the item was recalled: wrong Again; right Good, or Easy when quick. */
export function gradeFor(answer: Pick<AnswerRecord, 'correct' | 'ms'>): Grade {
  if (!answer.correct) return Rating.Again;
  return answer.ms < QUICK_MS ? Rating.Easy : Rating.Good;
}

function toFsrs(card: ReviewCard): Card {
  const fsrsCard: Card = {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.lastReview !== null) fsrsCard.last_review = new Date(card.lastReview);
  return fsrsCard;
}

function fromFsrs(card: Card, of: Pick<ReviewCard, 'bankId' | 'itemId' | 'addedAt'>): ReviewCard {
  return {
    ...of,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as ReviewCard['state'],
    lastReview: card.last_review?.getTime() ?? null,
  };
}

/**
 * The card after reviewing it at `at` with a grade. A time before the last review (the device's
 * clock was put back) counts as the moment of the last review: FSRS cannot go back in time.
 */
export function reviewCard(card: ReviewCard, at: number, grade: Grade): ReviewCard {
  const when = Math.max(at, card.lastReview ?? at);
  return fromFsrs(scheduler.next(toFsrs(card), new Date(when), grade).card, card);
}

/**
 * What an answer does to the queue; undefined when nothing changes.
 * - Review session: graded by gradeFor.
 * - Practice or exam, wrong: the item enters the queue, or lapses (Again) if already in it.
 * - Practice or exam, right: counts as a Good review only if the card was due by then, so seeing
 *   a question twice in one sitting does not inflate its interval.
 */
export function scheduleAnswer(
  card: ReviewCard | undefined,
  answer: AnswerRecord,
): ReviewCard | undefined {
  if (card === undefined) {
    if (answer.correct) return undefined;
    const fresh = fromFsrs(createEmptyCard(new Date(answer.at)), {
      bankId: answer.bankId,
      itemId: answer.itemId,
      addedAt: answer.at,
    });
    return reviewCard(fresh, answer.at, Rating.Again);
  }
  if (answer.mode === 'review') return reviewCard(card, answer.at, gradeFor(answer));
  if (!answer.correct) return reviewCard(card, answer.at, Rating.Again);
  return card.due <= answer.at ? reviewCard(card, answer.at, Rating.Good) : undefined;
}

/** The queue after some answers; the same object when none changed it. */
export function applyAnswers(cards: ReviewCards, answers: Iterable<AnswerRecord>): ReviewCards {
  let next = cards;
  for (const answer of answers) {
    const key = reviewKey(answer.bankId, answer.itemId);
    let updated: ReviewCard | undefined;
    try {
      updated = scheduleAnswer(next[key], answer);
    } catch {
      // One answer the scheduler cannot take (a damaged card) must not stop the others, nor the
      // history from being saved: the queue follows the history through a subscription.
      continue;
    }
    if (updated === undefined) continue;
    if (next === cards) next = { ...cards };
    next[key] = updated;
  }
  return next;
}

/**
 * The queue after answers were woven into the history rather than appended (from another tab or
 * a backup): the cards of the given keys are worked out again from every answer to them, in
 * history order; every other card is kept as it is, and so is a card the answers do not make.
 */
export function rescheduleKeys(
  cards: ReviewCards,
  answers: readonly AnswerRecord[],
  keys: ReadonlySet<string>,
): ReviewCards {
  if (keys.size === 0) return cards;
  const rebuilt = applyAnswers(
    {},
    answers.filter((a) => keys.has(reviewKey(a.bankId, a.itemId))),
  );
  const next = { ...cards };
  for (const [key, card] of Object.entries(rebuilt)) next[key] = card;
  return next;
}

/**
 * When a card is really due, given the student's exam date: never later than the start of the
 * day before the exam, so every missed question gets one more look in time. A card last reviewed
 * on or after that day keeps FSRS's date: there is no earlier chance left.
 */
export function effectiveDue(card: ReviewCard, examDay: DayNumber | null): number {
  if (examDay === null) return card.due;
  const cap = startOfDay(examDay - 1);
  return card.due > cap && (card.lastReview ?? card.addedAt) < cap ? cap : card.due;
}

/** One bank's cards due by `until`, most overdue first (items the bank no longer has left out). */
export function dueCards(
  cards: ReviewCards,
  bankId: string,
  until: number,
  examDay: DayNumber | null,
  hasItem: (itemId: string) => boolean,
): ReviewCard[] {
  return Object.values(cards)
    .filter((c) => c.bankId === bankId && hasItem(c.itemId) && effectiveDue(c, examDay) <= until)
    .sort((a, b) => effectiveDue(a, examDay) - effectiveDue(b, examDay));
}

/** The earliest time one of a bank's cards falls due after `after`, or null if none does. */
export function nextDueAfter(
  cards: ReviewCards,
  bankId: string,
  after: number,
  examDay: DayNumber | null,
  hasItem: (itemId: string) => boolean,
): number | null {
  let next: number | null = null;
  for (const card of Object.values(cards)) {
    if (card.bankId !== bankId || !hasItem(card.itemId)) continue;
    const due = effectiveDue(card, examDay);
    if (due > after && (next === null || due < next)) next = due;
  }
  return next;
}

/**
 * Questions a day needed to be ready by the exam: every question not yet answered and every
 * review due before the exam, spread over the days left (today included, exam day not).
 * Null without an exam date still ahead.
 */
export function dailyGoal(options: {
  unanswered: number;
  reviewsBeforeExam: number;
  daysLeft: number | null;
}): number | null {
  const { unanswered, reviewsBeforeExam, daysLeft } = options;
  if (daysLeft === null || daysLeft <= 0) return null;
  return Math.ceil((unanswered + reviewsBeforeExam) / daysLeft);
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A saved card made usable, or null if it names no item or has no schedule. */
export function restoreReviewCard(raw: unknown): ReviewCard | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Record<string, unknown>;
  if (typeof c.bankId !== 'string' || typeof c.itemId !== 'string' || !finite(c.due)) return null;
  const count = (value: unknown) => (finite(value) && value >= 0 ? Math.floor(value) : 0);
  const state = c.state === 0 || c.state === 1 || c.state === 2 || c.state === 3 ? c.state : 0;
  return {
    bankId: c.bankId,
    itemId: c.itemId,
    due: c.due,
    stability: finite(c.stability) ? c.stability : 0,
    difficulty: finite(c.difficulty) ? c.difficulty : 0,
    elapsedDays: count(c.elapsedDays),
    scheduledDays: count(c.scheduledDays),
    learningSteps: count(c.learningSteps),
    reps: count(c.reps),
    lapses: count(c.lapses),
    state,
    lastReview: finite(c.lastReview) ? c.lastReview : null,
    addedAt: finite(c.addedAt) ? c.addedAt : c.due,
  };
}
