import type { CheckedBank } from './load-bank';
import { checkedBank, validateBankInSteps, type BankFile } from './validate-bank';
import { yieldToEventLoop } from './yield-to-event-loop';

/** The longest the validation runs before it lets the browser handle input and paint. */
const SLICE_MS = 8;

/**
 * `validateBank` in slices of at most about SLICE_MS, yielding in between: validating a whole
 * bank at once takes 80 ms on a laptop and several times that on a phone, long enough to freeze a
 * page that is already on screen. Slices are timed, so a fast machine hardly ever yields.
 */
export async function validateInSlices(files: readonly BankFile[]): Promise<CheckedBank> {
  const steps = validateBankInSteps(files);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return checkedBank(step.value);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
