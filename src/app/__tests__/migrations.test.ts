import { beforeEach, describe, expect, it } from 'vitest';
import { answerIdentity, type AnswerRecord } from '../../engine/answers';
import type { ExamAttempt } from '../../engine/exam';
import { HistoryPacker, packHistory } from '../../engine/history-codec';
import { applyAnswers } from '../../engine/review-schedule';
import { EXAM_STORAGE_KEY, useExamStore } from '../../features/exam/exam-store';
import {
  PRACTICE_STORAGE_KEY,
  usePracticeStore,
  type PracticeSession,
} from '../../features/practice/practice-store';
import { HISTORY_STORAGE_KEY, useHistoryStore } from '../../state/history-store';
import { REVIEW_STORAGE_KEY, useReviewStore } from '../../state/review-store';
import { useStorageProblems } from '../../state/safe-storage';
import { SETTINGS_STORAGE_KEY, useSettingsStore } from '../../state/settings-store';

/**
 * Every persisted store loads the saved state of every earlier version without losing anything,
 * and its current version round-trips: saved, reloaded, saved again, unchanged. A reload is
 * simulated by putting the saved text back and rehydrating from it.
 */

const at = Date.UTC(2026, 10, 23, 9);
const answers: AnswerRecord[] = [
  {
    bankId: 'itil-2011-foundation',
    itemId: 'so-014',
    choice: 'b',
    correct: true,
    ms: 18_250,
    mode: 'practice',
    at,
  },
  {
    bankId: 'itil-2011-foundation',
    itemId: 'st-003',
    choice: 'c',
    correct: false,
    ms: 9_020,
    mode: 'review',
    at: at + 40_000,
  },
  {
    bankId: 'itil-2011-foundation',
    itemId: 'sd-010',
    choice: null,
    correct: false,
    ms: 61_000,
    mode: 'exam',
    at: at + 3_600_000,
    attemptId: 'attempt-1',
  },
];

const attempt = (id: string, submitted: boolean): ExamAttempt => ({
  id,
  kind: submitted ? 'mock' : 'retake',
  bankId: 'itil-2011-foundation',
  seed: 4_000_000_000,
  itemIds: ['so-014', 'st-003', 'sd-010'],
  optionOrders: {
    'so-014': ['c', 'a', 'd', 'b'],
    'st-003': ['a', 'b', 'c'],
    'sd-010': ['b', 'a', 'c'],
  },
  timing: submitted ? 'extra-time' : 'untimed',
  startedAt: at,
  deadline: submitted ? at + 75 * 60_000 : null,
  responses: { 'so-014': 'b', 'st-003': 'a' },
  flagged: ['sd-010'],
  current: 2,
  timeOnItem: { 'so-014': 18_250, 'st-003': 9_020, 'sd-010': 61_000 },
  submittedAt: submitted ? at + 3_600_000 : null,
  submittedBy: submitted ? 'timeout' : null,
});

const session: PracticeSession = {
  bankId: 'itil-2011-foundation',
  topicIds: ['so', 'st'],
  itemIds: ['so-014', 'st-003'],
  optionOrders: { 'so-014': ['c', 'a', 'd', 'b'], 'st-003': ['a', 'b', 'c'] },
  index: 1,
  responses: { 'so-014': { choice: 'b', correct: true } },
  startedAt: at,
  finishedAt: null,
};

interface Persisted {
  persist: { rehydrate: () => Promise<void> | void };
}
/** Saves `saved` under the key as an earlier (or this) version did, and loads it. */
async function load(store: Persisted, key: string, saved: unknown) {
  localStorage.setItem(key, JSON.stringify(saved));
  await store.persist.rehydrate();
}
/** Reloads the store from what it saved, after wiping what it holds in memory. */
async function reload(store: Persisted, key: string, wipe: () => void) {
  const text = localStorage.getItem(key);
  wipe();
  if (text !== null) localStorage.setItem(key, text);
  await store.persist.rehydrate();
}
const saved = (key: string) =>
  JSON.parse(localStorage.getItem(key) ?? 'null') as { state: unknown; version: number };

beforeEach(() => {
  localStorage.clear();
  useHistoryStore.setState({ answers: [] });
  useReviewStore.setState({ cards: {}, applied: 0, lastApplied: null });
  useExamStore.setState({ current: null, past: [] });
  usePracticeStore.setState({ session: null });
  useSettingsStore.setState({ examDate: null });
  localStorage.clear();
  useStorageProblems.setState({ problems: [] });
});

