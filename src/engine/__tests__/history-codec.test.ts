// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../answers';
import { HistoryPacker, migrateHistoryV1, packHistory, restoreAnswer } from '../history-codec';

const base: AnswerRecord = {
  bankId: 'itil-2011-foundation',
  itemId: 'so-014',
  choice: 'b',
  correct: true,
  ms: 12_345,
  mode: 'practice',
  at: Date.UTC(2026, 10, 23, 9, 0, 0),
};

const roundTrip = (answers: AnswerRecord[]) =>
  HistoryPacker.restore(JSON.parse(JSON.stringify(packHistory(answers)))).answers;

const answerArbitrary: fc.Arbitrary<AnswerRecord> = fc
  .record({
    bankId: fc.constantFrom('itil-2011-foundation', 'mini'),
    itemId: fc.constantFrom('so-1', 'so-2', 'st-1', 'x'),
    choice: fc.oneof(fc.constantFrom(null, 'a', 'b', 'c', 'd', 'e'), fc.string()),
    correct: fc.boolean(),
    ms: fc.oneof(
      fc.integer({ min: -1000, max: 4_000_000 }), // JSON, and so any saved history, cannot hold -0.
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
    ),
    mode: fc.constantFrom('practice' as const, 'exam' as const, 'review' as const),
    at: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constant(1.5)),
    attemptId: fc.option(fc.constantFrom('att-1', 'att-2', 'a "quoted" id'), { nil: undefined }),
  })
  .map(({ attemptId, ...rest }) => (attemptId === undefined ? rest : { ...rest, attemptId }));

describe('history codec', () => {
  it.each<[string, AnswerRecord[]]>([
    ['nothing', []],
    ['one practice answer', [base]],
    [
      'an unanswered exam question',
      [{ ...base, choice: null, correct: false, mode: 'exam', attemptId: 'a1' }],
    ],
    ['a review answer', [{ ...base, mode: 'review', choice: 'e' }]],
    ['answers out of time order', [base, { ...base, at: base.at - 60_000 }, { ...base, at: 0 }]],
    ['a negative time on item', [{ ...base, ms: -5 }]],
    ['a fractional time, kept verbatim', [{ ...base, ms: 12.5 }]],
    ['an unknown option id, kept verbatim', [{ ...base, choice: 'z' }]],
    [
      'a whole exam submitted at once',
      Array.from({ length: 40 }, (_, n) => ({
        ...base,
        itemId: `q-${n}`,
        mode: 'exam' as const,
        correct: n % 3 !== 0,
        attemptId: 'exam-1',
      })),
    ],
  ])('round-trips %s exactly', (_case, answers) => {
    expect(roundTrip(answers)).toEqual(answers);
  });

  it('property: packing then restoring gives back every answer exactly', () => {
    fc.assert(
      fc.property(fc.array(answerArbitrary, { maxLength: 60 }), (answers) => {
        expect(roundTrip(answers)).toEqual(answers);
      }),
    );
  });

  it('property: packing answer by answer equals packing all at once, and a restored packer carries on', () => {
    fc.assert(
      fc.property(
        fc.array(answerArbitrary, { maxLength: 40 }),
        fc.array(answerArbitrary, { maxLength: 10 }),
        (first, more) => {
          const packer = new HistoryPacker();
          let answers: AnswerRecord[] = [];
          for (const answer of first) {
            answers = [...answers, answer];
            packer.syncTo(answers);
          }
          expect(packer.packed()).toEqual(packHistory(first));
          const restored = HistoryPacker.restore(packer.packed());
          const all = [...restored.answers, ...more];
          restored.packer.syncTo(all);
          expect(HistoryPacker.restore(restored.packer.packed()).answers).toEqual([
            ...first,
            ...more,
          ]);
        },
      ),
    );
  });

  it('repacks when the answers are replaced rather than appended to', () => {
    const packer = new HistoryPacker();
    packer.syncTo([base, { ...base, itemId: 'b' }]);
    packer.syncTo([{ ...base, itemId: 'c' }]);
    expect(HistoryPacker.restore(packer.packed()).answers).toEqual([{ ...base, itemId: 'c' }]);
  });

  it('keeps a typical answer to about 15 bytes', () => {
    const answers = Array.from({ length: 1000 }, (_, n) => ({
      ...base,
      itemId: `item-${n % 600}`,
      ms: 10_000 + ((n * 7919) % 50_000),
      at: base.at + n * 40_000,
    }));
    const perAnswer = JSON.stringify(packHistory(answers).answers).length / answers.length;
    expect(perAnswer).toBeLessThan(16);
  });

  it('reads damaged saved history leniently, keeping every readable answer', () => {
    const packed = packHistory([
      base,
      { ...base, itemId: 'b', at: base.at + 1000 },
      { ...base, at: base.at + 2000 },
    ]);
    const damaged = {
      ...packed,
      answers: [packed.answers[0], '!!', 42, '{not json', packed.answers[2]],
    };
    const { answers, packer } = HistoryPacker.restore(damaged);
    expect(answers.map((a) => a.itemId)).toEqual(['so-014', 'so-014']);
    // Without the lost middle row the last time cannot be chained exactly, but it is kept.
    expect(answers).toHaveLength(2);
    expect(HistoryPacker.restore(packer.packed()).answers).toEqual(answers);
    expect(HistoryPacker.restore(null).answers).toEqual([]);
    expect(HistoryPacker.restore({ answers: 'nope' }).answers).toEqual([]);
  });

  it('migrates version 1 history without losing an answer, mending what it can', () => {
    const v1 = [base, { ...base, mode: 'exam', attemptId: 'a1', choice: null, correct: false }];
    expect(HistoryPacker.restore(migrateHistoryV1({ answers: v1 })).answers).toEqual(v1);
    expect(
      HistoryPacker.restore(
        migrateHistoryV1({
          answers: [{ bankId: 'b', itemId: 'i', mode: 'drill' }, null, { itemId: 'x' }],
        }),
      ).answers,
    ).toEqual([
      { bankId: 'b', itemId: 'i', choice: null, correct: false, ms: 0, mode: 'practice', at: 0 },
    ]);
    expect(HistoryPacker.restore(migrateHistoryV1(undefined)).answers).toEqual([]);
  });

  it.each([
    [null, null],
    ['x', null],
    [{ bankId: 'b' }, null],
    [
      {
        bankId: 'b',
        itemId: 'i',
        choice: 3,
        correct: 'yes',
        ms: Infinity,
        mode: 'exam',
        at: 5,
        attemptId: 7,
      },
      { bankId: 'b', itemId: 'i', choice: null, correct: false, ms: 0, mode: 'exam', at: 5 },
    ],
  ])('restoreAnswer(%j) is %j', (raw, expected) => {
    expect(restoreAnswer(raw)).toEqual(expected);
  });
});
