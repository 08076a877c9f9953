// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item } from '../bank-schema';
import {
  assembleExam,
  attemptAnswers,
  blueprintQuotas,
  examMinutes,
  remainingMs,
  scoreAttempt,
  settleAttempt,
  startAttempt,
  submitAttempt,
  weakestTopics,
} from '../exam';
import { indexBank } from '../load-bank';
import { blueprintAreaOf } from '../topic-tree';
import { makeItem, manifest } from './fixtures';

/** A bank big enough for a real 40-question blueprint: 20 items per topic. */
const fullManifest = {
  ...manifest,
  exam: { questionCount: 40, minutes: 60, passMark: 26, extraTimeFactor: 1.25 },
};
const topics = ['so', 'incident', 'problem', 'st', 'roles'];
const manyItems: Item[] = topics.flatMap((topic) =>
  Array.from({ length: 20 }, (_, n) =>
    makeItem(`${topic}-${n}`, topic, { stem: `Question ${n} on ${topic}?` }),
  ),
);
const bank = indexBank({ manifest: fullManifest, items: manyItems });
const MINUTE = 60_000;

describe('blueprintQuotas', () => {
  it('gives each area its weight’s share of the questions, adding up to the total', () => {
    expect(Object.fromEntries(blueprintQuotas(bank.tree, 40))).toEqual({
      so: 20,
      st: 10,
      roles: 10,
    });
    const odd = blueprintQuotas(bank.tree, 7);
    expect([...odd.values()].reduce((a, b) => a + b, 0)).toBe(7);
    expect(Object.fromEntries(odd)).toEqual({ so: 3, st: 2, roles: 2 });
  });
});

describe('assembleExam', () => {
  it('follows the blueprint for every seed, without duplicates', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { itemIds } = assembleExam(bank, seed, new Map());
        expect(itemIds).toHaveLength(40);
        expect(new Set(itemIds).size).toBe(40);
        const perArea = new Map<string, number>();
        for (const id of itemIds) {
          const area = blueprintAreaOf(bank.tree, bank.itemsById.get(id)?.topics[0] ?? '') ?? '';
          perArea.set(area, (perArea.get(area) ?? 0) + 1);
        }
        expect(Object.fromEntries(perArea)).toEqual({ so: 20, st: 10, roles: 10 });
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(assembleExam(bank, 7, new Map())).toEqual(assembleExam(bank, 7, new Map()));
    expect(assembleExam(bank, 7, new Map()).itemIds).not.toEqual(
      assembleExam(bank, 8, new Map()).itemIds,
    );
  });

  it('prefers the items seen least recently', () => {
    // Every "st" item seen, the first ten long ago: those ten come back first.
    const lastSeen = new Map(
      Array.from({ length: 20 }, (_, n) => [`st-${n}`, n < 10 ? 1 : 1000 + n]),
    );
    const { itemIds } = assembleExam(bank, 3, lastSeen);
    const st = itemIds.filter((id) => id.startsWith('st-')).sort();
    expect(st).toEqual(Array.from({ length: 10 }, (_, n) => `st-${n}`).sort());
  });

  it('makes up an area short of items from the other areas', () => {
    const small = indexBank({
      manifest: fullManifest,
      items: manyItems.filter((i) => !i.id.startsWith('roles-')),
    });
    const { itemIds } = assembleExam(small, 1, new Map());
    expect(itemIds).toHaveLength(40);
    expect(new Set(itemIds).size).toBe(40);
  });

  it('keeps fixed-order items in their written order', () => {
    const listBank = indexBank({
      manifest: fullManifest,
      items: manyItems.map((i) => ({ ...i, fixedOrder: true as const })),
    });
    const { optionOrders } = assembleExam(listBank, 5, new Map());
    expect(Object.values(optionOrders).every((order) => order.join('') === 'abcd')).toBe(true);
  });
});

