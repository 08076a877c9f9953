import type { AnswerRecord } from './answers';
import type { ExamSettings, Item } from './bank-schema';
import type { LoadedBank } from './load-bank';
import { optionOrder } from './practice';
import { seededRandom, shuffled, type Random } from './random';
import { isCorrect, topicResults, type TopicResult } from './scoring';
import { blueprintAreaOf, type TopicTree } from './topic-tree';

/** How long a candidate gets: the standard time, +25% for a second language, or no limit. */
export type ExamTiming = 'standard' | 'extra-time' | 'untimed';

/** A full mock exam, or a retake of the questions an earlier attempt got wrong. */
export type AttemptKind = 'mock' | 'retake';

/** One sitting of a mock exam, saved as it happens so nothing is lost to a reload or a crash. */
export interface ExamAttempt {
  id: string;
  kind: AttemptKind;
  bankId: string;
  seed: number;
  itemIds: string[];
  /** The order each item's options are shown in. */
  optionOrders: Record<string, string[]>;
  timing: ExamTiming;
  startedAt: number;
  /** Epoch ms when time runs out; null when untimed. Derived from the wall clock, never counted down. */
  deadline: number | null;
  /** The option chosen for each answered item. */
  responses: Record<string, string>;
  flagged: string[];
  /** The question on screen. */
  current: number;
  /** Milliseconds spent on each question so far. */
  timeOnItem: Record<string, number>;
  submittedAt: number | null;
  /** Whether the student submitted or the clock did. */
  submittedBy: 'student' | 'timeout' | null;
}

/** Minutes allowed for a timing choice, or null when untimed. */
export function examMinutes(settings: ExamSettings, timing: ExamTiming): number | null {
  if (timing === 'untimed') return null;
  return timing === 'extra-time'
    ? Math.round(settings.minutes * settings.extraTimeFactor)
    : settings.minutes;
}

/** How many questions each blueprint area gets: its weight's share, rounded by largest remainder. */
export function blueprintQuotas(tree: TopicTree, questionCount: number): Map<string, number> {
  const areas = tree.topics.filter((t) => t.weight !== undefined);
  const total = areas.reduce((sum, t) => sum + (t.weight ?? 0), 0);
  const exact = areas.map((t) => ({ id: t.id, share: ((t.weight ?? 0) / total) * questionCount }));
  const quotas = new Map(exact.map((a) => [a.id, Math.floor(a.share)]));
  let left = questionCount - [...quotas.values()].reduce((s, n) => s + n, 0);
  const byRemainder = [...exact].sort(
    (a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)),
  );
  for (const area of byRemainder) {
    if (left <= 0) break;
    quotas.set(area.id, (quotas.get(area.id) ?? 0) + 1);
    left -= 1;
  }
  return quotas;
}

/** Least recently seen first (never seen before all), ties in random order. */
function leastRecentFirst(
  items: readonly Item[],
  lastSeen: ReadonlyMap<string, number>,
  random: Random,
): Item[] {
  return shuffled(items, random).sort(
    (a, b) => (lastSeen.get(a.id) ?? -1) - (lastSeen.get(b.id) ?? -1),
  );
}

/**
 * The questions of a mock exam: each blueprint area's quota drawn from the items whose primary
 * topic falls in it, preferring the least recently seen; an area short of items is made up from
 * the rest. No item twice. The same seed and history always give the same paper.
 */
export function assembleExam(
  bank: LoadedBank,
  seed: number,
  lastSeen: ReadonlyMap<string, number>,
): { itemIds: string[]; optionOrders: Record<string, string[]> } {
  const random = seededRandom(seed);
  const count = Math.min(bank.manifest.exam.questionCount, bank.items.length);
  const quotas = blueprintQuotas(bank.tree, count);
  const byArea = new Map<string, Item[]>();
  for (const item of bank.items) {
    const area = blueprintAreaOf(bank.tree, item.topics[0] ?? '') ?? '';
    byArea.set(area, [...(byArea.get(area) ?? []), item]);
  }
  const chosen: Item[] = [];
  const chosenIds = new Set<string>();
  for (const [area, quota] of quotas) {
    for (const item of leastRecentFirst(byArea.get(area) ?? [], lastSeen, random).slice(0, quota)) {
      chosen.push(item);
      chosenIds.add(item.id);
    }
  }
  const rest = leastRecentFirst(
    bank.items.filter((i) => !chosenIds.has(i.id)),
    lastSeen,
    random,
  );
  chosen.push(...rest.slice(0, count - chosen.length));
  const paper = shuffled(chosen, random);
  return {
    itemIds: paper.map((i) => i.id),
    optionOrders: Object.fromEntries(paper.map((item) => [item.id, optionOrder(item, random)])),
  };
}

