import * as z from 'zod/mini';
import { mergeAnswers, type AnswerRecord } from './answers';
import { mergePastAttempts, sameAttempt, type ExamAttempt, type ExamRecords } from './exam';
import { dayFromIso } from './progress-days';
import { rescheduleKeys, reviewKey, type ReviewCard, type ReviewCards } from './review-schedule';
import {
  describeIssue,
  describeValue,
  fieldName,
  safeParseBounded,
  tellingIssues,
} from './schema-issues';
import { reasonOf } from './reason';

/**
 * The backup file: all of a student's progress (answer history, exam attempts including one in
 * progress, the review schedule, settings) as one JSON file, to keep safe or to carry to another
 * device. Importing merges it with what is there and never lets in anything this module's schema
 * does not describe exactly: the file comes from outside the app, so it is checked like a bank.
 */

export const BACKUP_FORMAT = 'itil-practice-backup';
export const BACKUP_VERSION = 1;
/** 100,000 answers make a backup of about 13 MB: a larger file is refused before it is read. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

/** Everything a backup holds, in the shape the stores hold it. */
export interface BackupContent {
  answers: AnswerRecord[];
  exams: ExamRecords;
  review: { cards: ReviewCards };
  settings: { examDate: string | null };
}

/** A backup file as written. */
export interface BackupFile extends BackupContent {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When it was made, as an ISO date and time. */
  exportedAt: string;
}

// Bounds wide enough for anything the app records, and narrow enough that no value can upset it.
const EARLIEST = 0;
const LATEST = Date.UTC(2200, 0, 1);
const LONGEST = 366 * 86_400_000;
const MOST_QUESTIONS = 1000;
/** Objects or lists inside each other: a backup's deepest value is 6 levels down. */
const DEEPEST = 10;
/** How many problems a refusal lists; the first few are enough to see what is wrong. */
const MOST_PROBLEMS = 10;
/** Field names that have no place in a backup and are the stuff of prototype pollution. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const time = () =>
  z
    .number()
    .check(
      z.gte(EARLIEST, 'must be a time between 1970 and 2200'),
      z.lte(LATEST, 'must be a time between 1970 and 2200'),
    );
const duration = () =>
  z
    .number()
    .check(
      z.gte(-LONGEST, 'must be a duration of less than a year'),
      z.lte(LONGEST, 'must be a duration of less than a year'),
    );
const count = (most: number) =>
  z
    .int()
    .check(
      z.gte(0, `must be a whole number from 0 to ${most.toLocaleString('en-GB')}`),
      z.lte(most, `must be a whole number from 0 to ${most.toLocaleString('en-GB')}`),
    );
const id = () =>
  z
    .string()
    .check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'));
const optionId = () => z.string().check(z.maxLength(20, 'must be at most 20 characters'));
const list = <T extends z.ZodMiniType>(item: T, most: number) =>
  z
    .array(item)
    .check(z.maxLength(most, `must have at most ${most.toLocaleString('en-GB')} entries`));
const byItem = <T extends z.ZodMiniType>(value: T) =>
  z
    .record(id(), value)
    .check(
      z.refine(
        (record) => Object.keys(record).length <= MOST_QUESTIONS,
        `must have at most ${MOST_QUESTIONS.toLocaleString('en-GB')} entries`,
      ),
    );

const answerSchema = z.strictObject({
  bankId: id(),
  itemId: id(),
  choice: z.nullable(optionId()),
  correct: z.boolean(),
  ms: duration(),
  mode: z.enum(['practice', 'exam', 'review']),
  at: time(),
  attemptId: z.optional(id()),
});

const attemptSchema = z.strictObject({
  id: id(),
  kind: z.enum(['mock', 'retake']),
  bankId: id(),
  seed: z.number().check(z.gte(0, 'must be 0 or more'), z.lte(2 ** 53, 'is too large')),
  itemIds: list(id(), MOST_QUESTIONS),
  optionOrders: byItem(list(optionId(), 10)),
  timing: z.enum(['standard', 'extra-time', 'untimed']),
  startedAt: time(),
  deadline: z.nullable(time()),
  responses: byItem(optionId()),
  flagged: list(id(), MOST_QUESTIONS),
  current: count(MOST_QUESTIONS),
  timeOnItem: byItem(duration()),
  submittedAt: z.nullable(time()),
  submittedBy: z.nullable(z.enum(['student', 'timeout'])),
});

const cardSchema = z.strictObject({
  bankId: id(),
  itemId: id(),
  due: time(),
  stability: z.number().check(z.gte(0, 'must be 0 or more'), z.lte(1e9, 'is too large')),
  difficulty: z.number().check(z.gte(0, 'must be 0 or more'), z.lte(1e3, 'is too large')),
  elapsedDays: count(1e6),
  scheduledDays: count(1e6),
  learningSteps: count(1e3),
  reps: count(1e7),
  lapses: count(1e7),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: z.nullable(time()),
  addedAt: time(),
});

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string().check(
    z.maxLength(40, 'must be a date and time'),
    z.refine((text) => Number.isFinite(Date.parse(text)), 'must be a date and time'),
  ),
  answers: list(answerSchema, 2_000_000),
  exams: z.strictObject({
    current: z.nullable(attemptSchema),
    past: list(attemptSchema, 100_000),
  }),
  review: z.strictObject({
    cards: z
      .record(z.string().check(z.maxLength(401, 'is too long')), cardSchema)
      .check(
        z.refine(
          (cards) => Object.keys(cards).length <= 1_000_000,
          'must have at most 1,000,000 entries',
        ),
      ),
  }),
  settings: z.strictObject({
    examDate: z.nullable(
      z
        .string()
        .check(
          z.refine(
            (text) => text.length === 10 && dayFromIso(text) !== null,
            'must be a date such as "2026-12-14"',
          ),
        ),
    ),
  }),
});

/** The backup of some progress, made now. */
export function createBackup(content: BackupContent, now: number): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    answers: content.answers,
    exams: { current: content.exams.current, past: content.exams.past },
    review: { cards: content.review.cards },
    settings: { examDate: content.settings.examDate },
  };
}

