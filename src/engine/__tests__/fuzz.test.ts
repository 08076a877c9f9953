// @vitest-environment node
/**
 * Fuzzing: the validator, the bank loader, the backup importer and the history decoder fed
 * thousands of generated values and mutations of real data (the shipped bank, backups the app
 * made, histories it saved). None may throw; every refusal must say, on one line, where and what.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { answerIdentity, type AnswerRecord } from '../answers';
import { createBackup, mergeBackup, readBackup, type BackupContent } from '../backup';
import { bankManifestSchema, itemSchema } from '../bank-schema';
import type { ExamAttempt } from '../exam';
import { HistoryPacker, packHistory } from '../history-codec';
import { loadBank } from '../load-bank';
import { fieldName } from '../schema-issues';
import { applyAnswers } from '../review-schedule';
import { formatFault, validateBank, type BankFault, type BankFile } from '../validate-bank';

/** Generated inputs per property; the figures add up to the total reported at the end. */
const RUNS = {
  itemFields: 1500,
  itemText: 1000,
  manifest: 500,
  wrongAnswer: 300,
  bankHuge: 10,
  loader: 500,
  backupValues: 1500,
  backupFields: 1500,
  backupForbiddenKeys: 500,
  backupHuge: 20,
  history: 1500,
};
/** Each property runs in a second or two; shrinking a failure to its smallest case takes longer. */
const TIMEOUT = 60_000;
let inputsRun = 0;
/** fc.assert with a number of runs, counted once the property holds for all of them. */
function check<T>(property: fc.IProperty<T>, numRuns: number) {
  fc.assert(property, { numRuns });
  inputsRun += numRuns;
}
async function checkAsync<T>(property: fc.IAsyncProperty<T>, numRuns: number) {
  await fc.assert(property, { numRuns });
  inputsRun += numRuns;
}
afterAll(() => console.log(`fuzz: ${inputsRun} generated and mutated inputs, none crashed`));

// After each property, nothing its inputs held may have reached Object.prototype.
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

type Path = (string | number)[];
type Json = Record<string | number, unknown>;

