import { beforeEach, describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../../engine/answers';
import { reviewKey } from '../../engine/review-schedule';
import { useHistoryStore } from '../history-store';
import { REVIEW_STORAGE_KEY, restoreReview, useReviewStore } from '../review-store';
import { restoreSettings, SETTINGS_STORAGE_KEY, useSettingsStore } from '../settings-store';

const at = Date.UTC(2026, 10, 23, 9);
const answer = (itemId: string, correct: boolean, minutes = 0): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 20_000,
  mode: 'practice',
  at: at + minutes * 60_000,
});

describe('review store', () => {
  beforeEach(() => {
    useHistoryStore.setState({ answers: [] });
    useReviewStore.setState({ cards: {}, applied: 0 });
    localStorage.clear();
  });

  it('follows the history: each answer applied once, in order, and saved at once', () => {
    const { recordAnswer } = useHistoryStore.getState();
    recordAnswer(answer('i-1', false));
    recordAnswer(answer('p-1', true));
    expect(Object.keys(useReviewStore.getState().cards)).toEqual([reviewKey('mini', 'i-1')]);
    expect(useReviewStore.getState().applied).toBe(2);
    recordAnswer(answer('i-1', false, 30));
    expect(useReviewStore.getState().cards[reviewKey('mini', 'i-1')]?.reps).toBe(2);
    const saved = JSON.parse(localStorage.getItem(REVIEW_STORAGE_KEY) ?? '{}') as {
      state: { applied: number };
      version: number;
    };
    expect(saved).toMatchObject({ version: 2, state: { applied: 3 } });
  });

  it('catches up with answers given while it was not loaded, and keeps its cards when the history is replaced', () => {
    useReviewStore.getState().catchUp([answer('i-1', false), answer('st-1', false, 1)]);
    expect(Object.keys(useReviewStore.getState().cards)).toHaveLength(2);
    useReviewStore.getState().catchUp([]);
    expect(useReviewStore.getState()).toMatchObject({ applied: 0 });
    expect(Object.keys(useReviewStore.getState().cards)).toHaveLength(2);
  });

  it('restores saved state of another version leniently, keeping every readable card', async () => {
    useHistoryStore.getState().recordAnswer(answer('i-1', false));
    const good = useReviewStore.getState().cards[reviewKey('mini', 'i-1')];
    localStorage.setItem(
      REVIEW_STORAGE_KEY,
      JSON.stringify({
        state: { cards: { a: good, b: { itemId: 'no bank' }, c: 'x' }, applied: -4 },
        version: 0,
      }),
    );
    await useReviewStore.persist.rehydrate();
    expect(Object.keys(useReviewStore.getState().cards)).toEqual(['a']);
    expect(useReviewStore.getState().cards.a).toEqual(good);
    expect(useReviewStore.getState().applied).toBe(0);
    expect(restoreReview(null)).toEqual({ cards: {}, applied: 0, lastApplied: null });
  });
});

describe('settings store', () => {
  it.each([
    [{ examDate: '2026-12-14' }, '2026-12-14'],
    [{ examDate: '2026-02-30' }, null],
    [{ examDate: 20261214 }, null],
    [null, null],
  ])('restores %j as exam date %s', (saved, examDate) => {
    expect(restoreSettings(saved)).toEqual({ examDate });
  });

  it('saves the exam date and ignores one that is not a date', () => {
    useSettingsStore.getState().setExamDate('2026-12-14');
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? '{}')).toMatchObject({
      state: { examDate: '2026-12-14' },
      version: 1,
    });
    useSettingsStore.getState().setExamDate('soon');
    expect(useSettingsStore.getState().examDate).toBeNull();
  });
});
