import type { Bank, Item } from './bank-schema';
import { buildTopicTree, type TopicTree } from './topic-tree';
import {
  formatFault,
  validateBankInSteps,
  type BankFile,
  type BankValidation,
} from './validate-bank';

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

/** The longest the validation runs before it lets the browser handle input and paint. */
const SLICE_MS = 8;

/**
 * Lets everything already waiting for the main thread run first (input, paint, rendering the page
 * that is loading), as a task of ordinary priority: `scheduler.postTask` where there is one, which
 * unlike `setTimeout` is not held back 4 ms after a few rounds. Not `scheduler.yield()`: its
 * continuation jumps the queue, so the page's own rendering would wait for the whole bank.
 */
function yieldToEventLoop(): Promise<void> {
  const { scheduler } = globalThis as {
    scheduler?: { postTask?: (callback: () => void) => Promise<void> };
  };
  return typeof scheduler?.postTask === 'function'
    ? scheduler.postTask(() => undefined)
    : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `validateBank` in slices of at most about SLICE_MS, yielding in between: validating a whole
 * bank at once takes 80 ms on a laptop and several times that on a phone, long enough to freeze a
 * page that is already on screen. Slices are timed, so a fast machine hardly ever yields.
 */
async function validateWithoutBlocking(files: readonly BankFile[]): Promise<BankValidation> {
  const steps = validateBankInSteps(files);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
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
  const validation = await validateWithoutBlocking(files);
  faults.push(...validation.faults.map(formatFault));
  if (validation.bank === null || faults.length > 0)
    return { status: 'error', id: source.id, faults };
  return { status: 'ready', bank: indexBank(validation.bank) };
}
