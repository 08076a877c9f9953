/**
 * A worker that reads and validates a bank's files, so that the page stays responsive while a
 * megabyte of questions is fetched and checked (src/app/check-in-worker.ts starts it).
 */
import type { BankManifest, Item } from '../engine/bank-schema';
import { readBankFiles } from '../engine/load-bank';
import { reasonOf } from '../engine/reason';
import { checkedBank, validateBank } from '../engine/validate-bank';
import { fetchText } from './fetch-text';

export interface BankWorkerRequest {
  files: { path: string; url: string }[];
}

/**
 * The answer, in several messages: the items a slice at a time, then the end. The page unpacks
 * each message in a task of its own, and a megabyte in one message would be one long task.
 */
export type BankWorkerMessage =
  | { items: Item[] }
  | { end: 'checked'; manifest: BankManifest | null; faults: string[] }
  | { end: 'failed'; reason: string };

/** About 80 KB of questions: a message the page unpacks in well under a frame, even on a phone. */
const ITEMS_PER_MESSAGE = 50;

const post = (message: BankWorkerMessage) => self.postMessage(message);

async function check({ files }: BankWorkerRequest) {
  const read = await readBankFiles(
    files.map(({ path, url }) => ({ path, read: () => fetchText(url) })),
  );
  const { bank, faults } = checkedBank(validateBank(read.files));
  const items = bank?.items ?? [];
  for (let start = 0; start < items.length; start += ITEMS_PER_MESSAGE) {
    post({ items: items.slice(start, start + ITEMS_PER_MESSAGE) });
  }
  post({ end: 'checked', manifest: bank?.manifest ?? null, faults: [...read.faults, ...faults] });
}

self.addEventListener('message', (event: MessageEvent<BankWorkerRequest>) => {
  check(event.data).catch((error: unknown) => post({ end: 'failed', reason: reasonOf(error) }));
});
