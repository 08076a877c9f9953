import type { CheckedBank } from './load-bank';
import { checkedBank, validateBankInSteps, type BankFile } from './validate-bank';

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
