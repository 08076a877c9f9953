// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  betaBinomial,
  convolve,
  estimateReadiness,
  scoreDistribution,
  type AreaEvidence,
} from '../readiness';

const area = (
  id: string,
  quota: number,
  recentAnswered: number,
  recentCorrect: number,
  answered = recentAnswered,
): AreaEvidence => ({ id, quota, answered, recentAnswered, recentCorrect });

const closeTo = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, k) => expect(p).toBeCloseTo(expected[k] as number, 12));
};

describe('betaBinomial', () => {
  it.each<[string, number, number, number, number[]]>([
    // Beta(1,1) is uniform: every count out of 2 equally likely.
    ['no evidence, 2 questions', 2, 1, 1, [1 / 3, 1 / 3, 1 / 3]],
    // C(2,k) B(k+2, 3-k) / B(2,1) = 1/6, 1/3, 1/2.
    ['1 of 1 right, 2 questions', 2, 2, 1, [1 / 6, 1 / 3, 1 / 2]],
    // P(0) = 3/4·4/5·5/6 = 1/2, then ×3/5, ×1/2, ×1/3.
    ['0 of 2 right, 3 questions', 3, 1, 3, [1 / 2, 3 / 10, 3 / 20, 1 / 20]],
    ['no questions', 0, 5, 2, [1]],
  ])('%s', (_case, n, alpha, beta, expected) => {
    closeTo(betaBinomial(n, alpha, beta), expected);
  });
});

describe('convolve', () => {
  it('gives the distribution of a sum of independent counts', () => {
    closeTo(convolve([1 / 2, 1 / 2], [1 / 3, 2 / 3]), [1 / 6, 1 / 2, 1 / 3]);
  });
});

describe('scoreDistribution', () => {
  it.each<[string, AreaEvidence[], number, number, number, [number, number]]>([
    ['one area, no evidence', [area('a', 2, 0, 0)], 1, 2 / 3, 1, [0, 2]],
    ['one area, 1 of 1 right', [area('a', 2, 1, 1)], 2, 1 / 2, 4 / 3, [0, 2]],
    ['one area, 0 of 2 right', [area('a', 3, 2, 0)], 1, 1 / 2, 3 / 4, [0, 2]],
    // [1/2, 1/2] ⊛ [1/3, 2/3] = [1/6, 1/2, 1/3]: P(total ≥ 2) = 1/3; E = 1/2 + 2/3.
    ['two areas', [area('a', 1, 0, 0), area('b', 1, 1, 1)], 2, 1 / 3, 7 / 6, [0, 2]],
    [
      'an area with no questions is left out',
      [area('a', 2, 0, 0), area('z', 0, 9, 0)],
      1,
      2 / 3,
      1,
      [0, 2],
    ],
  ])('%s', (_case, areas, passMark, pass, expected, interval) => {
    const result = scoreDistribution(areas, passMark);
    expect(result.passProbability).toBeCloseTo(pass, 12);
    expect(result.expectedScore).toBeCloseTo(expected, 12);
    expect(result.interval).toEqual(interval);
  });

  it('with overwhelming evidence of 65% tends to Binomial(40, 0.65): P(≥ 26) = 0.5721', () => {
    const result = scoreDistribution([area('all', 40, 1_000_000, 650_000)], 26);
    expect(result.passProbability).toBeCloseTo(0.5721, 3);
    expect(result.expectedScore).toBeCloseTo(26, 2);
    // Binomial(40, 0.65): 5% and 95% points are 21 and 31.
    expect(result.interval).toEqual([21, 31]);
  });

  it('is more uncertain with less evidence at the same accuracy', () => {
    const little = scoreDistribution([area('a', 40, 20, 13)], 26);
    const much = scoreDistribution([area('a', 40, 2000, 1300)], 26);
    const width = (r: { interval: [number, number] }) => r.interval[1] - r.interval[0];
    expect(width(little)).toBeGreaterThan(width(much));
  });

  it('splits the exam by blueprint: weak in a big area hurts more than in a small one', () => {
    const weakBig = scoreDistribution([area('big', 30, 50, 25), area('small', 10, 50, 45)], 26);
    const weakSmall = scoreDistribution([area('big', 30, 50, 45), area('small', 10, 50, 25)], 26);
    expect(weakBig.passProbability).toBeLessThan(weakSmall.passProbability);
  });
});

describe('estimateReadiness', () => {
  it.each<[string, AreaEvidence[], { id: string; needed: number }[], number]>([
    [
      'nothing answered',
      [area('a', 20, 0, 0), area('b', 20, 0, 0)],
      [
        { id: 'a', needed: 5 },
        { id: 'b', needed: 5 },
      ],
      40,
    ],
    ['one area short', [area('a', 20, 36, 30), area('b', 20, 4, 4)], [{ id: 'b', needed: 1 }], 0],
    ['enough per area, too few in all', [area('a', 20, 10, 5), area('b', 20, 10, 5)], [], 20],
  ])('says "not enough data" when %s', (_case, areas, areasShort, totalNeeded) => {
    expect(estimateReadiness(areas, 26)).toEqual({
      status: 'not-enough-data',
      areasShort,
      totalNeeded,
    });
  });

  it('counts every answer ever given towards the threshold, not only the recent window', () => {
    const result = estimateReadiness([area('a', 20, 50, 40, 120), area('b', 20, 5, 4)], 26);
    expect(result.status).toBe('estimated');
    if (result.status !== 'estimated') return;
    expect(result.basedOn).toBe(55);
    expect(result.distribution).toHaveLength(41);
    expect(result.distribution.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });
});
