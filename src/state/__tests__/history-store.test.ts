import { beforeEach, describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../../engine/answers';
import { HistoryPacker } from '../../engine/history-codec';
import { HISTORY_STORAGE_KEY, useHistoryStore } from '../history-store';

const at = Date.UTC(2026, 10, 23, 9);
/** Answers as version 1 saved them, including an exam answer and an unanswered question. */
const v1Answers: AnswerRecord[] = [
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
    mode: 'practice',
    at: at + 40_000,
  },
  ...['so-001', 'sd-010', 'ss-002'].map((itemId, n) => ({
    bankId: 'itil-2011-foundation',
    itemId,
    choice: n === 2 ? null : 'a',
    correct: n === 0,
    ms: 61_000 * n,
    mode: 'exam' as const,
    at: at + 3_600_000,
    attemptId: 'attempt-7f3c',
  })),
  {
    bankId: 'other-bank',
    itemId: 'x-1',
    choice: 'd',
    correct: true,
    ms: 4_000,
    mode: 'review',
    at: at + 90_000_000,
  },
];

const [first, second] = v1Answers as [AnswerRecord, AnswerRecord];

const saved = () =>
  JSON.parse(localStorage.getItem(HISTORY_STORAGE_KEY) ?? 'null') as {
    state: { answers: string[] };
    version: number;
  } | null;

/** A reload: memory is wiped and the store comes back from what was saved. */
async function reload() {
  const text = localStorage.getItem(HISTORY_STORAGE_KEY);
  useHistoryStore.setState({ answers: [] });
  if (text === null) localStorage.removeItem(HISTORY_STORAGE_KEY);
  else localStorage.setItem(HISTORY_STORAGE_KEY, text);
  await useHistoryStore.persist.rehydrate();
}

describe('history store', () => {
  beforeEach(() => {
    localStorage.clear();
    useHistoryStore.setState({ answers: [] });
    localStorage.clear();
  });

  it('migrates a saved version 1 history to version 2 without losing an answer', async () => {
    localStorage.setItem(
      HISTORY_STORAGE_KEY,
      JSON.stringify({ state: { answers: v1Answers }, version: 1 }),
    );
    await useHistoryStore.persist.rehydrate();
    expect(useHistoryStore.getState().answers).toEqual(v1Answers);

    // The migrated history is saved at once, compactly, and reads back the same.
    const migrated = saved();
    expect(migrated?.version).toBe(2);
    expect(migrated?.state.answers).toHaveLength(v1Answers.length);
    expect(migrated?.state.answers.every((row) => typeof row === 'string')).toBe(true);
    await reload();
    expect(useHistoryStore.getState().answers).toEqual(v1Answers);
  });

  it('saves each answer the moment it is given, and keeps the API the other features use', async () => {
    const { recordAnswer } = useHistoryStore.getState();
    for (const answer of v1Answers) recordAnswer(answer);
    expect(useHistoryStore.getState().answers).toEqual(v1Answers);
    expect(HistoryPacker.restore(saved()?.state).answers).toEqual(v1Answers);
    await reload();
    recordAnswer({ ...first, at: at + 100_000_000 });
    expect(HistoryPacker.restore(saved()?.state).answers).toHaveLength(v1Answers.length + 1);
  });

  it('follows a history replaced from outside (as tests and resets do)', () => {
    useHistoryStore.getState().recordAnswer(first);
    useHistoryStore.setState({ answers: [second] });
    expect(HistoryPacker.restore(saved()?.state).answers).toEqual([v1Answers[1]]);
  });

  it('stores a typical answer in under 20 bytes', () => {
    const answers = Array.from({ length: 2000 }, (_, n) => ({
      ...first,
      itemId: `item-${n % 650}`,
      correct: n % 3 !== 0,
      ms: 8_000 + ((n * 7919) % 60_000),
      at: at + n * 45_000,
    }));
    useHistoryStore.setState({ answers });
    const bytes = new TextEncoder().encode(localStorage.getItem(HISTORY_STORAGE_KEY) ?? '').length;
    expect(bytes / answers.length).toBeLessThan(20);
  });

  it('keeps every readable answer of a damaged save', async () => {
    for (const answer of v1Answers) useHistoryStore.getState().recordAnswer(answer);
    const damaged = saved();
    if (damaged === null) throw new Error('nothing saved');
    damaged.state.answers[1] = '###';
    localStorage.setItem(HISTORY_STORAGE_KEY, JSON.stringify(damaged));
    await reload();
    const answers = useHistoryStore.getState().answers;
    expect(answers).toHaveLength(v1Answers.length - 1);
    expect(answers[0]).toEqual(v1Answers[0]);
    expect(answers.map((a) => a.itemId)).toEqual(
      v1Answers.filter((_, i) => i !== 1).map((a) => a.itemId),
    );
  });
});
