// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../answers';
import { HistoryPacker } from '../history-codec';
import { indexBank } from '../load-bank';
import { itemsForTopics } from '../practice';
import {
  dashboardFigures,
  masteryLevel,
  overallMastery,
  ProgressTracker,
  studyStreak,
  trackProgress,
  trend,
  weakTopics,
  type MasteryLevel,
} from '../progress';
import { dayOf, startOfDay } from '../progress-days';
import { buildTopicTree } from '../topic-tree';
import { items, makeItem, manifest } from './fixtures';

const bank = indexBank({ manifest, items });
const TODAY = dayOf(Date.UTC(2026, 10, 23, 12));
/** Noon on a day relative to today, plus some minutes: the same local day in any time zone. */
const on = (daysAgo: number, minutes = 0) =>
  startOfDay(TODAY - daysAgo) + 12 * 3_600_000 + minutes * 60_000;

let clock = 0;
const answer = (
  itemId: string,
  correct: boolean,
  extra: Partial<AnswerRecord> = {},
): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 20_000,
  mode: 'practice',
  at: on(0, clock++),
  ...extra,
});
const run = (itemId: string, outcomes: string) =>
  [...outcomes].map((o) => answer(itemId, o === '1'));

const topic = (answers: AnswerRecord[], id: string) =>
  trackProgress(bank, answers)
    .topicProgress()
    .find((t) => t.topic.id === id);

describe('topic mastery', () => {
  it.each<[string, string, number, number, number | null, number, MasteryLevel]>([
    // outcomes (1 right, 0 wrong), attempted, recent right, recent accuracy, mastery, level
    ['never answered', '', 0, 0, null, 0, 'not-started'],
    ['5 right of 5: too little evidence to be strong', '11111', 5, 5, 1, 0.25, 'weak'],
    ['20 right of 20', '1'.repeat(20), 20, 20, 1, 1, 'strong'],
    ['5 early mistakes fall out of the last 20', '00000' + '1'.repeat(20), 25, 20, 1, 1, 'strong'],
    ['16 of the last 20', '0000' + '1'.repeat(16), 20, 16, 0.8, 0.8, 'strong'],
    ['15 of the last 20', '00000' + '1'.repeat(15), 20, 15, 0.75, 0.75, 'improving'],
    ['alternating, 30 answers', '10'.repeat(15), 30, 10, 0.5, 0.5, 'improving'],
    ['mostly wrong', '0001000100', 10, 2, 0.2, 0.1, 'weak'],
  ])('%s', (_case, outcomes, attempted, recentCorrect, recentAccuracy, mastery, level) => {
    const result = topic(run('i-1', outcomes), 'incident');
    expect(result).toMatchObject({
      attempted,
      recentCorrect,
      recentAttempted: Math.min(attempted, 20),
      recentAccuracy,
      level,
    });
    expect(result?.mastery).toBeCloseTo(mastery, 12);
  });

  it('rolls processes up into their stage, counting each answer once', () => {
    const answers = [
      ...run('i-1', '110'),
      ...run('p-1', '1'),
      ...run('so-1', '0'),
      ...run('st-1', '1'),
    ];
    expect(topic(answers, 'so')).toMatchObject({ attempted: 5, correct: 3, recentCorrect: 3 });
    expect(topic(answers, 'problem')).toMatchObject({ attempted: 1, correct: 1, depth: 1 });
    expect(topic(answers, 'st')).toMatchObject({
      attempted: 1,
      correct: 1,
      depth: 0,
      itemCount: 2,
    });
  });

  it('ignores other banks and items the bank no longer has, but counts their days', () => {
    const tracker = trackProgress(bank, [
      answer('i-1', true, { bankId: 'other' }),
      answer('gone', false),
    ]);
    expect(tracker.answered).toBe(1);
    expect(tracker.topicProgress().every((t) => t.attempted === 0)).toBe(true);
    expect(tracker.studiedOn(TODAY)).toBe(true);
    expect(tracker.consumed).toBe(2);
  });

  it.each<[number, number, MasteryLevel]>([
    [0, 0, 'not-started'],
    [3, 0.49, 'weak'],
    [3, 0.5, 'improving'],
    [3, 0.79, 'improving'],
    [3, 0.8, 'strong'],
  ])('masteryLevel(%d answers, %d) is %s', (attempted, mastery, level) => {
    expect(masteryLevel(attempted, mastery)).toBe(level);
  });

  it('weights overall mastery by the exam blueprint', () => {
    // so (weight 0.5) 20/20, st (0.25) 10/20 right, roles (0.25) untouched.
    const answers = [...run('so-1', '1'.repeat(20)), ...run('st-1', '10'.repeat(10))];
    const topics = trackProgress(bank, answers).topicProgress();
    expect(overallMastery(topics)).toBeCloseTo(0.5 * 1 + 0.25 * 0.5 + 0.25 * 0, 12);
  });
});

