/**
 * A worker that validates a bank's files, so that the page stays responsive while a megabyte of
 * questions is checked (src/app/validate-in-worker.ts starts it).
 */
import type { CheckedBank } from '../engine/load-bank';
import { formatFault, validateBank, type BankFile } from '../engine/validate-bank';

export interface BankWorkerRequest {
  files: readonly BankFile[];
}

export interface BankWorkerResponse {
  checked: CheckedBank;
}

self.addEventListener('message', (event: MessageEvent<BankWorkerRequest>) => {
  const { bank, faults } = validateBank(event.data.files);
  const response: BankWorkerResponse = { checked: { bank, faults: faults.map(formatFault) } };
  self.postMessage(response);
});