/** A retake's paper: the given items that still exist, in the given order, options reshuffled. */
function retakePaper(bank: LoadedBank, itemIds: readonly string[], seed: number) {
  const random = seededRandom(seed);
  const items = itemIds.flatMap((id) => bank.itemsById.get(id) ?? []);
  return {
    itemIds: items.map((i) => i.id),
    optionOrders: Object.fromEntries(items.map((item) => [item.id, optionOrder(item, random)])),
  };
}

/** A new attempt, not yet answered. */
export function startAttempt(options: {
  bank: LoadedBank;
  id: string;
  seed: number;
  timing: ExamTiming;
  now: number;
  lastSeen: ReadonlyMap<string, number>;
  /** For a retake: exactly these items, in this order. */
  itemIds?: string[];
}): ExamAttempt {
  const { bank, id, seed, timing, now, lastSeen } = options;
  const paper =
    options.itemIds === undefined
      ? assembleExam(bank, seed, lastSeen)
      : retakePaper(bank, options.itemIds, seed);
  const minutes = examMinutes(bank.manifest.exam, timing);
  return {
    id,
    kind: options.itemIds === undefined ? 'mock' : 'retake',
    bankId: bank.manifest.id,
    seed,
    ...paper,
    timing,
    startedAt: now,
    deadline: minutes === null ? null : now + minutes * 60_000,
    responses: {},
    flagged: [],
    current: 0,
    timeOnItem: {},
    submittedAt: null,
    submittedBy: null,
  };
}

/** Milliseconds left, never below zero; null when untimed. */
export function remainingMs(attempt: ExamAttempt, now: number): number | null {
  return attempt.deadline === null ? null : Math.max(0, attempt.deadline - now);
}

/** Submits an attempt. Time used stops at the deadline, however late the submission is processed. */
export function submitAttempt(
  attempt: ExamAttempt,
  now: number,
  by: 'student' | 'timeout',
): ExamAttempt {
  if (attempt.submittedAt !== null) return attempt;
  const at = attempt.deadline === null ? now : Math.min(now, attempt.deadline);
  return { ...attempt, submittedAt: at, submittedBy: by };
}

/** The attempt as it must stand now: submitted by the clock if its deadline has passed. */
export function settleAttempt(attempt: ExamAttempt, now: number): ExamAttempt {
  return attempt.submittedAt === null && attempt.deadline !== null && now >= attempt.deadline
    ? submitAttempt(attempt, now, 'timeout')
    : attempt;
}

/** The answers an attempt adds to the history: one per question, unanswered ones counted wrong. */
export function attemptAnswers(attempt: ExamAttempt, bank: LoadedBank): AnswerRecord[] {
  const at = attempt.submittedAt ?? attempt.startedAt;
  return attempt.itemIds.flatMap((itemId) => {
    const item = bank.itemsById.get(itemId);
    if (item === undefined) return [];
    const choice = attempt.responses[itemId] ?? null;
    return [
      {
        bankId: attempt.bankId,
        itemId,
        choice,
        correct: isCorrect(item, choice),
        ms: Math.round(attempt.timeOnItem[itemId] ?? 0),
        mode: 'exam' as const,
        at,
        attemptId: attempt.id,
      },
    ];
  });
}

/** The result of a submitted attempt. */
export interface AttemptResult {
  correct: number;
  total: number;
  answered: number;
  ratio: number;
  /** The pass mark scaled to the attempt's length (26 of 40 for a full mock). */
  passMark: number;
  passed: boolean;
  timeUsedMs: number;
  byTopic: Map<string, TopicResult>;
}

/** Scores an attempt against the bank's key and pass mark. */
export function scoreAttempt(attempt: ExamAttempt, bank: LoadedBank): AttemptResult {
  const answers = attemptAnswers(attempt, bank);
  const correct = answers.filter((a) => a.correct).length;
  const total = attempt.itemIds.length;
  const { passMark, questionCount } = bank.manifest.exam;
  const scaledPassMark =
    total === questionCount ? passMark : Math.ceil((passMark / questionCount) * total);
  return {
    correct,
    total,
    answered: Object.keys(attempt.responses).length,
    ratio: total === 0 ? 0 : correct / total,
    passMark: scaledPassMark,
    passed: correct >= scaledPassMark,
    timeUsedMs: (attempt.submittedAt ?? attempt.startedAt) - attempt.startedAt,
    byTopic: topicResults(bank.tree, bank.itemsById, answers),
  };
}

/** Topics with answers in an attempt, weakest first (lowest accuracy, then most questions). */
export function weakestTopics(byTopic: ReadonlyMap<string, TopicResult>): string[] {
  return [...byTopic]
    .filter(([, r]) => r.attempted > 0)
    .sort(([, a], [, b]) => (a.accuracy ?? 0) - (b.accuracy ?? 0) || b.attempted - a.attempted)
    .map(([id]) => id);
}
