// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerIdentity, type AnswerRecord } from '../answers';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFileName,
  backupProblems,
  createBackup,
  examInProgressConflict,
  MAX_BACKUP_BYTES,
  mergeBackup,
  readBackup,
  sizeProblem,
  type BackupContent,
} from '../backup';
import type { ExamAttempt } from '../exam';
import { applyAnswers, reviewKey } from '../review-schedule';

const at = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;

const answer = (
  itemId: string,
  minutes: number,
  extra: Partial<AnswerRecord> = {},
): AnswerRecord => ({
  bankId: 'itil-2011-foundation',
  itemId,
  choice: 'b',
  correct: false,
  ms: 12_000,
  mode: 'practice',
  at: at + minutes * MINUTE,
  ...extra,
});

const attempt = (id: string, minutes: number, extra: Partial<ExamAttempt> = {}): ExamAttempt => ({
  id,
  kind: 'mock',
  bankId: 'itil-2011-foundation',
  seed: 12345,
  itemIds: ['so-1', 'so-2', 'st-1'],
  optionOrders: { 'so-1': ['c', 'a', 'b', 'd'], 'so-2': ['a', 'b', 'c'], 'st-1': ['b', 'a', 'c'] },
  timing: 'standard',
  startedAt: at + minutes * MINUTE,
  deadline: at + (minutes + 60) * MINUTE,
  responses: { 'so-1': 'a', 'st-1': 'c' },
  flagged: ['so-2'],
  current: 2,
  timeOnItem: { 'so-1': 40_000, 'so-2': 3_000, 'st-1': 21_500 },
  submittedAt: at + (minutes + 30) * MINUTE,
  submittedBy: 'student',
  ...extra,
});

const inProgress = (id: string, minutes: number) =>
  attempt(id, minutes, { submittedAt: null, submittedBy: null, responses: { 'so-1': 'd' } });

/** Progress as a device holds it: answers of every kind, exams, the review queue, a date. */
function device(answers: AnswerRecord[], exams: BackupContent['exams'], examDate: string | null) {
  return {
    answers,
    exams,
    review: { cards: applyAnswers({}, answers) },
    settings: { examDate },
  } satisfies BackupContent;
}

const laptop = device(
  [
    answer('so-1', 0),
    answer('so-2', 1, { choice: 'a', correct: true, ms: 9_000 }),
    answer('st-1', 2, { mode: 'review', choice: 'c', correct: true }),
    ...['so-1', 'so-2', 'st-1'].map((itemId, n) =>
      answer(itemId, 90, {
        mode: 'exam',
        choice: n === 1 ? null : 'a',
        correct: n === 0,
        attemptId: 'exam-1',
      }),
    ),
  ],
  { current: inProgress('exam-2', 200), past: [attempt('exam-1', 60)] },
  '2026-12-14',
);

const text = (content: BackupContent) => JSON.stringify(createBackup(content, at));
/** The laptop's backup with the value at `path` set to `value`, as text. */
function tampered(path: (string | number)[], value: unknown): string {
  const file = JSON.parse(text(laptop)) as Record<string | number, unknown>;
  let target = file;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1) as string | number] = value;
  return JSON.stringify(file);
}

