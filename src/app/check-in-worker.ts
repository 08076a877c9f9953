import type { Item } from '../engine/bank-schema';
import type { CheckBank } from '../engine/load-bank';
import type { BankWorkerMessage, BankWorkerRequest } from './bank-worker';

/**
 * Reads and validates a bank in a worker of its own, ended once it has answered: the page never
 * holds the files' text. Rejects when a file has no URL or the worker cannot start or fails, and
 * `loadBank` then checks the bank in the page instead.
 */
export const checkInWorker: CheckBank = (source) =>
  new Promise((resolve, reject) => {
    const files: BankWorkerRequest['files'] = [];
    for (const { path, url } of source.files) {
      if (url === undefined) {
        reject(new Error(`${path} has no URL for the bank worker to read`));
        return;
      }
      files.push({ path, url });
    }
    const worker = new Worker(new URL('./bank-worker.ts', import.meta.url), { type: 'module' });
    const items: Item[] = [];
    worker.addEventListener('message', (event: MessageEvent<BankWorkerMessage>) => {
      const message = event.data;
      if (!('end' in message)) {
        items.push(...message.items);
        return;
      }
      worker.terminate();
      if (message.end === 'failed') {
        reject(new Error(`the bank worker failed (${message.reason})`));
        return;
      }
      const { manifest, faults } = message;
      resolve({ bank: manifest === null ? null : { manifest, items }, faults });
    });
    const fail = () => {
      worker.terminate();
      reject(new Error('the bank worker failed'));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    const request: BankWorkerRequest = { files };
    worker.postMessage(request);
  });
