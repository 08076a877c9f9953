import type { BankManifest, Item } from '../bank-schema';
import type { BankFile } from '../validate-bank';

/** A small, valid bank: two stages, one with two processes, and one weighted concept. */
export const manifest: BankManifest = {
  id: 'mini',
  title: 'Mini bank',
  syllabus: 'ITIL 2011 Foundation',
  exam: { questionCount: 4, minutes: 6, passMark: 3, extraTimeFactor: 1.25 },
  topics: [
    { id: 'so', title: 'Service Operation', kind: 'stage', weight: 0.5 },
    { id: 'incident', title: 'Incident management', kind: 'process', parent: 'so' },
    { id: 'problem', title: 'Problem management', kind: 'process', parent: 'so' },
    { id: 'st', title: 'Service Transition', kind: 'stage', weight: 0.25 },
    { id: 'roles', title: 'Roles', kind: 'concept', weight: 0.25 },
  ],
};

/** A valid item with the given id and primary topic. */
export function makeItem(id: string, topic: string, overrides: Partial<Item> = {}): Item {
  return {
    id,
    topics: [topic],
    stem: `Which statement about ${id} is right?`,
    options: [
      { id: 'a', text: 'The first choice' },
      { id: 'b', text: 'The second choice' },
      { id: 'c', text: 'The third choice' },
      { id: 'd', text: 'The fourth choice' },
    ],
    answer: 'b',
    explanation: 'Because the second choice is what the syllabus says.',
    rationale: { a: 'Wrong because one.', c: 'Wrong because three.', d: 'Wrong because four.' },
    difficulty: 2,
    ...overrides,
  };
}

export const items: Item[] = [
  makeItem('i-1', 'incident'),
  makeItem('i-2', 'incident'),
  makeItem('p-1', 'problem'),
  makeItem('so-1', 'so'),
  makeItem('st-1', 'st'),
  makeItem('st-2', 'st'),
  makeItem('r-1', 'roles'),
];

/** The fixture bank as files, the way the validator and the loader receive them. */
export function bankFiles(
  itemsByFile: Record<string, unknown> = { 'q/mini/items.json': { items } },
): BankFile[] {
  return [
    { path: 'q/mini/bank.json', text: JSON.stringify(manifest) },
    ...Object.entries(itemsByFile).map(([path, data]) => ({
      path,
      text: typeof data === 'string' ? data : JSON.stringify(data),
    })),
  ];
}
