import type { Bank, Item } from './bank-schema';
import { buildTopicTree, type TopicTree } from './topic-tree';
import { formatFault, validateBank, type BankFile } from './validate-bank';

/** Where a bank's files come from: fetched in the app, read from disk in tests and scripts. */
export interface BankSource {
  id: string;
  files: { path: string; read: () => Promise<string> }[];
}

/** A bank ready to use, with the lookups every feature needs built once. */
export interface LoadedBank extends Bank {
  tree: TopicTree;
  itemsById: ReadonlyMap<string, Item>;
}

export type BankLoad =
  { status: 'ready'; bank: LoadedBank } | { status: 'error'; id: string; faults: string[] };

/** Indexes a validated bank for use. */
export function indexBank(bank: Bank): LoadedBank {
  return {
    ...bank,
    tree: buildTopicTree(bank.manifest),
    itemsById: new Map(bank.items.map((i) => [i.id, i])),
  };
}

/**
 * Reads and validates one bank with the same rules as `npm run validate`. A file that cannot be
 * read, or any fault, yields an error naming what is wrong; it never throws.
 */
export async function loadBank(source: BankSource): Promise<BankLoad> {
  const faults: string[] = [];
  const files: BankFile[] = [];
  await Promise.all(
    source.files.map(async (file) => {
      try {
        files.push({ path: file.path, text: await file.read() });
      } catch (error) {
        faults.push(
          `${file.path}: could not be read (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }),
  );
  files.sort((a, b) => a.path.localeCompare(b.path));
  const validation = validateBank(files);
  faults.push(...validation.faults.map(formatFault));
  if (validation.bank === null || faults.length > 0)
    return { status: 'error', id: source.id, faults };
  return { status: 'ready', bank: indexBank(validation.bank) };
}