describe('backup file', () => {
  it('holds every kind of progress, with its format name and version, and reads back the same', () => {
    const file = JSON.parse(text(laptop)) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'exportedAt',
      'answers',
      'exams',
      'review',
      'settings',
    ]);
    const read = readBackup(text(laptop));
    expect(read).toEqual({ ok: true, exportedAt: '2026-11-23T09:00:00.000Z', backup: laptop });
  });

  it('is named by the local date', () => {
    expect(backupFileName(new Date(2026, 10, 23, 23, 59).getTime())).toBe(
      'itil-practice-backup-2026-11-23.json',
    );
    expect(backupFileName(new Date(2027, 0, 5, 0, 1).getTime())).toBe(
      'itil-practice-backup-2027-01-05.json',
    );
  });

  it('reads back any history the app can hold', () => {
    const answerArbitrary = fc.record(
      {
        bankId: fc.constantFrom('itil-2011-foundation', 'mini'),
        itemId: fc.string({ minLength: 1, maxLength: 12 }),
        choice: fc.constantFrom(null, 'a', 'b', 'c', 'd', 'e'),
        correct: fc.boolean(),
        ms: fc.integer({ min: -60_000, max: 7_200_000 }),
        mode: fc.constantFrom('practice', 'exam', 'review'),
        at: fc.integer({ min: 0, max: Date.UTC(2199, 0, 1) }),
        attemptId: fc.string({ minLength: 1, maxLength: 12 }),
      },
      { requiredKeys: ['bankId', 'itemId', 'choice', 'correct', 'ms', 'mode', 'at'] },
    ) as fc.Arbitrary<AnswerRecord>;
    fc.assert(
      fc.property(fc.array(answerArbitrary, { maxLength: 30 }), (answers) => {
        const content = device(answers, { current: null, past: [] }, null);
        const read = readBackup(text(content));
        expect(read.ok && read.backup.answers).toEqual(answers);
      }),
    );
  });
});