describe('studyStreak', () => {
  it.each<[string, number[], number, boolean, number]>([
    ['no study at all', [], 0, false, 0],
    ['only today', [0], 1, true, 1],
    ['up to yesterday: still alive today', [1, 2, 3], 3, false, 3],
    ['today and the two days before, after a gap', [0, 1, 2, 5], 3, true, 3],
    ['broken two days ago', [2, 3], 0, false, 2],
    ['a longer run in the past', [0, 1, 6, 7, 8, 9, 10], 2, true, 5],
  ])('%s', (_case, daysAgo, current, studiedToday, longest) => {
    expect(
      studyStreak(
        daysAgo.map((d) => TODAY - d),
        TODAY,
      ),
    ).toEqual({ current, studiedToday, longest });
  });
});

describe('trend', () => {
  it('gives practice accuracy by day and full mock exam scores, leaving retakes out', () => {
    const mock = ['i-1', 'p-1', 'st-1', 'r-1'].map((id, n) =>
      answer(id, n < 3, { mode: 'exam', attemptId: 'mock-1', at: on(1, 30) }),
    );
    const retake = ['i-1', 'p-1'].map((id) =>
      answer(id, true, { mode: 'exam', attemptId: 'retake-1', at: on(1, 40) }),
    );
    const answers = [
      answer('i-1', true, { at: on(2) }),
      answer('i-2', false, { at: on(2, 1) }),
      answer('st-1', true, { at: on(2, 2), mode: 'review' }),
      ...mock,
      ...retake,
      answer('so-1', true, { at: on(0) }),
    ];
    const days = trend(trackProgress(bank, answers), TODAY, 4);
    expect(days.map((d) => d.day)).toEqual([TODAY - 3, TODAY - 2, TODAY - 1, TODAY]);
    expect(days.map((d) => d.practiceAnswered)).toEqual([0, 3, 0, 1]);
    expect(days.map((d) => d.practiceAccuracy)).toEqual([null, 2 / 3, null, 1]);
    expect(days.map((d) => d.mockScores)).toEqual([[], [], [0.75], []]);
  });
});

describe('weakTopics', () => {
  it('with nothing answered, picks leaf topics by their share of the exam', () => {
    const topics = trackProgress(bank, []).topicProgress();
    expect(weakTopics(topics, 3).map((t) => t.topic.id)).toEqual(['incident', 'problem', 'st']);
  });

  it('picks the lowest mastery first, then the least recently practised', () => {
    const answers = [
      ...run('i-1', '1'.repeat(20)),
      answer('r-1', false, { at: on(3) }),
      answer('p-1', false, { at: on(1) }),
      answer('st-1', true, { at: on(0) }),
    ];
    const topics = trackProgress(bank, answers).topicProgress();
    // problem and roles have mastery 0, st 1/20, incident 1: roles was practised longer ago.
    expect(weakTopics(topics, 3).map((t) => t.topic.id)).toEqual(['roles', 'problem', 'st']);
  });

  it('never picks a topic with no questions in the bank or a stage with processes under it', () => {
    const topics = trackProgress(
      indexBank({ manifest, items: items.filter((i) => i.topics[0] !== 'roles') }),
      [],
    ).topicProgress();
    const picked = weakTopics(topics, 10).map((t) => t.topic.id);
    expect(picked).not.toContain('roles');
    expect(picked).not.toContain('so');
  });
});