describe('timing', () => {
  const attempt = (timing: 'standard' | 'extra-time' | 'untimed') =>
    startAttempt({ bank, id: 'a1', seed: 1, timing, now: 1_000_000, lastSeen: new Map() });

  it('sets the deadline from the wall clock: 60 minutes, 75 with extra time, none untimed', () => {
    expect(examMinutes(fullManifest.exam, 'standard')).toBe(60);
    expect(examMinutes(fullManifest.exam, 'extra-time')).toBe(75);
    expect(attempt('standard').deadline).toBe(1_000_000 + 60 * MINUTE);
    expect(attempt('extra-time').deadline).toBe(1_000_000 + 75 * MINUTE);
    expect(attempt('untimed').deadline).toBeNull();
  });

  it('counts the time left from the deadline, so a sleeping laptop gains nothing', () => {
    const a = attempt('standard');
    expect(remainingMs(a, 1_000_000 + 15 * MINUTE)).toBe(45 * MINUTE);
    expect(remainingMs(a, 1_000_000 + 90 * MINUTE)).toBe(0);
    expect(remainingMs(attempt('untimed'), 5e12)).toBeNull();
  });

  it('submits by timeout once the deadline has passed, with time used capped at the limit', () => {
    const a = attempt('standard');
    expect(settleAttempt(a, 1_000_000 + 59 * MINUTE).submittedAt).toBeNull();
    const late = settleAttempt(a, 1_000_000 + 3 * 60 * MINUTE);
    expect(late.submittedBy).toBe('timeout');
    expect(late.submittedAt).toBe(a.deadline);
    expect(settleAttempt(attempt('untimed'), 5e12).submittedAt).toBeNull();
  });

  it('does not submit twice', () => {
    const a = submitAttempt(attempt('standard'), 1_000_000 + MINUTE, 'student');
    expect(submitAttempt(a, 1_000_000 + 2 * MINUTE, 'timeout')).toBe(a);
  });
});

describe('scoring an attempt', () => {
  const a = startAttempt({
    bank,
    id: 'a1',
    seed: 9,
    timing: 'standard',
    now: 0,
    lastSeen: new Map(),
  });
  // Answer 26 right (every item's key is b), 4 wrong and leave 10 unanswered.
  const responses = Object.fromEntries(
    a.itemIds.slice(0, 30).map((id, n) => [id, n < 26 ? 'b' : 'a']),
  );
  const submitted = submitAttempt({ ...a, responses }, 50 * MINUTE, 'student');

  it('scores against the pass mark of 26 out of 40', () => {
    const result = scoreAttempt(submitted, bank);
    expect(result).toMatchObject({
      correct: 26,
      total: 40,
      answered: 30,
      passMark: 26,
      passed: true,
      ratio: 0.65,
    });
    expect(result.timeUsedMs).toBe(50 * MINUTE);
    const failed = scoreAttempt(
      { ...submitted, responses: { ...responses, [a.itemIds[0] ?? '']: 'a' } },
      bank,
    );
    expect(failed.passed).toBe(false);
  });

  it('records one answer per question, unanswered counted wrong', () => {
    const answers = attemptAnswers(submitted, bank);
    expect(answers).toHaveLength(40);
    expect(answers.filter((x) => x.choice === null)).toHaveLength(10);
    expect(answers.every((x) => x.mode === 'exam' && x.attemptId === 'a1')).toBe(true);
  });

  it('lists the weakest topics first', () => {
    const result = scoreAttempt(submitted, bank);
    const order = weakestTopics(result.byTopic);
    const accuracy = order.map((id) => result.byTopic.get(id)?.accuracy ?? 0);
    expect(accuracy).toEqual([...accuracy].sort((x, y) => x - y));
  });

  it('scales the pass mark for a shorter retake', () => {
    const retake = startAttempt({
      bank,
      id: 'r1',
      seed: 2,
      timing: 'untimed',
      now: 0,
      lastSeen: new Map(),
      itemIds: a.itemIds.slice(0, 10),
    });
    expect(retake.kind).toBe('retake');
    expect(retake.itemIds).toEqual(a.itemIds.slice(0, 10));
    expect(scoreAttempt(retake, bank).passMark).toBe(7);
  });
});