describe('readBackup refuses a file that is not a sound backup, saying what is wrong', () => {
  it.each([
    ['an empty file', '', 'is empty'],
    [
      'a file cut short',
      text(laptop).slice(0, 200),
      /^is not valid JSON, so it may have been cut short or changed \(/,
    ],
    ['a list', '[1, 2]', 'is not a backup from this app: it holds a list, not a backup'],
    [
      'another app’s file',
      JSON.stringify({ format: 'something-else', answers: [] }),
      'is not a backup from this app: its format is string "something-else", not "itil-practice-backup"',
    ],
    [
      'a file with no format',
      JSON.stringify({ answers: [] }),
      'is not a backup from this app: it has no "format": "itil-practice-backup"',
    ],
    [
      'a newer version',
      tampered(['version'], 2),
      'was made by a newer version of this app (backup version 2): update this app, then import it again',
    ],
    [
      'a wrong type',
      tampered(['answers', 1, 'correct'], 'yes'),
      'answers[1].correct must be a boolean, not string "yes"',
    ],
    [
      'an absurd time',
      tampered(['answers', 0, 'at'], 1e300),
      'answers[0].at must be a time between 1970 and 2200, not 1e+300',
    ],
    [
      'an infinite number',
      text(laptop).replace(`"ms":9000`, `"ms":1e400`),
      'answers[1].ms must be a number, not number Infinity',
    ],
    [
      'a negative position',
      tampered(['exams', 'current', 'current'], -1),
      'exams.current.current must be a whole number from 0 to 1,000, not -1',
    ],
    [
      'too many questions',
      tampered(
        ['exams', 'past', 0, 'itemIds'],
        Array.from({ length: 1001 }, (_, n) => `q${n}`),
      ),
      'exams.past[0].itemIds must have at most 1,000 entries, not 1,001',
    ],
    [
      'an unknown mode',
      tampered(['answers', 2, 'mode'], 'cheat'),
      'answers[2].mode must be one of "practice", "exam", "review", not string "cheat"',
    ],
    [
      'a field the format does not have',
      tampered(['settings', 'theme'], 'dark'),
      'settings unknown field "theme"',
    ],
    [
      'an impossible exam date',
      tampered(['settings', 'examDate'], '2026-02-30'),
      'settings.examDate must be a date such as "2026-12-14"',
    ],
    [
      'a "__proto__" field',
      text(laptop).replace('"responses":{', '"responses":{"__proto__":{"polluted":true},'),
      'exams.current.responses has a field named "__proto__", which no backup has',
    ],
    [
      'a "constructor" field',
      text(laptop).replace('{"format"', '{"constructor":{"prototype":{}},"format"'),
      'the file has a field named "constructor", which no backup has',
    ],
    [
      'values nested absurdly deep',
      tampered(['settings', 'examDate'], JSON.parse('[[[[[[[[[[[["x"]]]]]]]]]]]]')),
      'settings.examDate[0][0][0][0][0][0][0][0] is nested deeper than anything in a backup',
    ],
    [
      'a list nested absurdly deep, as a whole file',
      '[[[[[[[[[[[[]]]]]]]]]]]]',
      'is not a backup from this app: it holds a list, not a backup',
    ],
    [
      'a "__proto__" field under a name with a line break, named on one line',
      text(laptop).replace('"responses":{', '"responses":{"a\\nb":{"__proto__":{}},'),
      'exams.current.responses["a\\nb"] has a field named "__proto__", which no backup has',
    ],
    [
      'a file not JSON across several lines, told on one',
      '{\n  "format": x\n}',
      /^is not valid JSON, so it may have been cut short or changed \([^\n]+\)$/,
    ],
    [
      // zod gathers a list's problems with one spread call, which overflowed the stack here.
      'a list of 150,000 wrong answers',
      tampered(
        ['answers'],
        Array.from({ length: 150_000 }, () => 1),
      ),
      'answers[0] must be an object, not number 1',
    ],
  ])('%s', (_case, file, problem) => {
    const read = readBackup(file);
    expect(read.ok).toBe(false);
    const problems = read.ok ? [] : read.problems;
    if (typeof problem === 'string') expect(problems).toContain(problem);
    else expect(problems.some((p) => problem.test(p))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('tells a problem once when two checks of the field fail in the same words', () => {
    const read = readBackup(
      tampered(['exportedAt'], 'long ago, in the days before this app'.repeat(2)),
    );
    expect(read.ok ? [] : read.problems).toEqual(['exportedAt must be a date and time']);
  });

  it('lists at most ten problems', () => {
    const file = tampered(
      ['answers'],
      Array.from({ length: 30 }, () => ({ bankId: 3 })),
    );
    const read = readBackup(file);
    expect(read.ok ? [] : read.problems).toHaveLength(10);
  });

  it('refuses a file too big to be a backup before reading it', () => {
    expect(sizeProblem(MAX_BACKUP_BYTES)).toBeNull();
    expect(sizeProblem(21 * 1024 * 1024)).toBe(
      'is 21.0 MB, and a backup from this app is never more than 20 MB, so it is not one',
    );
    expect(sizeProblem(0)).toBe('is empty');
  });

  it('finds nothing wrong with a backup the app made', () => {
    expect(backupProblems(JSON.parse(text(laptop)))).toEqual([]);
  });
});

describe('mergeBackup', () => {
  // The phone: one of the laptop's answers (imported before), two of its own, the submitted
  // exam-1 and a different exam in progress.
  const phone = device(
    [
      laptop.answers[1] as AnswerRecord,
      answer('p-1', 30, { correct: true }),
      answer('so-1', 500, { choice: 'c' }),
    ],
    { current: inProgress('exam-9', 400), past: [attempt('exam-1', 60), attempt('exam-3', 300)] },
    null,
  );

  it('adds the answers not here, woven in by time, and never one twice', () => {
    const { merged, report } = mergeBackup(phone, laptop);
    expect(report).toMatchObject({ answersAdded: 5, answersAlreadyHere: 1 });
    expect(merged.answers.map((a) => [a.itemId, (a.at - at) / MINUTE])).toEqual([
      ['so-1', 0],
      ['so-2', 1],
      ['st-1', 2],
      ['p-1', 30],
      ['so-1', 90],
      ['so-2', 90],
      ['st-1', 90],
      ['so-1', 500],
    ]);
    const identities = merged.answers.map(answerIdentity);
    expect(new Set(identities).size).toBe(identities.length);

    // Importing the same file again adds nothing.
    const again = mergeBackup(merged, laptop);
    expect(again.report).toMatchObject({ answersAdded: 0, answersAlreadyHere: 6 });
    expect(again.merged.answers).toBe(merged.answers);
  });

  it('gives the same answers whichever device imports the other', () => {
    const ids = (content: BackupContent) => new Set(content.answers.map(answerIdentity));
    expect(ids(mergeBackup(phone, laptop).merged)).toEqual(ids(mergeBackup(laptop, phone).merged));
  });

  it('keeps the union of submitted attempts by id, in submission order', () => {
    const { merged, report } = mergeBackup(laptop, phone);
    expect(merged.exams.past.map((a) => a.id)).toEqual(['exam-1', 'exam-3']);
    expect(report).toMatchObject({ attemptsAdded: 1, attemptsAlreadyHere: 1 });
  });

  it('asks before replacing an exam in progress here, and keeps it unless told otherwise', () => {
    expect(examInProgressConflict(phone, laptop)).toEqual({
      here: phone.exams.current,
      file: laptop.exams.current,
    });
    const kept = mergeBackup(phone, laptop);
    expect(kept.merged.exams.current).toBe(phone.exams.current);
    expect(kept.report.examInProgress).toBe('kept');
    const replaced = mergeBackup(phone, laptop, 'take-file');
    expect(replaced.merged.exams.current).toBe(laptop.exams.current);
    expect(replaced.report.examInProgress).toBe('replaced');
  });

  it.each([
    [
      'takes the file’s exam in progress when there is none here',
      { current: null, past: [] },
      'added',
      'exam-2',
    ],
    [
      'has nothing to ask when both hold the same attempt',
      { current: inProgress('exam-2', 200), past: [] },
      'none',
      'exam-2',
    ],
    [
      'drops an exam in progress here that the other device submitted',
      { current: inProgress('exam-1', 60), past: [] },
      'added',
      'exam-2',
    ],
  ] as const)('%s', (_case, exams, examInProgress, currentId) => {
    const here = device([], { current: exams.current, past: [...exams.past] }, null);
    expect(examInProgressConflict(here, laptop)).toBeNull();
    const { merged, report } = mergeBackup(here, laptop);
    expect(report.examInProgress).toBe(examInProgress);
    expect(report.submittedElsewhere).toBe(exams.current?.id === 'exam-1');
    expect(merged.exams.current?.id).toBe(currentId);
  });

  it('works the review cards of items with new answers out again from all their answers', () => {
    const { merged } = mergeBackup(phone, laptop);
    expect(merged.review.cards).toEqual(applyAnswers({}, merged.answers));
    // An item the new answers do not touch keeps its card as it was.
    const untouched = mergeBackup(phone, device([], { current: null, past: [] }, null));
    expect(untouched.merged.review.cards[reviewKey('itil-2011-foundation', 'so-1')]).toBe(
      phone.review.cards[reviewKey('itil-2011-foundation', 'so-1')],
    );
  });

  it('adds the file’s cards for items unknown here', () => {
    const orphan = applyAnswers({}, [answer('gone-1', 5)]);
    const file = { ...device([], { current: null, past: [] }, null), review: { cards: orphan } };
    expect(mergeBackup(phone, file).merged.review.cards).toMatchObject(orphan);
  });

  it.each([
    [null, '2026-12-14', '2026-12-14', 'added'],
    ['2026-12-01', '2026-12-14', '2026-12-01', 'kept'],
    ['2026-12-01', null, '2026-12-01', 'unchanged'],
    ['2026-12-01', '2026-12-01', '2026-12-01', 'unchanged'],
  ] as const)('exam date here %s, in the file %s: %s (%s)', (here, file, result, examDate) => {
    const { merged, report } = mergeBackup(
      device([], { current: null, past: [] }, here),
      device([], { current: null, past: [] }, file),
    );
    expect(merged.settings.examDate).toBe(result);
    expect(report.examDate).toBe(examDate);
  });
});
