// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatFault, validateBank } from '../validate-bank';
import { bankFiles, items, makeItem, manifest } from './fixtures';

const lines = (files: Parameters<typeof validateBank>[0]) =>
  validateBank(files).faults.map(formatFault);

describe('validateBank', () => {
  it('accepts a valid bank and returns its items in file order', () => {
    const { bank, faults } = validateBank(bankFiles());
    expect(faults).toEqual([]);
    expect(bank?.manifest.id).toBe('mini');
    expect(bank?.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it.each([
    [
      'an answer that is not an option',
      { items: [makeItem('x-1', 'so', { answer: 'e' })] },
      'q/mini/items.json: item x-1: answer "e" is not an option (a, b, c, d)',
    ],
    [
      'a missing explanation',
      { items: [{ ...makeItem('x-1', 'so'), explanation: undefined }] },
      'q/mini/items.json: item x-1: explanation is missing',
    ],
    [
      'an empty explanation',
      { items: [makeItem('x-1', 'so', { explanation: '   ' })] },
      'q/mini/items.json: item x-1: explanation is missing or empty',
    ],
    [
      'an unknown topic',
      { items: [makeItem('x-1', 'nowhere')] },
      'q/mini/items.json: item x-1: topics[0] "nowhere" is not a topic of this bank',
    ],
    [
      'a missing rationale for a wrong option',
      { items: [makeItem('x-1', 'so', { rationale: { a: 'No.', c: 'No.' } })] },
      'q/mini/items.json: item x-1: rationale has no entry for wrong option "d"',
    ],
    [
      'a rationale for the key',
      {
        items: [makeItem('x-1', 'so', { rationale: { a: 'No.', b: 'Yes?', c: 'No.', d: 'No.' } })],
      },
      'q/mini/items.json: item x-1: rationale has an entry for "b", which is the answer',
    ],
    [
      'a difficulty out of range',
      { items: [{ ...makeItem('x-1', 'so'), difficulty: 4 }] },
      'q/mini/items.json: item x-1: difficulty has an invalid value number 4',
    ],
    [
      'an unknown field',
      { items: [{ ...makeItem('x-1', 'so'), answr: 'b' }] },
      'q/mini/items.json: item x-1: unknown field "answr"',
    ],
    [
      'too few options',
      {
        items: [
          makeItem('x-1', 'so', {
            options: [
              { id: 'a', text: 'One' },
              { id: 'b', text: 'Two' },
            ],
            rationale: { a: 'No.' },
          }),
        ],
      },
      'q/mini/items.json: item x-1: options must have 3 to 5 options',
    ],
    [
      'an item without an id',
      { items: [{ ...makeItem('x-1', 'so'), id: undefined }] },
      'q/mini/items.json: item #1: id is missing',
    ],
    [
      'an item that is not an object',
      { items: ['x'] },
      'q/mini/items.json: item #1: must be an object, not string "x"',
    ],
    [
      'a missing difficulty',
      { items: [{ ...makeItem('x-1', 'so'), difficulty: undefined }] },
      'q/mini/items.json: item x-1: difficulty is missing',
    ],
    [
      'an answer with a line break, quoted on one line',
      { items: [makeItem('x-1', 'so', { answer: 'b\nc' })] },
      'q/mini/items.json: item x-1: answer "b\\nc" is not an option (a, b, c, d)',
    ],
    [
      'an id of blanks, by its place',
      { items: [{ ...makeItem('x-1', 'so'), id: '   ' }] },
      'q/mini/items.json: item #1: id must be lower-case letters, digits and hyphens',
    ],
    [
      // zod gathers a list's issues with one spread call, which overflowed the stack here.
      'a list of 150,000 wrong topics',
      { items: [{ ...makeItem('x-1', 'so'), topics: Array.from({ length: 150_000 }, () => 1) }] },
      'q/mini/items.json: item x-1: topics[0] must be a string, not number 1',
    ],
    ['a file that is not valid JSON', '{ "items": [', 'q/mini/items.json: is not valid JSON'],
    ['a file without items', { questions: [] }, 'q/mini/items.json: items is missing'],
  ])('reports %s with file, item and field', (_case, data, expected) => {
    const found = lines(bankFiles({ 'q/mini/items.json': data }));
    expect(found.some((line) => line.startsWith(expected))).toBe(true);
  });

  it.each([
    ['in a rationale', '"rationale":{', 'item x-1: rationale unknown field "__proto__"'],
    ['in an item', '"id":"x-1",', 'item x-1: unknown field "__proto__"'],
    ['in an option', '"options":[{', 'item x-1: options[0] unknown field "__proto__"'],
  ])(
    'reports a "__proto__" key %s, which the schema would drop without a word',
    (_case, before, expected) => {
      const item = JSON.stringify(makeItem('x-1', 'so')).replace(
        before,
        `${before}"__proto__":{"polluted":true},`,
      );
      const found = lines(bankFiles({ 'q/mini/items.json': `{"items":[${item}]}` }));
      expect(found).toEqual([`q/mini/items.json: ${expected}`]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('reports a "__proto__" key in the manifest and around the items', () => {
    const files = bankFiles({
      'q/mini/items.json': `{"__proto__":{},"items":${JSON.stringify(items)}}`,
    });
    const manifestFile = files[0] as { path: string; text: string };
    manifestFile.text = manifestFile.text.replace('"topics":[{', '"topics":[{"__proto__":{},');
    expect(lines(files)).toEqual([
      'q/mini/bank.json: topics[0] unknown field "__proto__"',
      'q/mini/items.json: unknown field "__proto__"',
    ]);
  });

  it('reports a file that is not JSON on one line, though the JSON error quotes several', () => {
    const found = lines(bankFiles({ 'q/mini/items.json': '{\n  "items": [\n    x\n  ]\n}' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^q\/mini\/items\.json: is not valid JSON: [^\n]+$/);
  });

  it.each([
    [
      'a number below its least',
      { exam: { ...manifest.exam, minutes: 0 } },
      'exam.minutes must be at least 1, not 0',
    ],
    [
      'a weight of 0',
      { topics: [{ ...manifest.topics[0], weight: 0 }, ...manifest.topics.slice(1)] },
      'topics[0].weight must be more than 0, not 0',
    ],
    [
      'a missing kind',
      { topics: [{ id: 'so', title: 'Service Operation', weight: 1 }] },
      'topics[0].kind is missing: it must be one of "stage", "function", "process", "concept"',
    ],
    ['a list for a title, and nothing more', { title: [] }, 'title must be a string, not a list'],
  ])('reports %s in the manifest in words, once', (_case, change, expected) => {
    const found = lines([
      { path: 'q/mini/bank.json', text: JSON.stringify({ ...manifest, ...change }) },
      { path: 'q/mini/a.json', text: JSON.stringify({ items }) },
    ]);
    expect(found).toEqual([`q/mini/bank.json: ${expected}`]);
  });

  it('reports a duplicate id across files, naming both', () => {
    const found = lines(
      bankFiles({
        'q/mini/a.json': { items: [makeItem('x-1', 'so')] },
        'q/mini/b.json': { items: [makeItem('x-1', 'st', { stem: 'Another question?' })] },
      }),
    );
    expect(found).toEqual(['q/mini/b.json: item x-1: id is also used in q/mini/a.json']);
  });

  it('reports a duplicate stem after normalising case and punctuation', () => {
    const found = lines(
      bankFiles({
        'q/mini/a.json': {
          items: [
            makeItem('x-1', 'so', { stem: 'What is an incident?' }),
            makeItem('x-2', 'so', { stem: 'what is an  INCIDENT' }),
          ],
        },
      }),
    );
    expect(found).toEqual([
      "q/mini/a.json: item x-2: stem is the same as item x-1's (q/mini/a.json)",
    ]);
  });

  it('lists every fault, not only the first, and returns no bank', () => {
    const result = validateBank(
      bankFiles({
        'q/mini/a.json': {
          items: [
            makeItem('x-1', 'so', { answer: 'z' }),
            makeItem('x-2', 'nowhere', { stem: 'Other?' }),
          ],
        },
        'q/mini/b.json': 'not json',
      }),
    );
    expect(result.bank).toBeNull();
    expect(result.faults).toHaveLength(3);
  });

  it('checks the manifest: weights, parents and the pass mark', () => {
    const broken = {
      ...manifest,
      exam: { ...manifest.exam, passMark: 9 },
      topics: [
        { id: 'so', title: 'Service Operation', kind: 'stage', weight: 0.5 },
        {
          id: 'incident',
          title: 'Incident management',
          kind: 'process',
          parent: 'so',
          weight: 0.2,
        },
        { id: 'orphan', title: 'Orphan', kind: 'process', parent: 'missing' },
      ],
    };
    const found = lines([
      { path: 'q/mini/bank.json', text: JSON.stringify(broken) },
      { path: 'q/mini/a.json', text: JSON.stringify({ items: [makeItem('x-1', 'so')] }) },
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        'q/mini/bank.json: topics weights add up to 0.700, not 1',
        'q/mini/bank.json: topics[2].parent "missing" is not a topic',
        'q/mini/bank.json: topics[1].weight is set on "incident" and on its ancestor "so"; weights must not nest',
        'q/mini/bank.json: exam.passMark 9 is more than exam.questionCount 4',
      ]),
    );
  });

  it('reports a bank without a manifest', () => {
    expect(lines([{ path: 'q/mini/a.json', text: JSON.stringify({ items }) }])).toEqual([
      'q/mini/a.json: the bank has no bank.json',
    ]);
  });
});
