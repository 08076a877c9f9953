// @vitest-environment node
import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../answers';
import { dayOf, startOfDay } from '../progress-days';
import {
  applyAnswers,
  dailyGoal,
  dueCards,
  effectiveDue,
  gradeFor,
  nextDueAfter,
  restoreReviewCard,
  reviewKey,
  scheduleAnswer,
  type ReviewCard,
} from '../review-schedule';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 10);

const answer = (correct: boolean, at: number, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  bankId: 'mini',
  itemId: 'i-1',
  choice: correct ? 'b' : 'a',
  correct,
  ms: 20_000,
  mode: 'practice',
  at,
  ...extra,
});

/** A card answered wrongly at T0 and then reviewed right (slowly) 10 minutes later. */
const learnt = () => {
  const missed = scheduleAnswer(undefined, answer(false, T0)) as ReviewCard;
  return scheduleAnswer(missed, answer(true, T0 + 10 * MINUTE, { mode: 'review' })) as ReviewCard;
};

describe('gradeFor', () => {
  it.each([
    [false, 2_000, Rating.Again],
    [false, 60_000, Rating.Again],
    [true, 5_000, Rating.Easy],
    [true, 14_999, Rating.Easy],
    [true, 15_000, Rating.Good],
    [true, 40_000, Rating.Good],
  ])('correct %s in %d ms is %s', (correct, ms, grade) => {
    expect(gradeFor({ correct, ms })).toBe(grade);
  });
});

describe('scheduleAnswer', () => {
  it('puts a question answered wrongly into the queue, due again in 10 minutes', () => {
    const card = scheduleAnswer(undefined, answer(false, T0, { mode: 'exam' }));
    expect(card).toMatchObject({
      bankId: 'mini',
      itemId: 'i-1',
      addedAt: T0,
      due: T0 + 10 * MINUTE,
      state: 1,
      reps: 1,
      lapses: 0,
      lastReview: T0,
    });
  });

  it('leaves a question answered right out of the queue', () => {
    expect(scheduleAnswer(undefined, answer(true, T0))).toBeUndefined();
  });

  it('graduates a missed question recalled in review to a schedule in days', () => {
    const card = learnt();
    expect(card).toMatchObject({ state: 2, due: T0 + 10 * MINUTE + DAY, reps: 2 });
    const easy = scheduleAnswer(
      scheduleAnswer(undefined, answer(false, T0)),
      answer(true, T0 + 10 * MINUTE, { mode: 'review', ms: 4_000 }),
    ) as ReviewCard;
    expect(easy.stability).toBeGreaterThan(card.stability);
    const good = scheduleAnswer(card, answer(true, card.due, { mode: 'review' })) as ReviewCard;
    expect(good.due - card.due).toBeGreaterThanOrEqual(2 * DAY);
  });

  it('counts a right answer in practice as a review only once the card is due', () => {
    const card = learnt();
    expect(scheduleAnswer(card, answer(true, card.due - MINUTE))).toBeUndefined();
    expect(scheduleAnswer(card, answer(true, card.due))?.reps).toBe(3);
  });

  it('sends a known question back to relearning when it is missed again anywhere', () => {
    const lapsed = scheduleAnswer(learnt(), answer(false, T0 + 2 * DAY, { mode: 'exam' }));
    expect(lapsed).toMatchObject({ state: 3, lapses: 1, due: T0 + 2 * DAY + 10 * MINUTE });
  });
});

describe('applyAnswers', () => {
  it('takes an answer timed before the last review (a clock put back) as given at that review', () => {
    const card = learnt();
    const early = applyAnswers({ [reviewKey('mini', 'i-1')]: card }, [
      answer(false, T0 - DAY, { itemId: 'i-1' }),
    ]);
    expect(early[reviewKey('mini', 'i-1')]).toMatchObject({
      lastReview: card.lastReview,
      state: 3,
      lapses: 1,
    });
  });

  it('skips a card the scheduler cannot take rather than failing', () => {
    const broken = { ...learnt(), stability: Number.NaN, difficulty: Number.NaN };
    const cards = { [reviewKey('mini', 'i-1')]: broken };
    expect(() => applyAnswers(cards, [answer(true, broken.due, { mode: 'review' })])).not.toThrow();
  });

  it('returns the same queue when no answer changes it, and a new one when one does', () => {
    const cards = {};
    expect(applyAnswers(cards, [answer(true, T0)])).toBe(cards);
    const next = applyAnswers(cards, [answer(false, T0), answer(false, T0, { itemId: 'p-1' })]);
    expect(Object.keys(next)).toEqual([reviewKey('mini', 'i-1'), reviewKey('mini', 'p-1')]);
    expect(cards).toEqual({});
  });
});

