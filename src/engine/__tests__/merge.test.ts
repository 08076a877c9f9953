// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerIdentity, mergeAnswers, type AnswerRecord } from '../answers';
import { restoreAttempt, restoreExams, syncExams, type ExamAttempt } from '../exam';
import { applyAnswers, rescheduleKeys, reviewKey } from '../review-schedule';
import { weaveByTime } from '../weave';

const at = Date.UTC(2026, 10, 23, 9);
const answer = (itemId: string, minutes: number, correct = false): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 10_000,
  mode: 'practice',
  at: at + minutes * 60_000,
});

describe('weaveByTime', () => {
  it.each([
    ['appends later items', [1, 2, 3], [5, 4], [1, 2, 3, 4, 5]],
    ['puts earlier items first', [5, 6], [1], [1, 5, 6]],
    ['weaves items in between, ours first on a tie', [1, 3, 5], [3, 4, 2], [1, 2, 3, 3, 4, 5]],
    ['keeps ours in their order where a clock went back', [5, 2, 8], [3], [3, 5, 2, 8]],
    ['takes nothing from nothing', [], [], []],
  ])('%s', (_case, ours, added, woven) => {
    expect(weaveByTime(ours, added, (n) => n)).toEqual(woven);
  });
});

describe('mergeAnswers', () => {
  const ours = [answer('a', 0), answer('b', 1)];

  it('returns ours itself, untouched, when theirs adds nothing', () => {
    const merge = mergeAnswers(ours, [{ ...answer('a', 0) }]);
    expect(merge).toEqual({ answers: ours, added: [], alreadyHere: 1, oursHasMore: true });
    expect(merge.answers).toBe(ours);
  });

  it('appends later answers, keeping ours as the same objects in front', () => {
    const later = answer('c', 5);
    const merge = mergeAnswers(ours, [...ours, later]);
    expect(merge.answers).toEqual([...ours, later]);
    expect(merge.answers[1]).toBe(ours[1]);
    expect(merge).toMatchObject({ added: [later], alreadyHere: 2, oursHasMore: false });
  });

  it('counts an answer repeated in theirs once', () => {
    const merge = mergeAnswers([], [answer('a', 0), answer('a', 0)]);
    expect(merge).toMatchObject({ added: [answer('a', 0)], alreadyHere: 1 });
  });

  it.each([
    ['time', { at: at + 1 }],
    ['mode', { mode: 'review' as const }],
    ['choice', { choice: 'c' }],
    ['item', { itemId: 'other' }],
    ['bank', { bankId: 'other' }],
  ])('tells answers apart by their %s', (_field, change) => {
    expect(mergeAnswers(ours, [{ ...answer('a', 0), ...change }]).added).toHaveLength(1);
  });

  it('holds every answer of both exactly once, ours in their order', () => {
    const arbitrary = fc.record({
      itemId: fc.constantFrom('a', 'b', 'c'),
      minutes: fc.integer({ min: 0, max: 20 }),
      correct: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitrary), fc.array(arbitrary), (a, b) => {
        const toAnswers = (list: typeof a) =>
          list.map((x) => answer(x.itemId, x.minutes, x.correct));
        const [mine, theirs] = [toAnswers(a), toAnswers(b)];
        const merged = mergeAnswers(mine, theirs).answers;
        const ids = merged.map(answerIdentity);
        expect(new Set(ids)).toEqual(new Set([...mine, ...theirs].map(answerIdentity)));
        expect(merged.filter((x) => mine.includes(x))).toEqual(mine);
        const theirsOnly = merged.filter((x) => !mine.includes(x));
        expect(new Set(theirsOnly.map(answerIdentity)).size).toBe(theirsOnly.length);
      }),
    );
  });
});

describe('rescheduleKeys', () => {
  it('works the given items out again from every answer, in order, and keeps the rest', () => {
    const first = [answer('a', 0), answer('b', 1)];
    const cards = applyAnswers({}, first);
    const history = [answer('a', 0), answer('a', 0.5), answer('b', 1), answer('a', 30, true)];
    const next = rescheduleKeys(cards, history, new Set([reviewKey('mini', 'a')]));
    expect(next[reviewKey('mini', 'a')]).toEqual(applyAnswers({}, history)[reviewKey('mini', 'a')]);
    expect(next[reviewKey('mini', 'b')]).toBe(cards[reviewKey('mini', 'b')]);
    expect(rescheduleKeys(cards, history, new Set())).toBe(cards);
  });
});

