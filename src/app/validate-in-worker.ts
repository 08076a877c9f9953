import type { ValidateFiles } from '../engine/load-bank';
import type { BankWorkerRequest, BankWorkerResponse } from './bank-worker';

/**
 * Validates a bank's files in a worker of its own, ended once it has answered. Rejects when the
 * worker cannot start or fails, and `loadBank` then validates in the page instead.
 */
export const validateInWorker: ValidateFiles = (files) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bank-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<BankWorkerResponse>) => {
      worker.terminate();
      resolve(event.data.checked);
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
