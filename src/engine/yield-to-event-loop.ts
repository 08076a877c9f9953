/**
 * Lets everything already waiting for the main thread run first (input, paint, rendering), and
 * carries on in a task of its own of ordinary priority: `scheduler.postTask` where there is one,
 * which unlike `setTimeout` is not held back 4 ms after a few rounds. Not `scheduler.yield()`: its
 * continuation jumps the queue, so work already waiting would wait for the rest of this work.
 */
export function yieldToEventLoop(): Promise<void> {
  const { scheduler } = globalThis as {
    scheduler?: { postTask?: (callback: () => void) => Promise<void> };
  };
  return typeof scheduler?.postTask === 'function'
    ? scheduler.postTask(() => undefined)
    : new Promise((resolve) => setTimeout(resolve, 0));
}