/** `itil-practice-backup-2026-11-23.json`, by the local date. */
export function backupFileName(now: number): string {
  const date = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `itil-practice-backup-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}.json`;
}

/** Why a file of this many bytes cannot be a backup, or null if its size is plausible. */
export function sizeProblem(bytes: number): string | null {
  if (bytes === 0) return 'is empty';
  if (bytes <= MAX_BACKUP_BYTES) return null;
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return `is ${megabytes} MB, and a backup from this app is never more than ${MAX_BACKUP_BYTES / 1024 / 1024} MB, so it is not one`;
}

/**
 * Fields named like prototype properties, and values nested deeper than a backup's, anywhere in
 * parsed JSON. Checked before the schema, which must never see such a value.
 */
function hostileFields(data: unknown): string[] {
  const problems: string[] = [];
  const stack: { value: object; path: PropertyKey[] }[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'object' && value !== null) stack.push({ value, path });
  };
  visit(data, []);
  while (stack.length > 0 && problems.length < MOST_PROBLEMS) {
    const { value, path } = stack.pop() as { value: object; path: PropertyKey[] };
    const where = path.length === 0 ? 'the file' : fieldName(path);
    if (path.length >= DEEPEST) {
      problems.push(`${where} is nested deeper than anything in a backup`);
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) visit(value[i], [...path, i]);
      continue;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(`${where} has a field named "${key}", which no backup has`);
      } else {
        visit(inner, [...path, key]);
      }
    }
  }
  return problems;
}

/** A value checked as a backup: the file when it is one this module can use, or what is wrong. */
function examine(
  data: unknown,
): { file: z.infer<typeof backupSchema>; problems: [] } | { file: null; problems: string[] } {
  const refuse = (...problems: string[]) => ({ file: null, problems });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse(`is not a backup from this app: it holds ${describeValue(data)}, not a backup`);
  }
  const hostile = hostileFields(data);
  if (hostile.length > 0) return refuse(...hostile);
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) {
    return refuse(
      format === undefined
        ? `is not a backup from this app: it has no "format": "${BACKUP_FORMAT}"`
        : `is not a backup from this app: its format is ${describeValue(format)}, not "${BACKUP_FORMAT}"`,
    );
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return refuse(
      `was made by a newer version of this app (backup version ${version}): update this app, then import it again`,
    );
  }
  const parsed = safeParseBounded(backupSchema, data);
  if (parsed.success) return { file: parsed.data, problems: [] };
  // Two checks of one field can fail in the same words: each is told once.
  const problems = new Set(tellingIssues(parsed.error.issues).map((i) => describeIssue(i, data)));
  return refuse(...[...problems].slice(0, MOST_PROBLEMS));
}

/** What is wrong with a value as a backup: nothing when it is a backup this module can use. */
export const backupProblems = (data: unknown): string[] => examine(data).problems;

/** The attempt's copy, owned by the caller. */
const attemptOf = (a: z.infer<typeof attemptSchema>): ExamAttempt => ({ ...a });

