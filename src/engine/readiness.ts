/**
 * Readiness: the chance of passing the real exam if it were sat now.
 *
 * The model. The exam draws `quota` questions from each blueprint area (blueprintQuotas in
 * exam.ts: 40 in all, by the manifest's weights). In each area the student answers a question
 * right with an unknown probability p. Starting from a uniform prior, Beta(1, 1), and having got
 * `correct` of the area's `answered` recent answers right, p's posterior is
 * Beta(1 + correct, 1 + answered − correct). The number right in that area on a real paper is then
 * Beta-Binomial(quota, 1 + correct, 1 + answered − correct): it carries both the luck of the paper
 * and how little we may know about p. Areas are taken as independent, so the distribution of the
 * total is the convolution of the areas' distributions; P(pass) = P(total ≥ pass mark), and the
 * credible interval is the central 90% of that total.
 *
 * It assumes the practised questions are like the real ones and that answers are independent
 * (repeating one question many times overstates what is known), so it is a guide, not a promise.
 * Below a minimum of evidence (MIN_AREA_ANSWERS in every area, MIN_TOTAL_ANSWERS in all) it gives
 * no figure at all.
 */

/** Answers needed in every blueprint area before readiness is estimated. */
export const MIN_AREA_ANSWERS = 5;
/** Answers needed in all before readiness is estimated. */
export const MIN_TOTAL_ANSWERS = 40;
/** The share of the score distribution inside the credible interval. */
export const CREDIBLE_LEVEL = 0.9;

/** What is known about one blueprint area. */
export interface AreaEvidence {
  id: string;
  /** Questions the area gets on the real exam. */
  quota: number;
  /** Every answer ever given in the area, for the evidence threshold. */
  answered: number;
  /** The recent answers the estimate is based on, and how many of them were right. */
  recentAnswered: number;
  recentCorrect: number;
}

export type Readiness =
  | {
      status: 'not-enough-data';
      /** Areas still short of MIN_AREA_ANSWERS, with how many more each needs. */
      areasShort: { id: string; needed: number }[];
      /** Answers still needed in all. */
      totalNeeded: number;
    }
  | {
      status: 'estimated';
      /** P(score ≥ pass mark). */
      passProbability: number;
      expectedScore: number;
      /** The central CREDIBLE_LEVEL interval of the score, inclusive. */
      interval: [number, number];
      /** P(score = k) for k = 0 … question count. */
      distribution: number[];
      /** How many recent answers the estimate rests on. */
      basedOn: number;
    };

/** P(X = k), k = 0 … n, for X ~ Beta-Binomial(n, alpha, beta). */
export function betaBinomial(n: number, alpha: number, beta: number): number[] {
  // P(0) = B(alpha, n + beta) / B(alpha, beta) = Π_{i<n} (beta + i) / (alpha + beta + i), and
  // P(k + 1) / P(k) = (n − k)(k + alpha) / ((k + 1)(n − k − 1 + beta)): no gamma functions needed.
  const pmf = new Array<number>(n + 1);
  let p = 1;
  for (let i = 0; i < n; i++) p *= (beta + i) / (alpha + beta + i);
  pmf[0] = p;
  for (let k = 0; k < n; k++) {
    p *= ((n - k) * (k + alpha)) / ((k + 1) * (n - k - 1 + beta));
    pmf[k + 1] = p;
  }
  const total = pmf.reduce((s, x) => s + x, 0);
  return pmf.map((x) => x / total);
}

/** The distribution of the sum of two independent counts. */
export function convolve(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((pa, i) => b.forEach((pb, j) => (out[i + j] = (out[i + j] as number) + pa * pb)));
  return out;
}

/** The smallest k whose cumulative probability reaches `p`. */
function quantile(distribution: readonly number[], p: number): number {
  let cumulative = 0;
  for (let k = 0; k < distribution.length; k++) {
    cumulative += distribution[k] as number;
    if (cumulative >= p - 1e-12) return k;
  }
  return distribution.length - 1;
}

/** Which areas (and how many answers in all) still lack the evidence readiness needs. */
export function missingEvidence(areas: readonly AreaEvidence[]) {
  const areasShort = areas
    .filter((a) => a.quota > 0 && a.answered < MIN_AREA_ANSWERS)
    .map((a) => ({ id: a.id, needed: MIN_AREA_ANSWERS - a.answered }));
  const total = areas.reduce((s, a) => s + a.answered, 0);
  return { areasShort, totalNeeded: Math.max(0, MIN_TOTAL_ANSWERS - total) };
}

/** The chance of passing now, with its credible interval, or what evidence is still missing. */
export function estimateReadiness(areas: readonly AreaEvidence[], passMark: number): Readiness {
  const missing = missingEvidence(areas);
  if (missing.areasShort.length > 0 || missing.totalNeeded > 0) {
    return { status: 'not-enough-data', ...missing };
  }
  return { status: 'estimated', ...scoreDistribution(areas, passMark) };
}

/** The score distribution behind an estimate, without the evidence threshold (for tests and tools). */
export function scoreDistribution(areas: readonly AreaEvidence[], passMark: number) {
  let distribution = [1];
  let expectedScore = 0;
  for (const area of areas) {
    if (area.quota <= 0) continue;
    const alpha = 1 + area.recentCorrect;
    const beta = 1 + area.recentAnswered - area.recentCorrect;
    distribution = convolve(distribution, betaBinomial(area.quota, alpha, beta));
    expectedScore += (area.quota * alpha) / (alpha + beta);
  }
  const passProbability = distribution.slice(passMark).reduce((s, p) => s + p, 0);
  const tail = (1 - CREDIBLE_LEVEL) / 2;
  return {
    passProbability: Math.min(1, passProbability),
    expectedScore,
    interval: [quantile(distribution, tail), quantile(distribution, 1 - tail)] as [number, number],
    distribution,
    basedOn: areas.reduce((s, a) => s + a.recentAnswered, 0),
  };
}
