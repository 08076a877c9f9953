import type { Bank, Item } from './bank-schema';
import { reasonOf } from './reason';
import { buildTopicTree, type TopicTree } from './topic-tree';
import type { BankFile } from './validate-bank';

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

/** A bank's files validated: the bank when it has no fault, and every fault as a line. */
export interface CheckedBank {
  bank: Bank | null;
  faults: string[];
}

/** Validates a bank's files somewhere: in this thread by default, in a worker in the app. */
export type ValidateFiles = (files: readonly BankFile[]) => Promise<CheckedBank>;

/**
 * Validates in this thread, in slices (src/engine/validate-in-slices.ts). The validator and its
 * schema library load only here, so a page whose banks a worker validates never loads them.
 */
const validateHere: ValidateFiles = async (files) =>
  (await import('./validate-in-slices')).validateInSlices(files);

/**
 * Reads and validates one bank with the same rules as `npm run validate`. A file that cannot be
 * read, or any fault, yields an error naming what is wrong; it never throws. When `validate` fails
 * (a worker that cannot start), the bank is validated in this thread instead, in slices.
 */
export async function loadBank(
  source: BankSource,
  validate: ValidateFiles = validateHere,
): Promise<BankLoad> {
  const faults: string[] = [];
  const files: BankFile[] = [];
  await Promise.all(
    source.files.map(async (file) => {
      try {
        files.push({ path: file.path, text: await file.read() });
      } catch (error) {
        faults.push(`${file.path}: could not be read (${reasonOf(error)})`);
      }
    }),
  );
  files.sort((a, b) => a.path.localeCompare(b.path));
  const validation = await validate(files).catch(() => validateHere(files));
  faults.push(...validation.faults);
  if (validation.bank === null || faults.length > 0)
    return { status: 'error', id: source.id, faults };
  return { status: 'ready', bank: indexBank(validation.bank) };
}