describe('history store (version 2)', () => {
  it('loads version 1 (plain answers) and saves it as version 2, every answer kept', async () => {
    await load(useHistoryStore, HISTORY_STORAGE_KEY, { state: { answers }, version: 1 });
    expect(useHistoryStore.getState().answers).toEqual(answers);
    expect(saved(HISTORY_STORAGE_KEY).version).toBe(2);
    await reload(useHistoryStore, HISTORY_STORAGE_KEY, () =>
      useHistoryStore.setState({ answers: [] }),
    );
    expect(useHistoryStore.getState().answers).toEqual(answers);
  });

  it('round-trips version 2', async () => {
    await load(useHistoryStore, HISTORY_STORAGE_KEY, { state: packHistory(answers), version: 2 });
    expect(useHistoryStore.getState().answers).toEqual(answers);
    useHistoryStore.setState({ answers: [...answers] });
    expect(HistoryPacker.restore(saved(HISTORY_STORAGE_KEY).state).answers).toEqual(answers);
  });
});

describe('review store (version 2)', () => {
  const cards = applyAnswers({}, answers);

  it('loads version 1 (no lastApplied) with every card and its count kept', async () => {
    useHistoryStore.setState({ answers });
    await load(useReviewStore, REVIEW_STORAGE_KEY, { state: { cards, applied: 3 }, version: 1 });
    expect(useReviewStore.getState()).toMatchObject({ cards, applied: 3, lastApplied: null });
    expect(saved(REVIEW_STORAGE_KEY)).toEqual({
      state: { cards, applied: 3, lastApplied: null },
      version: 2,
    });
  });

  it('round-trips version 2', async () => {
    const state = { cards, applied: 3, lastApplied: answerIdentity(answers[2] as AnswerRecord) };
    await load(useReviewStore, REVIEW_STORAGE_KEY, { state, version: 2 });
    await reload(useReviewStore, REVIEW_STORAGE_KEY, () =>
      useReviewStore.setState({ cards: {}, applied: 0, lastApplied: null }),
    );
    expect(useReviewStore.getState()).toMatchObject(state);
  });
});

describe('exam store (version 1, the first)', () => {
  it('round-trips an exam in progress and every submitted attempt', async () => {
    const exams = { current: attempt('now', false), past: [attempt('attempt-1', true)] };
    await load(useExamStore, EXAM_STORAGE_KEY, { state: exams, version: 1 });
    expect(useExamStore.getState()).toMatchObject(exams);
    useExamStore.getState().toggleFlag('so-014');
    await reload(useExamStore, EXAM_STORAGE_KEY, () =>
      useExamStore.setState({ current: null, past: [] }),
    );
    expect(useExamStore.getState().current?.flagged).toEqual(['sd-010', 'so-014']);
    expect(useExamStore.getState().past).toEqual(exams.past);
  });

  it('completes attempts saved before kind, timing or time per question were saved', async () => {
    const old = (submitted: boolean) => {
      const {
        kind: _kind,
        timing: _timing,
        timeOnItem: _time,
        seed: _seed,
        ...rest
      } = attempt('old', submitted);
      return rest;
    };
    await load(useExamStore, EXAM_STORAGE_KEY, {
      state: { current: old(false), past: [old(true)] },
      version: 1,
    });
    const { current, past } = useExamStore.getState();
    expect(current).toMatchObject({ ...old(false), kind: 'mock', timing: 'untimed', seed: 0 });
    expect(past[0]).toMatchObject({ ...old(true), kind: 'mock', timing: 'standard' });
    // The attempt in progress can be answered on: time per question starts from nothing.
    useExamStore.getState().addTime('so-014', 1_000);
    expect(useExamStore.getState().current?.timeOnItem).toEqual({ 'so-014': 1_000 });
  });
});

describe('practice store (version 1, the first)', () => {
  it('round-trips a session in progress', async () => {
    await load(usePracticeStore, PRACTICE_STORAGE_KEY, { state: { session }, version: 1 });
    expect(usePracticeStore.getState().session).toEqual(session);
    await reload(usePracticeStore, PRACTICE_STORAGE_KEY, () =>
      usePracticeStore.setState({ session: null }),
    );
    expect(usePracticeStore.getState().session).toEqual(session);
  });
});

describe('settings store (version 1, the first)', () => {
  it('round-trips the exam date', async () => {
    await load(useSettingsStore, SETTINGS_STORAGE_KEY, {
      state: { examDate: '2026-12-14' },
      version: 1,
    });
    expect(useSettingsStore.getState().examDate).toBe('2026-12-14');
    await reload(useSettingsStore, SETTINGS_STORAGE_KEY, () =>
      useSettingsStore.setState({ examDate: null }),
    );
    expect(useSettingsStore.getState().examDate).toBe('2026-12-14');
  });
});

describe('every store', () => {
  it('reports no damaged saved state after loading all of the above', async () => {
    await load(useHistoryStore, HISTORY_STORAGE_KEY, { state: { answers }, version: 1 });
    await load(useExamStore, EXAM_STORAGE_KEY, {
      state: { current: null, past: [attempt('a', true)] },
      version: 1,
    });
    expect(useStorageProblems.getState().problems).toEqual([]);
  });
});