describe('effectiveDue: the exam-date cap', () => {
  const reviewedAt = Date.UTC(2026, 10, 2, 12);
  const card = (dueInDays: number): ReviewCard => ({
    ...learnt(),
    lastReview: reviewedAt,
    due: reviewedAt + dueInDays * DAY,
  });
  const today = dayOf(reviewedAt);
  it.each<[string, number, number | null, number]>([
    ['no exam date: FSRS decides', 10, null, reviewedAt + 10 * DAY],
    ['exam well after the due date: unchanged', 10, today + 20, reviewedAt + 10 * DAY],
    ['exam before the due date: the day before the exam', 10, today + 5, startOfDay(today + 4)],
    ['due exactly at the cap: unchanged', 0, today + 5, reviewedAt],
    ['exam tomorrow, no day left before it: unchanged', 10, today + 1, reviewedAt + 10 * DAY],
    ['exam already past: unchanged', 10, today - 3, reviewedAt + 10 * DAY],
  ])('%s', (_case, dueInDays, examDay, expected) => {
    expect(effectiveDue(card(dueInDays), examDay)).toBe(expected);
  });

  it('brings capped cards into the due list before the exam', () => {
    const cards = {
      a: { ...card(10), itemId: 'a' },
      b: { ...card(2), itemId: 'b' },
      c: { ...card(1), itemId: 'c', bankId: 'x' },
    };
    const has = () => true;
    const dayBeforeExam = startOfDay(today + 4) + MINUTE;
    expect(dueCards(cards, 'mini', dayBeforeExam, null, has).map((c) => c.itemId)).toEqual(['b']);
    expect(dueCards(cards, 'mini', dayBeforeExam, today + 5, has).map((c) => c.itemId)).toEqual([
      'b',
      'a',
    ]);
    expect(
      dueCards(cards, 'mini', dayBeforeExam, today + 5, (id) => id !== 'b').map((c) => c.itemId),
    ).toEqual(['a']);
    expect(nextDueAfter(cards, 'mini', reviewedAt, today + 5, has)).toBe(reviewedAt + 2 * DAY);
    expect(nextDueAfter(cards, 'mini', dayBeforeExam, today + 5, has)).toBeNull();
  });
});

describe('dailyGoal', () => {
  it.each<[number, number, number | null, number | null]>([
    [100, 20, 10, 12],
    [7, 0, 2, 4],
    [0, 0, 5, 0],
    [50, 5, 1, 55],
    [50, 5, 0, null],
    [50, 5, -3, null],
    [50, 5, null, null],
  ])(
    '%d unanswered + %d reviews over %s days: %s a day',
    (unanswered, reviewsBeforeExam, daysLeft, goal) => {
      expect(dailyGoal({ unanswered, reviewsBeforeExam, daysLeft })).toBe(goal);
    },
  );
});

describe('restoreReviewCard', () => {
  it.each<[string, unknown, Partial<ReviewCard> | null]>([
    ['not an object', 'card', null],
    ['no item', { bankId: 'b', due: 1 }, null],
    ['no due date', { bankId: 'b', itemId: 'i' }, null],
    [
      'damaged numbers',
      { bankId: 'b', itemId: 'i', due: 5, state: 9, reps: -2, stability: 'x', lastReview: null },
      { due: 5, state: 0, reps: 0, stability: 0, lastReview: null, addedAt: 5 },
    ],
  ])('%s', (_case, raw, expected) => {
    const card = restoreReviewCard(raw);
    if (expected === null) expect(card).toBeNull();
    else expect(card).toMatchObject(expected);
  });

  it('keeps a good card as it was', () => {
    const card = learnt();
    expect(restoreReviewCard(JSON.parse(JSON.stringify(card)))).toEqual(card);
  });
});