/** A backup file's text, read and checked: its content, or every problem found (up to ten). */
export function readBackup(
  text: string,
): { ok: true; backup: BackupContent; exportedAt: string } | { ok: false; problems: string[] } {
  const tooBig = sizeProblem(text.length);
  if (tooBig !== null) return { ok: false, problems: [tooBig] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        `is not valid JSON, so it may have been cut short or changed (${reasonOf(error)})`,
      ],
    };
  }
  const { file, problems } = examine(data);
  if (file === null) return { ok: false, problems };
  const cards: ReviewCards = {};
  for (const card of Object.values(file.review.cards)) {
    cards[reviewKey(card.bankId, card.itemId)] = card satisfies ReviewCard;
  }
  return {
    ok: true,
    exportedAt: file.exportedAt,
    backup: {
      answers: file.answers.map(({ attemptId, ...answer }) =>
        attemptId === undefined ? answer : { ...answer, attemptId },
      ),
      exams: {
        current: file.exams.current === null ? null : attemptOf(file.exams.current),
        past: file.exams.past.map(attemptOf),
      },
      review: { cards },
      settings: { examDate: file.settings.examDate },
    },
  };
}

/** Which exam in progress an import keeps when this device and the file each have a different one. */
export type ExamInProgressChoice = 'keep-here' | 'take-file';

/** The attempts in progress here and in the file, leaving out any either has submitted. */
function openAttempts(here: BackupContent, file: BackupContent) {
  const submitted = new Set([...here.exams.past, ...file.exams.past].map((a) => a.id));
  const open = (a: ExamAttempt | null) => (a !== null && !submitted.has(a.id) ? a : null);
  return { here: open(here.exams.current), file: open(file.exams.current) };
}

/**
 * The two exams in progress when this device and the file each have one and they differ: the
 * import must then ask which to keep. Null when there is nothing to ask.
 */
export function examInProgressConflict(
  here: BackupContent,
  file: BackupContent,
): { here: ExamAttempt; file: ExamAttempt } | null {
  const open = openAttempts(here, file);
  return open.here !== null && open.file !== null && !sameAttempt(open.here, open.file)
    ? { here: open.here, file: open.file }
    : null;
}

/** What an import did, for telling the student. */
export interface ImportReport {
  answersAdded: number;
  answersAlreadyHere: number;
  attemptsAdded: number;
  attemptsAlreadyHere: number;
  /**
   * The exam in progress: `added` from the file (there was none here), `kept` here over the
   * file's, `replaced` by the file's as the student chose, or `none` to tell.
   */
  examInProgress: 'none' | 'added' | 'kept' | 'replaced';
  /** Whether the exam in progress here had been submitted on the other device. */
  submittedElsewhere: boolean;
  /** The exam date: `added` from the file, `kept` here over a different one in the file. */
  examDate: 'unchanged' | 'added' | 'kept';
}

/**
 * This device's progress with a backup's merged in. Nothing here is removed or counted twice:
 * answers are the union by identity (answerIdentity), submitted attempts the union by id; the
 * file's exam in progress is taken only if there is none here, or if the student chose it; the
 * exam date here stands; the review cards of items with new answers are worked out again from
 * every answer to them, and the file's cards for items unknown here are added.
 */
export function mergeBackup(
  here: BackupContent,
  file: BackupContent,
  choice: ExamInProgressChoice = 'keep-here',
): { merged: BackupContent; report: ImportReport } {
  const answers = mergeAnswers(here.answers, file.answers);
  const { past, added } = mergePastAttempts(here.exams.past, file.exams.past);
  const open = openAttempts(here, file);
  let current = open.here;
  let examInProgress: ImportReport['examInProgress'] = 'none';
  if (open.file !== null && open.here === null) {
    current = open.file;
    examInProgress = 'added';
  } else if (open.file !== null && open.here !== null && !sameAttempt(open.here, open.file)) {
    current = choice === 'take-file' ? open.file : open.here;
    examInProgress = choice === 'take-file' ? 'replaced' : 'kept';
  }

  const cards: ReviewCards = { ...here.review.cards };
  for (const card of Object.values(file.review.cards)) {
    const key = reviewKey(card.bankId, card.itemId);
    if (!Object.hasOwn(cards, key)) cards[key] = card;
  }
  const touched = new Set(answers.added.map((a) => reviewKey(a.bankId, a.itemId)));

  const hereDate = here.settings.examDate;
  const fileDate = file.settings.examDate;
  return {
    merged: {
      answers: answers.answers,
      exams: { current, past },
      review: { cards: rescheduleKeys(cards, answers.answers, touched) },
      settings: { examDate: hereDate ?? fileDate },
    },
    report: {
      answersAdded: answers.added.length,
      answersAlreadyHere: answers.alreadyHere,
      attemptsAdded: added.length,
      attemptsAlreadyHere: file.exams.past.length - added.length,
      examInProgress,
      submittedElsewhere: here.exams.current !== null && open.here === null,
      examDate:
        hereDate === null
          ? fileDate === null
            ? 'unchanged'
            : 'added'
          : fileDate !== null && fileDate !== hereDate
            ? 'kept'
            : 'unchanged',
    },
  };
}