/** Every place in a JSON value, the value itself first. */
function placesIn(value: unknown, path: Path = []): Path[] {
  const places = [path];
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      places.push(...placesIn(inner, [...path, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return places;
}

const at = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((value, key) => (value as Json)[key], root);

/** Marks a field to delete rather than replace. */
const DELETE = Symbol('delete');

/** The root with the value at `path` replaced (as an own property, even `__proto__`) or deleted. */
function changed(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = at(root, path.slice(0, -1)) as Json;
  const key = path.at(-1) as string | number;
  if (value !== DELETE) {
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else if (Array.isArray(parent)) {
    parent.splice(key as number, 1);
  } else {
    Reflect.deleteProperty(parent, key);
  }
  return root;
}

/** A change of one place: replaced or deleted, or a new field added to an object there. */
interface FieldChange {
  place: number;
  newKey: string | null;
  value: unknown;
}

/** Applies a change to a copy of the value; returns the copy and the path changed. */
function applyChange(original: unknown, change: FieldChange): { value: unknown; path: Path } {
  const copy = structuredClone(original);
  const places = placesIn(copy);
  const place = places[change.place % places.length] as Path;
  const target = at(copy, place);
  const isRecord = typeof target === 'object' && target !== null && !Array.isArray(target);
  const path = change.newKey !== null && isRecord ? [...place, change.newKey] : place;
  return { value: changed(copy, path, change.value), path };
}

const markup = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '"; DROP TABLE items; --',
  '\u0000\u202e\r\n\t\\"',
);
/** What a hand-edited or hostile file might hold anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary' }),
  fc.tuple(markup, fc.string()).map(([tag, text]) => `${tag}${text}`),
  fc
    .tuple(fc.integer({ min: 1000, max: 200_000 }), fc.constantFrom('a', ' ', '\n', '"', 'é'))
    .map(([length, char]) => char.repeat(length)),
  fc.constantFrom(
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
  ),
  fc
    .integer({ min: 2, max: 3000 })
    .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown),
  fc
    .integer({ min: 10, max: 2000 })
    .map((width) => Object.fromEntries(Array.from({ length: width }, (_, n) => [`k${n}`, n]))),
  fc.constant(DELETE),
);
const fieldChange: fc.Arbitrary<FieldChange> = fc.record({
  place: fc.nat(),
  newKey: fc.option(
    fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'answr'), fc.string()),
    { freq: 3 },
  ),
  value: hostileValue,
});

/** A change to a file's text: cut short, or one character replaced, inserted or removed. */
interface TextChange {
  kind: 'truncate' | 'replace' | 'insert' | 'remove';
  position: number;
  char: string;
}
const textChange: fc.Arbitrary<TextChange> = fc.record({
  kind: fc.constantFrom('truncate', 'replace', 'insert', 'remove'),
  position: fc.nat(),
  char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
});
function changedText(text: string, { kind, position, char }: TextChange) {
  const trimmed = text.trimEnd();
  const i = position % trimmed.length;
  if (kind === 'truncate') return trimmed.slice(0, i);
  if (kind === 'insert') return trimmed.slice(0, i) + char + trimmed.slice(i);
  return trimmed.slice(0, i) + (kind === 'replace' ? char : '') + trimmed.slice(i + 1);
}

/** The longest fault or problem line: enough for a path, an item id and a quoted value. */
const LONGEST_LINE = 300;

/** A message with quoted values blanked, so their contents cannot pass for wording. */
const wording = (message: string) => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');

/** One line, not long, in words (no leaked `undefined`, `[object Object]` or schema jargon). */
function expectReadable(line: string) {
  expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(line.length).toBeLessThanOrEqual(LONGEST_LINE);
  expect(wording(line)).not.toMatch(/undefined|\[object|Invalid|received|NaN/);
}

/** How a message about a whole file or item may begin when it names no field. */
const ABOUT_THE_WHOLE = /^(unknown fields? "|must be an? |is not valid JSON: |the bank has no )/;
const ITEM_FIELDS = Object.keys(itemSchema.shape);
const FILE_FIELDS = [...Object.keys(bankManifestSchema.shape), 'items'];

/** A fault that names its file, its item when it has one, and the field. */
function expectClearFault(fault: BankFault, files: readonly BankFile[]) {
  expect(files.map((f) => f.path)).toContain(fault.file);
  expect(fault.message).not.toBe('');
  expectReadable(formatFault(fault));
  const field = /^[\w$]+/.exec(fault.message)?.[0] ?? '';
  const fields = fault.item === undefined ? FILE_FIELDS : ITEM_FIELDS;
  if (!fields.includes(field)) expect(fault.message).toMatch(ABOUT_THE_WHOLE);
}

// The shipped bank, read as `npm run validate` reads it.
const BANK = 'questions/itil-2011-foundation';
const bankDir = fileURLToPath(new URL(`../../../${BANK}/`, import.meta.url));
const bankFiles: BankFile[] = readdirSync(bankDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ path: `${BANK}/${name}`, text: readFileSync(`${bankDir}${name}`, 'utf8') }));
const manifestFile = bankFiles.find((f) => f.path.endsWith('/bank.json')) as BankFile;
const itemFiles = bankFiles.filter((f) => f !== manifestFile);
const itemData = itemFiles.map((f) => JSON.parse(f.text) as { items: Json[] });
/** The manifest and one items file: validating the whole bank for each input would take minutes. */
const withItems = (index: number, text = itemFiles[index]?.text ?? '') => [
  manifestFile,
  { path: itemFiles[index]?.path ?? '', text },
];

/** How many items a changed item is validated among: enough to repeat an id or stem, and quick. */
const NEIGHBOURS = 8;

/** An items file of the changed item and its neighbours, and the item's place in it. */
function changedItemFile(fileIndex: number, itemIndex: number, change: FieldChange) {
  const file = itemData[fileIndex % itemData.length] as { items: Json[] };
  const chosen = itemIndex % file.items.length;
  const first = Math.max(0, chosen - NEIGHBOURS / 2);
  const items = file.items.slice(first, first + NEIGHBOURS);
  const index = chosen - first;
  const { value, path } = applyChange(items[index], change);
  if (value === DELETE) items.splice(index, 1);
  else items[index] = value as Json;
  return {
    files: withItems(fileIndex % itemData.length, JSON.stringify({ items })),
    index,
    value,
    path,
  };
}

describe(
  'the bank validator, on the shipped bank changed thousands of ways',
  { timeout: TIMEOUT },
  () => {
    it('property: a changed field is valid, or every fault names the file, the item and the field', () => {
      check(
        fc.property(fc.nat(), fc.nat(), fieldChange, (fileIndex, itemIndex, change) => {
          const { files, index, value, path } = changedItemFile(fileIndex, itemIndex, change);
          const { bank, faults } = validateBank(files);
          expect(bank === null).toBe(faults.length > 0);
          const id = (value as Json | null)?.id;
          // An item is named by its id when that is a short one-line string, else by its place.
          const label = typeof id === 'string' && /^\S{1,60}$/.test(id) ? id : `#${index + 1}`;
          for (const fault of faults) {
            expectClearFault(fault, files);
            expect(fault.file).toBe(files[1]?.path);
            if (value !== DELETE || path.length > 0) expect(fault.item).toBe(label);
          }
        }),
        RUNS.itemFields,
      );
    });

    it('property: a file cut short or with a character changed gives faults about that file only', () => {
      check(
        fc.property(fc.nat(), textChange, (fileIndex, change) => {
          const index = fileIndex % itemFiles.length;
          const files = withItems(index, changedText(itemFiles[index]?.text ?? '', change));
          const { bank, faults } = validateBank(files);
          expect(bank === null).toBe(faults.length > 0);
          for (const fault of faults) {
            expectClearFault(fault, files);
            expect(fault.file).toBe(files[1]?.path);
          }
          // A file of one JSON object cut anywhere before its end is not JSON, and says so alone.
          if (change.kind === 'truncate') {
            expect(faults).toHaveLength(1);
            expect(faults[0]?.message).toMatch(/^is not valid JSON: /);
          }
        }),
        RUNS.itemText,
      );
    });

    it('property: a changed manifest is valid, or every fault is clear and names its file', () => {
      const manifest = JSON.parse(manifestFile.text) as unknown;
      check(
        fc.property(fieldChange, fc.nat(), (change, fileIndex) => {
          const { value } = applyChange(manifest, change);
          const text = value === DELETE ? '' : (JSON.stringify(value) ?? '');
          const files = [
            { path: manifestFile.path, text },
            ...withItems(fileIndex % itemFiles.length).slice(1),
          ];
          const { bank, faults } = validateBank(files);
          expect(bank === null).toBe(faults.length > 0);
          for (const fault of faults) expectClearFault(fault, files);
        }),
        RUNS.manifest,
      );
    });

    it('property: an answer that is not an option is always reported, in the documented words', () => {
      check(
        fc.property(
          fc.nat(),
          fc.nat(),
          fc.constantFrom('e', 'f', 'z', 'A', 'B', '1', 'ab', ' b'),
          (fileIndex, itemIndex, answer) => {
            const file = itemData[fileIndex % itemData.length] as { items: Json[] };
            const item = file.items[itemIndex % file.items.length] as Json;
            const options = (item.options as { id: string }[]).map((o) => o.id);
            fc.pre(!options.includes(answer));
            const { files } = changedItemFile(fileIndex, itemIndex, {
              place: placesIn(item).findIndex((p) => p.length === 1 && p[0] === 'answer'),
              newKey: null,
              value: answer,
            });
            const lines = validateBank(files).faults.map(formatFault);
            expect(lines).toContain(
              `${files[1]?.path}: item ${String(item.id)}: answer "${answer}" is not an option (${options.join(', ')})`,
            );
          },
        ),
        RUNS.wrongAnswer,
      );
    });

    it('property: a list of 150,000 wrong values anywhere in an item is refused, not thrown on', () => {
      check(
        fc.property(fc.nat(), fc.nat(), fc.nat(), (fileIndex, itemIndex, place) => {
          const huge = Array.from({ length: 150_000 }, () => 1);
          const { files } = changedItemFile(fileIndex, itemIndex, {
            place,
            newKey: null,
            value: huge,
          });
          const { bank, faults } = validateBank(files);
          expect(bank).toBeNull();
          for (const fault of faults) expectClearFault(fault, files);
        }),
        RUNS.bankHuge,
      );
    });
  },
);

describe(
  'loading a bank in the app, from files changed or unreadable',
  { timeout: TIMEOUT },
  () => {
    const fileText = fc.oneof(
      fc
        .tuple(fc.nat(), fc.nat(), fieldChange)
        .map(([f, i, change]) => changedItemFile(f, i, change).files[1]?.text ?? ''),
      fc
        .tuple(fc.nat(), textChange)
        .map(([f, change]) => changedText(itemFiles[f % itemFiles.length]?.text ?? '', change)),
      hostileValue.map((value) => (value === DELETE ? '' : (JSON.stringify(value) ?? ''))),
      fc.string({ unit: 'binary' }),
    );
    const readFailure = fc.option(
      fc.oneof(
        fc.string().map((message) => new Error(message)),
        fc.string(),
        fc.jsonValue(),
      ),
      { freq: 5 },
    );

    it('property: never throws; says what `npm run validate` says, or that a file could not be read', async () => {
      await checkAsync(
        fc.asyncProperty(fc.nat(), fileText, readFailure, async (fileIndex, text, failure) => {
          const files = withItems(fileIndex % itemFiles.length, text);
          const load = await loadBank({
            id: 'itil-2011-foundation',
            files: files.map((file, n) => ({
              path: file.path,
              read: () =>
                n === 1 && failure !== null ? Promise.reject(failure) : Promise.resolve(file.text),
            })),
          });
          if (failure !== null) {
            expect(load.status).toBe('error');
            if (load.status !== 'error') return;
            expect(load.faults[0]?.startsWith(`${files[1]?.path}: could not be read (`)).toBe(true);
            expect(load.faults.slice(1)).toEqual(
              validateBank(files.slice(0, 1)).faults.map(formatFault),
            );
            return;
          }
          const { bank, faults } = validateBank(files);
          expect(load.status).toBe(bank === null ? 'error' : 'ready');
          if (load.status === 'error') {
            expect(load.faults).toEqual(faults.map(formatFault));
            for (const fault of faults) expectClearFault(fault, files);
          }
        }),
        RUNS.loader,
      );
    });
  },
);

// Backups, made by the module's own createBackup from generated progress.
const answerArbitrary = fc
  .record({
    bankId: fc.constantFrom('itil-2011-foundation', 'mini'),
    itemId: fc.constantFrom('so-1', 'so-2', 'st-1', 'sd-7'),
    choice: fc.constantFrom(null, 'a', 'b', 'c', 'd', 'e'),
    correct: fc.boolean(),
    ms: fc.integer({ min: 0, max: 600_000 }),
    mode: fc.constantFrom('practice' as const, 'exam' as const, 'review' as const),
    at: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
    attemptId: fc.option(fc.constantFrom('exam-1', 'exam-2'), { nil: undefined }),
  })
  .map(({ attemptId, ...rest }): AnswerRecord =>
    attemptId === undefined ? rest : { ...rest, attemptId },
  );
const attemptArbitrary = fc
  .record({
    id: fc.constantFrom('exam-1', 'exam-2', 'exam-3'),
    startedAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
    answered: fc.subarray(['so-1', 'so-2', 'st-1']),
    submitted: fc.boolean(),
  })
  .map(({ id, startedAt, answered, submitted }): ExamAttempt => ({
    id,
    kind: 'mock',
    bankId: 'itil-2011-foundation',
    seed: 12345,
    itemIds: ['so-1', 'so-2', 'st-1'],
    optionOrders: {
      'so-1': ['c', 'a', 'b', 'd'],
      'so-2': ['a', 'b', 'c'],
      'st-1': ['b', 'a', 'c'],
    },
    timing: 'standard',
    startedAt,
    deadline: startedAt + 3_600_000,
    responses: Object.fromEntries(answered.map((itemId) => [itemId, 'a'])),
    flagged: answered.slice(0, 1),
    current: answered.length,
    timeOnItem: Object.fromEntries(answered.map((itemId) => [itemId, 20_000])),
    submittedAt: submitted ? startedAt + 1_800_000 : null,
    submittedBy: submitted ? 'student' : null,
  }));
const progressArbitrary: fc.Arbitrary<BackupContent> = fc
  .record({
    answers: fc.array(answerArbitrary, { maxLength: 12 }),
    current: fc.option(attemptArbitrary, { nil: null }),
    past: fc.uniqueArray(attemptArbitrary, { maxLength: 2, selector: (a) => a.id }),
    examDate: fc.option(fc.constantFrom('2026-12-14', '2027-01-05'), { nil: null }),
  })
  .map(({ answers, current, past, examDate }) => ({
    answers: [...answers].sort((a, b) => a.at - b.at),
    exams: {
      current,
      past: past.map((a) => ({
        ...a,
        submittedAt: a.startedAt + 1,
        submittedBy: 'student' as const,
      })),
    },
    review: { cards: applyAnswers({}, answers) },
    settings: { examDate },
  }));
const NOW = Date.UTC(2026, 10, 23, 9);
const BACKUP_FIELDS = ['format', 'version', 'exportedAt', 'answers', 'exams', 'review', 'settings'];

/** How a problem about the whole file may begin: it names no field. */
const ABOUT_THE_WHOLE_BACKUP =
  /^(is empty$|is not a backup from this app: |is not valid JSON, |was made by a newer version |unknown fields? "|the file )/;
/** The scan for hostile fields names the place it found one, known field or not. */
const HOSTILE_PLACE = /^\S+ (has a field named "|is nested deeper than anything in a backup$)/;

/** Problems that each say, on one line, which field is wrong, or that the file is not a backup. */
function expectClearProblems(problems: string[]) {
  expect(problems.length).toBeGreaterThan(0);
  expect(new Set(problems).size).toBe(problems.length);
  for (const problem of problems) {
    expectReadable(problem);
    const field = /^[\w$]+/.exec(problem)?.[0] ?? '';
    if (!BACKUP_FIELDS.includes(field) && !HOSTILE_PLACE.test(problem)) {
      expect(problem).toMatch(ABOUT_THE_WHOLE_BACKUP);
    }
  }
}

/**
 * Imports the text as the Your data page does: read it, then merge it into what is here. A refused
 * file changes nothing; an accepted one keeps every answer here, and neither changes `here` itself.
 */
function importInto(here: BackupContent, text: string) {
  const before = structuredClone(here);
  const read = readBackup(text);
  if (read.ok) {
    const { merged } = mergeBackup(here, read.backup);
    const kept = new Set(merged.answers.map(answerIdentity));
    expect(here.answers.filter((answer) => !kept.has(answerIdentity(answer)))).toEqual([]);
  } else {
    expectClearProblems(read.problems);
  }
  expect(here).toEqual(before);
  return read;
}

describe('the backup importer, on values and changed backups', { timeout: TIMEOUT }, () => {
  it('property: any JSON value or text at all is imported or refused clearly, never thrown on', () => {
    check(
      fc.property(
        progressArbitrary,
        fc.oneof(
          hostileValue.map((value) => (value === DELETE ? '' : (JSON.stringify(value) ?? ''))),
          fc.anything().map((value) => JSON.stringify(value) ?? ''),
          fc.string({ unit: 'binary' }),
        ),
        (here, text) => {
          importInto(here, text);
        },
      ),
      RUNS.backupValues,
    );
  });

  it('property: a backup with one field changed, or its text damaged, is imported or refused clearly', () => {
    check(
      fc.property(
        progressArbitrary,
        progressArbitrary,
        fc.oneof(
          fieldChange.map((change) => ({ change })),
          textChange.map((text) => ({ text })),
        ),
        (here, there, mutation) => {
          const backup = createBackup(there, NOW);
          let text: string;
          if ('text' in mutation) {
            text = changedText(JSON.stringify(backup), mutation.text);
          } else {
            const { value } = applyChange(backup, mutation.change);
            text = value === DELETE ? '' : (JSON.stringify(value) ?? '');
          }
          importInto(here, text);
        },
      ),
      RUNS.backupFields,
    );
  });

  it('property: a field named __proto__, constructor or prototype anywhere is refused, by its place', () => {
    check(
      fc.property(
        progressArbitrary,
        fc.nat(),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.jsonValue({ maxDepth: 2 }),
        (here, place, key, value) => {
          const backup = createBackup(here, NOW);
          const places = placesIn(backup);
          const objects = places.flatMap((p, n) => {
            const target = at(backup, p);
            return typeof target === 'object' && target !== null && !Array.isArray(target)
              ? [n]
              : [];
          });
          const chosen = objects[place % objects.length] as number;
          const path = places[chosen] as Path;
          const { value: hostile } = applyChange(backup, { place: chosen, newKey: key, value });
          const read = importInto(here, JSON.stringify(hostile));
          expect(read.ok).toBe(false);
          if (read.ok) return;
          const where = path.length === 0 ? 'the file' : fieldName(path);
          expect(read.problems).toContain(
            `${where} has a field named "${key}", which no backup has`,
          );
        },
      ),
      RUNS.backupForbiddenKeys,
    );
  });

  it('property: huge lists and deep nesting are refused quickly and clearly', () => {
    check(
      fc.property(
        progressArbitrary,
        fc.constantFrom('answers', 'exams', 'review'),
        fc.oneof(
          fc
            .integer({ min: 130_000, max: 200_000 })
            .map((length) => Array.from({ length }, () => 1)),
          fc
            .integer({ min: 11, max: 100_000 })
            .map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
        ),
        (here, field, content) => {
          const text = JSON.stringify(createBackup(here, NOW)).replace(
            new RegExp(`"${field}":`),
            `"${field}":${typeof content === 'string' ? content : JSON.stringify(content)},"x":`,
          );
          const started = performance.now();
          const read = importInto(here, text);
          expect(read.ok).toBe(false);
          expect(performance.now() - started).toBeLessThan(2000);
        },
      ),
      RUNS.backupHuge,
    );
  });
});

describe('the saved answer history, damaged', { timeout: TIMEOUT }, () => {
  const historyArbitrary = fc.array(answerArbitrary, { maxLength: 40 });
  /** An answer without its time: times after a lost row cannot be chained, the rest can. */
  const untimed = ({ at: _at, ...rest }: AnswerRecord) => JSON.stringify(rest);
  const wellFormed = (a: AnswerRecord) =>
    typeof a.bankId === 'string' &&
    typeof a.itemId === 'string' &&
    (a.choice === null || typeof a.choice === 'string') &&
    typeof a.correct === 'boolean' &&
    Number.isFinite(a.at) &&
    Number.isFinite(a.ms) &&
    ['practice', 'exam', 'review'].includes(a.mode);

  it('property: decoding never throws, keeps every row it can read, and saves them again losslessly', () => {
    check(
      fc.property(
        historyArbitrary,
        fc.array(
          fc.record({
            row: fc.nat(),
            damage: fc.oneof(
              hostileValue.map((value) => ({ value })),
              textChange.map((text) => ({ text })),
            ),
          }),
          { maxLength: 4 },
        ),
        fc.option(fieldChange, { freq: 4 }),
        (answers, damages, tableChange) => {
          let saved = JSON.parse(JSON.stringify(packHistory(answers))) as unknown;
          if (tableChange !== null) saved = applyChange(saved, tableChange).value;
          const rows = (saved as { answers?: unknown } | null)?.answers;
          const damaged = new Set<number>();
          for (const { row, damage } of Array.isArray(rows) && rows.length > 0 ? damages : []) {
            const list = rows as unknown[];
            const index = row % list.length;
            const old = list[index];
            if ('text' in damage) {
              if (typeof old === 'string' && old !== '')
                list[index] = changedText(old, damage.text);
            } else {
              list[index] = damage.value === DELETE ? null : damage.value;
            }
            damaged.add(index);
          }
          const { answers: restored, packer } = HistoryPacker.restore(
            saved === DELETE ? undefined : saved,
          );

          expect(restored.filter((answer) => !wellFormed(answer))).toEqual([]);
          const again = JSON.parse(JSON.stringify(packer.packed())) as unknown;
          expect(HistoryPacker.restore(again).answers).toEqual(restored);

          if (tableChange !== null) return;
          // Every row left alone is read back, in order; up to the first damage, exactly.
          const intact = answers.filter((_, n) => !damaged.has(n));
          const firstDamage = Math.min(answers.length, ...damaged);
          expect(restored.slice(0, firstDamage)).toEqual(answers.slice(0, firstDamage));
          const read = restored.map(untimed);
          let from = 0;
          const lost = intact.filter((answer) => {
            from = read.indexOf(untimed(answer), from) + 1;
            return from === 0;
          });
          expect(lost).toEqual([]);
        },
      ),
      RUNS.history,
    );
  });
});
