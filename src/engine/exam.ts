import type { AnswerRecord } from './answers';
import type { ExamSettings, Item } from './bank-schema';
import type { LoadedBank } from './load-bank';
import { optionOrder } from './practice';
import { seededRandom, shuffled, type Random } from './random';
import { isCorrect, topicResults, type TopicResult } from './scoring';
import { blueprintAreaOf, type TopicTree } from './topic-tree';
import { weaveByTime } from './weave';

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

/** The exams saved together: the attempt in progress, and every submitted one in submission order. */
export interface ExamRecords {
  current: ExamAttempt | null;
  past: ExamAttempt[];
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isString) : []);

/** The entries of a saved record whose values are usable; never a `__proto__` entry. */
function entries<T>(value: unknown, usable: (entry: unknown) => entry is T): Record<string, T> {
  const record: Record<string, T> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return record;
  for (const [key, entry] of Object.entries(value)) {
    if (key !== '__proto__' && usable(entry)) record[key] = entry;
  }
  return record;
}

/**
 * A saved attempt made usable, or null if it names no id, bank, questions or start. Fields added
 * since an attempt was saved, or damaged, are completed rather than the attempt dropped: an unknown
 * kind reads as a mock, a missing time per question as none.
 */
export function restoreAttempt(raw: unknown): ExamAttempt | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const a = raw as Record<string, unknown>;
  if (!isString(a.id) || !isString(a.bankId) || !Array.isArray(a.itemIds) || !finite(a.startedAt))
    return null;
  const itemIds = strings(a.itemIds);
  const deadline = finite(a.deadline) ? a.deadline : null;
  const submittedAt = finite(a.submittedAt) ? a.submittedAt : null;
  const timing = a.timing;
  return {
    id: a.id,
    kind: a.kind === 'retake' ? 'retake' : 'mock',
    bankId: a.bankId,
    seed: finite(a.seed) ? a.seed : 0,
    itemIds,
    optionOrders: entries(a.optionOrders, isStringList),
    timing:
      timing === 'standard' || timing === 'extra-time' || timing === 'untimed'
        ? timing
        : deadline === null
          ? 'untimed'
          : 'standard',
    startedAt: a.startedAt,
    deadline,
    responses: entries(a.responses, isString),
    flagged: strings(a.flagged),
    current:
      typeof a.current === 'number' && Number.isInteger(a.current)
        ? Math.max(0, Math.min(a.current, itemIds.length - 1))
        : 0,
    timeOnItem: entries(a.timeOnItem, finite),
    submittedAt,
    submittedBy: submittedAt === null ? null : a.submittedBy === 'timeout' ? 'timeout' : 'student',
  };
}

/** Saved exams made usable: unreadable attempts are dropped, the rest kept. */
export function restoreExams(raw: unknown): ExamRecords {
  const saved = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    current: restoreAttempt(saved.current),
    past: (Array.isArray(saved.past) ? saved.past : []).flatMap((a) => restoreAttempt(a) ?? []),
  };
}

/** Whether two JSON-like values are equal, whatever the order of their fields. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Whether two attempts hold the same state (the same attempt, answered just as far). */
export const sameAttempt = (a: ExamAttempt | null, b: ExamAttempt | null): boolean =>
  sameValue(a, b);

/**
 * Our submitted attempts and theirs as one list by id, in submission order: ours keep their
 * place, theirs that were not here are woven in. `added` lists theirs that were new.
 */
export function mergePastAttempts(
  ours: ExamAttempt[],
  theirs: readonly ExamAttempt[],
): { past: ExamAttempt[]; added: ExamAttempt[] } {
  const ids = new Set(ours.map((a) => a.id));
  const added: ExamAttempt[] = [];
  for (const attempt of theirs) {
    if (ids.has(attempt.id)) continue;
    ids.add(attempt.id);
    added.push(attempt);
  }
  if (added.length === 0) return { past: ours, added };
  return { past: weaveByTime(ours, added, (a) => a.submittedAt ?? a.startedAt), added };
}

/**
 * This tab's exams after another tab saved its copy. Submitted attempts are the union of both.
 * The attempt in progress is the copy's, since the tab that saved last has answered furthest,
 * except that a tab answering the attempt (holding the exam lock) keeps its own, and an attempt
 * submitted by either is in progress no more. `changed`: this tab must take the result;
 * `savedLacks`: the saved copy lacks some of it, so this tab must save it.
 */
export function syncExams(
  ours: ExamRecords,
  saved: ExamRecords,
  answeringHere: boolean,
): { exams: ExamRecords; changed: boolean; savedLacks: boolean } {
  const { past, added } = mergePastAttempts(ours.past, saved.past);
  const submitted = new Set(past.map((a) => a.id));
  const open = (a: ExamAttempt | null) => (a !== null && !submitted.has(a.id) ? a : null);
  const oursOpen = open(ours.current);
  const savedOpen = open(saved.current);
  const current =
    oursOpen !== null && (answeringHere || savedOpen === null || sameAttempt(oursOpen, savedOpen))
      ? oursOpen
      : savedOpen;
  const savedIds = new Set(saved.past.map((a) => a.id));
  return {
    exams: { current, past },
    changed: added.length > 0 || current !== ours.current,
    savedLacks: past.some((a) => !savedIds.has(a.id)) || !sameAttempt(current, saved.current),
  };
}
