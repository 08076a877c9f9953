/**
 * A worker that validates a bank's files, so that the page stays responsive while a megabyte of
 * questions is checked (src/app/validate-in-worker.ts starts it).
 */
import type { CheckedBank } from '../engine/load-bank';
import { checkedBank, validateBank, type BankFile } from '../engine/validate-bank';

export interface BankWorkerRequest {
  files: readonly BankFile[];
}

export interface BankWorkerResponse {
  checked: CheckedBank;
}

self.addEventListener('message', (event: MessageEvent<BankWorkerRequest>) => {
  const response: BankWorkerResponse = { checked: checkedBank(validateBank(event.data.files)) };
  self.postMessage(response);
});