const attempt = (id: string, extra: Partial<ExamAttempt> = {}): ExamAttempt => ({
  id,
  kind: 'mock',
  bankId: 'mini',
  seed: 7,
  itemIds: ['a', 'b'],
  optionOrders: { a: ['a', 'b', 'c'], b: ['c', 'b', 'a'] },
  timing: 'untimed',
  startedAt: at,
  deadline: null,
  responses: {},
  flagged: [],
  current: 0,
  timeOnItem: {},
  submittedAt: null,
  submittedBy: null,
  ...extra,
});
const submitted = (id: string, minutes: number) =>
  attempt(id, { submittedAt: at + minutes * 60_000, submittedBy: 'student' });

describe('restoreAttempt', () => {
  it('keeps a sound attempt as it is', () => {
    const sound = attempt('x', { responses: { a: 'b' }, timeOnItem: { a: 5 }, current: 1 });
    expect(restoreAttempt(JSON.parse(JSON.stringify(sound)))).toEqual(sound);
  });

  it('completes an attempt saved before fields were added, rather than dropping it', () => {
    expect(
      restoreAttempt({ id: 'old', bankId: 'mini', itemIds: ['a', 'b'], startedAt: at, current: 9 }),
    ).toEqual(attempt('old', { seed: 0, optionOrders: {}, current: 1 }));
  });

  it.each([null, 'x', { id: 'x' }, { id: 'x', bankId: 'b', itemIds: 'a', startedAt: 1 }])(
    'reads %j as no attempt',
    (raw) => expect(restoreAttempt(raw)).toBeNull(),
  );

  it('never takes a "__proto__" entry', () => {
    const raw = JSON.parse(
      `{"id":"x","bankId":"mini","itemIds":["a"],"startedAt":1,"responses":{"__proto__":"b","a":"c"}}`,
    ) as unknown;
    const restored = restoreAttempt(raw);
    expect(restored?.responses).toEqual({ a: 'c' });
    expect(Object.getPrototypeOf(restored?.responses)).toBe(Object.prototype);
  });

  it('drops unreadable saved attempts and keeps the rest', () => {
    expect(restoreExams({ current: 'x', past: [submitted('p', 1), 3] })).toEqual({
      current: null,
      past: [submitted('p', 1)],
    });
  });
});

describe('syncExams: another tab saved its exams', () => {
  const current = attempt('now', { responses: { a: 'b' } });
  const further = attempt('now', { responses: { a: 'b', b: 'a' }, current: 1 });

  it.each([
    [
      'takes the saved copy of the attempt in progress: its tab answered further',
      { current, past: [] },
      { current: further, past: [] },
      false,
      { current: further, past: [] },
      { changed: true, savedLacks: false },
    ],
    [
      'keeps its own while it is the tab answering the attempt',
      { current: further, past: [] },
      { current, past: [] },
      true,
      { current: further, past: [] },
      { changed: false, savedLacks: true },
    ],
    [
      'ends the attempt in progress that the other tab submitted',
      { current, past: [submitted('old', 1)] },
      { current: null, past: [submitted('old', 1), { ...further, submittedAt: at + 99 * 60_000 }] },
      false,
      { current: null, past: [submitted('old', 1), { ...further, submittedAt: at + 99 * 60_000 }] },
      { changed: true, savedLacks: false },
    ],
    [
      'keeps its attempt in progress when the copy has none (saved before it began)',
      { current, past: [] },
      { current: null, past: [] },
      false,
      { current, past: [] },
      { changed: false, savedLacks: true },
    ],
    [
      'keeps the union of submitted attempts, in submission order',
      { current: null, past: [submitted('a', 1), submitted('c', 3)] },
      { current: null, past: [submitted('b', 2)] },
      false,
      { current: null, past: [submitted('a', 1), submitted('b', 2), submitted('c', 3)] },
      { changed: true, savedLacks: true },
    ],
    [
      'changes nothing and saves nothing when both hold the same',
      { current, past: [submitted('a', 1)] },
      JSON.parse(JSON.stringify({ current, past: [submitted('a', 1)] })),
      false,
      { current, past: [submitted('a', 1)] },
      { changed: false, savedLacks: false },
    ],
  ])('%s', (_case, ours, saved, answeringHere, exams, flags) => {
    const result = syncExams(ours, saved, answeringHere);
    expect(result.exams).toEqual(exams);
    expect({ changed: result.changed, savedLacks: result.savedLacks }).toEqual(flags);
  });
});