describe('ProgressTracker', () => {
  const answersArbitrary = fc.array(
    fc.record({
      itemId: fc.constantFrom(...items.map((i) => i.id), 'gone'),
      correct: fc.boolean(),
      daysAgo: fc.integer({ min: 0, max: 40 }),
      mode: fc.constantFrom('practice' as const, 'exam' as const, 'review' as const),
    }),
    { maxLength: 120 },
  );
  const toAnswers = (
    given: { itemId: string; correct: boolean; daysAgo: number; mode: AnswerRecord['mode'] }[],
  ) =>
    given.map((g, n) =>
      answer(g.itemId, g.correct, { at: on(g.daysAgo, n), mode: g.mode, attemptId: 'x' }),
    );

  it('property: adding answers one at a time gives the same figures as one pass', () => {
    fc.assert(
      fc.property(answersArbitrary, (given) => {
        const answers = toAnswers(given);
        const packer = new HistoryPacker();
        const incremental = new ProgressTracker(bank);
        for (let n = 1; n <= answers.length; n++) {
          packer.syncTo(answers.slice(0, n));
          incremental.syncTo(packer.columns());
        }
        expect(dashboardFigures(incremental, TODAY)).toEqual(
          dashboardFigures(trackProgress(bank, answers), TODAY),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('starts again when the history is replaced rather than appended to', () => {
    const packer = new HistoryPacker();
    const tracker = new ProgressTracker(bank);
    packer.syncTo(run('i-1', '111'));
    tracker.syncTo(packer.columns());
    packer.syncTo(run('p-1', '0'));
    tracker.syncTo(packer.columns());
    expect(tracker.answered).toBe(1);
    expect(tracker.topicProgress().find((t) => t.topic.id === 'incident')?.attempted).toBe(0);
  });

  it('turns the blueprint into readiness evidence: quotas, all answers and the recent window', () => {
    const answers = [...run('i-1', '1'.repeat(60)), ...run('st-1', '10')];
    expect(trackProgress(bank, answers).areaEvidence()).toEqual([
      { id: 'so', quota: 2, answered: 60, recentAnswered: 50, recentCorrect: 50 },
      { id: 'st', quota: 1, answered: 2, recentAnswered: 2, recentCorrect: 1 },
      { id: 'roles', quota: 1, answered: 0, recentAnswered: 0, recentCorrect: 0 },
    ]);
  });

  it('counts the items testing each topic as the practice picker does', () => {
    const multi = [...items, makeItem('x-1', 'problem', { topics: ['problem', 'roles'] })];
    const topics = trackProgress(indexBank({ manifest, items: multi }), []).topicProgress();
    const tree = buildTopicTree(manifest);
    for (const t of topics) {
      expect(t.itemCount).toBe(itemsForTopics(tree, multi, [t.topic.id]).length);
    }
  });

  it('keeps answers from other banks out, however they interleave', () => {
    const answers = [
      answer('i-1', true),
      answer('i-1', false, { bankId: 'other' }),
      answer('st-1', false, { bankId: 'other', mode: 'exam', attemptId: 'o' }),
      answer('i-1', false),
    ];
    const tracker = trackProgress(bank, answers);
    expect([tracker.answered, tracker.correct, tracker.consumed]).toEqual([2, 1, 4]);
    expect(tracker.mockScores()).toEqual([]);
  });

  it('counts the items never answered, for the daily goal', () => {
    expect(trackProgress(bank, [...run('i-1', '00'), ...run('st-2', '1')]).unansweredItems()).toBe(
      5,
    );
  });
});
