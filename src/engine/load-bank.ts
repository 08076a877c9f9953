import type { Bank, Item } from './bank-schema';
import { reasonOf } from './reason';
import { buildTopicTree, type TopicTree } from './topic-tree';
import type { BankFile } from './validate-bank';

/** One file of a bank, before it is read. */
export interface BankFileSource {
  path: string;
  /** Where the file is fetched from, when it is: a worker can then read it itself. */
  url?: string;
  read: () => Promise<string>;
}

/** Where a bank's files come from: fetched in the app, read from disk in tests and scripts. */
export interface BankSource {
  id: string;
  files: BankFileSource[];
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

/** A bank's files read and validated: the bank when it has no fault, and every fault as a line. */
export interface CheckedBank {
  bank: Bank | null;
  faults: string[];
}

/** Reads and validates a bank somewhere: in this thread by default, in a worker in the app. */
export type CheckBank = (source: BankSource) => Promise<CheckedBank>;

/** Reads every file of a bank, in path order; a file that cannot be read is a fault naming it. */
export async function readBankFiles(
  sources: readonly BankFileSource[],
): Promise<{ files: BankFile[]; faults: string[] }> {
  const faults: string[] = [];
  const files: BankFile[] = [];
  await Promise.all(
    sources.map(async (file) => {
      try {
        files.push({ path: file.path, text: await file.read() });
      } catch (error) {
        faults.push(`${file.path}: could not be read (${reasonOf(error)})`);
      }
    }),
  );
  // Code-unit order, not localeCompare: the first localeCompare builds a collator, which costs a
  // phone tens of milliseconds, and the order of paths needs no language.
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, faults };
}

/**
 * Reads and validates in this thread, in slices (src/engine/validate-in-slices.ts). The validator
 * and its schema library load only here, so a page whose banks a worker checks never loads them.
 */
const checkHere: CheckBank = async (source) => {
  const read = await readBankFiles(source.files);
  const { validateInSlices } = await import('./validate-in-slices');
  const validation = await validateInSlices(read.files);
  return { bank: validation.bank, faults: [...read.faults, ...validation.faults] };
};

/**
 * Reads and validates one bank with the same rules as `npm run validate`. A file that cannot be
 * read, or any fault, yields an error naming what is wrong; it never throws. When `check` fails
 * (a worker that cannot start), the bank is checked in this thread instead, in slices.
 */
export async function loadBank(
  source: BankSource,
  check: CheckBank = checkHere,
): Promise<BankLoad> {
  const { bank, faults } = await check(source).catch(() => checkHere(source));
  if (bank === null || faults.length > 0) return { status: 'error', id: source.id, faults };
  return { status: 'ready', bank: indexBank(bank) };
}
