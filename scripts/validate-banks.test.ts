// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bankJsonSchema } from '../src/engine/json-schema';

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real questions folder, with one fault put into one file. */
function copyWithFault(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bank-'));
  copies.push(dir);
  cpSync('questions', dir, { recursive: true });
  const path = join(dir, 'itil-2011-foundation', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return dir;
}

function validate(dir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-banks.ts', dir], {
    encoding: 'utf8',
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Edits the first item of an items file. */
const firstItem =
  (edit: (item: Record<string, unknown>) => void) =>
  (text: string): string => {
    const data = JSON.parse(text) as { items: Record<string, unknown>[] };
    const [item] = data.items;
    if (item) edit(item);
    return JSON.stringify(data, null, 2);
  };

const FILE = 'service-operation.json';
const firstId = (
  JSON.parse(readFileSync(`questions/itil-2011-foundation/${FILE}`, 'utf8')) as {
    items: { id: string }[];
  }
).items[0]?.id;

describe('npm run validate on a copy of the bank with one fault', () => {
  it('passes the real bank', () => {
    const result = validate('questions');
    expect(result.out).toMatch(/itil-2011-foundation: \d+ items in \d+ files, \d+ topics: valid/);
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'an answer that is not an option',
      firstItem((item) => (item.answer = 'e')),
      `${FILE}: item ${firstId}: answer "e" is not an option (a, b, c, d)`,
    ],
    [
      'a missing explanation',
      firstItem((item) => delete item.explanation),
      `${FILE}: item ${firstId}: explanation is missing`,
    ],
    [
      'an unknown topic',
      firstItem((item) => (item.topics = ['no-such-topic'])),
      `${FILE}: item ${firstId}: topics[0] "no-such-topic" is not a topic of this bank`,
    ],
    [
      'a duplicate item id',
      (text: string) => {
        const data = JSON.parse(text) as { items: { id: string }[] };
        const [first, second] = data.items;
        if (first && second) second.id = first.id;
        return JSON.stringify(data);
      },
      `${FILE}: item ${firstId}: id is also used in`,
    ],
    [
      'a file that is not valid JSON',
      (text: string) => text.slice(0, text.length / 2),
      `${FILE}: is not valid JSON`,
    ],
  ])('exits 1 and names file, item and field for %s', (_fault, change, expected) => {
    const result = validate(copyWithFault(FILE, change));
    expect(result.status).toBe(1);
    expect(result.out).toContain(expected);
  });

  it('lists every fault, not only the first', () => {
    const dir = copyWithFault(FILE, (text) => {
      const data = JSON.parse(text) as { items: Record<string, unknown>[] };
      const [first, second] = data.items;
      if (first && second) {
        first.difficulty = 7;
        delete first.stem;
        second.answer = 'z';
      }
      return JSON.stringify(data);
    });
    const lines = validate(dir)
      .out.split('\n')
      .filter((line) => line.includes(`${FILE}: item `));
    expect(lines).toHaveLength(3);
  });
});

describe('questions/schema.json', () => {
  it('is the schema generated from the engine (run `npm run schema` after changing the bank format)', () => {
    const onDisk = JSON.parse(readFileSync('questions/schema.json', 'utf8')) as unknown;
    expect(onDisk).toEqual(bankJsonSchema());
  });
});
