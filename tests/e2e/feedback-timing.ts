/**
 * How long a practice answer takes to show its feedback, measured in the page with the Performance
 * API: from the click's `timeStamp` (when the browser received it) to the end of its handling, with
 * the feedback in the DOM (processing), and to the frame that paints it (painted: the first task
 * after the next animation frame). The click's Event Timing entry, when there is one, is kept too.
 * Shared by the browser test (tests/e2e/feedback-timing.test.ts) and `npm run bench:feedback`.
 */
import type { Page } from 'playwright-core';

/** One click on an answer. */
export interface FeedbackTiming {
  /** Click received to handlers done and the feedback rendered into the DOM, in ms. */
  processing: number;
  /** Click received to the frame with the feedback painted, in ms. */
  painted: number;
  /**
   * The browser's own figures for the click (Event Timing): `processingEnd - startTime` and
   * `duration` (to the next paint, in 8 ms steps); null when under Event Timing's 16 ms minimum.
   */
  eventTiming: { processing: number; duration: number } | null;
}

declare global {
  interface Window {
    /** Set by `armClick`: resolves with the timings of the next click on the page. */
    nextClickTiming?: Promise<FeedbackTiming | { error: string }>;
  }
}

/** Listens for the next click: capture on window sees it first, bubble on window last. */
const armClick = (page: Page) =>
  page.evaluate(() => {
    window.nextClickTiming = new Promise((resolve) => {
      let received = 0;
      const events: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => events.push(...list.getEntries()));
      // durationThreshold is missing from TypeScript's DOM types; 16 ms is its minimum.
      observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      window.addEventListener('click', (event) => (received = event.timeStamp), {
        capture: true,
        once: true,
      });
      // React handles the click on its root and renders in a microtask before this runs.
      window.addEventListener(
        'click',
        () => {
          const processed = performance.now();
          if (document.getElementById('feedback-heading') === null) {
            resolve({ error: 'the feedback was not rendered by the end of the click' });
            return;
          }
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const painted = performance.now();
              // Event Timing entries arrive after the frame is presented.
              setTimeout(() => {
                observer.takeRecords().forEach((entry) => events.push(entry));
                observer.disconnect();
                const click = events.find(
                  (e): e is PerformanceEventTiming =>
                    e.name === 'click' && Math.abs(e.startTime - received) < 1,
                );
                resolve({
                  processing: processed - received,
                  painted: painted - received,
                  eventTiming:
                    click === undefined
                      ? null
                      : {
                          processing: click.processingEnd - click.startTime,
                          duration: click.duration,
                        },
                });
              }, 50);
            };
            channel.port2.postMessage(null);
          });
        },
        { once: true },
      );
    });
  });

/**
 * Answers `count` practice questions by clicking their first option, from a question on screen
 * (see `startPractice`), and returns the timing of each click. Moves on with "Next question".
 */
export async function measureClickToFeedback(page: Page, count: number): Promise<FeedbackTiming[]> {
  const timings: FeedbackTiming[] = [];
  for (let n = 0; n < count; n++) {
    const answers = page.getByRole('group', { name: 'Answers' }).getByRole('button');
    await answers.first().waitFor();
    await armClick(page);
    await answers.first().click();
    const timing = await page.evaluate(() => window.nextClickTiming);
    if (timing === undefined || 'error' in timing) throw new Error(timing?.error ?? 'no timing');
    await page.getByRole('heading', { level: 2, name: /^(✓ Correct|✗ Incorrect)/ }).waitFor();
    timings.push(timing);
    if (n < count - 1) await page.getByRole('button', { name: 'Next question' }).click();
  }
  return timings;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
