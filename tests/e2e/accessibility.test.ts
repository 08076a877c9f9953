import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerQuestion, examHeading, readBank, startMockExam } from './exam-helpers';
import { answerFirstOption, finishPractice, startPractice, useApp, type App } from './helpers';

const { byStem } = readBank();
/** How many pages and states `visitEveryPage` checks. */
const STATES = 20;

/** axe's violations on the page as it is now, in a form that reads well when a test fails. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(' ')),
  }));
}

/** The page scrolls sideways: content wider than the viewport. */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/**
 * Visits every route of the app in each state a student meets it in, from a first visit with
 * nothing saved to a history with practice, a submitted mock exam and questions due for review,
 * and calls `check` with a name for each.
 */
async function visitEveryPage(
  context: BrowserContext,
  page: Page,
  check: (name: string) => Promise<void>,
) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Practise by topic' }).waitFor();
  await check('/');

  await page.goto('/progress');
  await page.getByRole('heading', { level: 2, name: 'Start here' }).waitFor();
  await check('/progress (nothing answered yet)');

  await page.goto('/practice');
  await page.getByRole('button', { name: 'Start practice' }).waitFor();
  await check('/practice');
  await startPractice(page, 'Service Operation');
  await check('/practice/session (question)');
  await answerFirstOption(page);
  await check('/practice/session (feedback)');
  await finishPractice(page);
  await check('/practice/summary');

  await page.goto('/exam');
  await page.getByRole('button', { name: 'Start the exam' }).waitFor();
  await check('/exam');
  await startMockExam(page, '60 minutes');
  await check('/exam/take (question 1)');
  for (let position = 1; position <= 4; position++) {
    await answerQuestion(page, byStem, position % 2 === 1);
    if (position === 2) await page.getByRole('button', { name: '⚐ Flag for review' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await examHeading(page, 5).waitFor();
  await check('/exam/take (answered, flagged and unanswered questions)');
  await page.goto('/exam');
  await page.getByRole('heading', { level: 2, name: 'You have an exam in progress' }).waitFor();
  await check('/exam (an exam in progress)');
  await page.getByRole('link', { name: 'Resume the exam' }).click();
  await examHeading(page, 5).waitFor();
  await page.getByRole('button', { name: 'Submit the exam…' }).click();
  await page.getByRole('alertdialog', { name: 'Submit your exam?' }).waitFor();
  await check('/exam/take (submit confirmation)');
  await page.getByRole('button', { name: 'Submit the exam', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mock exam results' }).waitFor();
  await check('/exam/results');
  await page.getByRole('link', { name: 'Review every question' }).click();
  await page.getByRole('heading', { level: 1, name: 'Review of your mock exam' }).waitFor();
  await check('/exam/review');
  await page.getByRole('radio', { name: /^Flagged/ }).check();
  await check('/exam/review (flagged only)');
  await page.goto('/exam/history');
  await page.getByRole('table', { name: 'Your mock exams, newest first' }).waitFor();
  await check('/exam/history');
  await page.goto('/exam');
  await page.getByRole('link', { name: 'Your past attempts (1)' }).waitFor();
  await page.getByRole('button', { name: 'Start the exam' }).waitFor();
  await check('/exam (after an attempt)');

  // Questions answered wrongly come back for review ten minutes later.
  await context.clock.fastForward('11:00');
  await page.goto('/review');
  await page.getByRole('heading', { level: 1, name: /^Review 1 of \d+$/ }).waitFor();
  await check('/review (a question due)');
  await answerFirstOption(page);
  await check('/review (feedback)');

  await page.goto('/progress');
  await page.getByRole('heading', { level: 2, name: 'Mastery' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Trend' }).waitFor();
  await check('/progress (with answers and a mock exam)');

  await page.goto('/no-such-page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await check('/no-such-page');
}

/** A fresh profile on a clock that can be moved forward, with the page to visit everything in. */
async function freshVisit(app: App, options: BrowserContextOptions) {
  const context = await app.newContext(options);
  await context.clock.install();
  return { context, page: await context.newPage() };
}

describe('accessibility', () => {
  const app = useApp();

  describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme', (colorScheme) => {
    it('finds no violation on any page, in any state', async () => {
      const { context, page } = await freshVisit(app, { colorScheme });
      const found: Record<string, unknown[]> = {};
      await visitEveryPage(context, page, async (name) => {
        found[name] = await violations(page);
      });
      expect(Object.keys(found)).toHaveLength(STATES);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
    });
  });

  describe.each([
    { name: 'a 360 px phone', viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 },
    {
      name: '200% zoom of a 1280 px window',
      viewport: { width: 640, height: 400 },
      deviceScaleFactor: 2,
    },
  ])('on $name', ({ viewport, deviceScaleFactor }) => {
    it('needs no sideways scrolling on any page', async () => {
      const { context, page } = await freshVisit(app, { viewport, deviceScaleFactor });
      const wide: string[] = [];
      let checked = 0;
      await visitEveryPage(context, page, async (name) => {
        checked += 1;
        if (await overflows(page)) wide.push(name);
      });
      expect(checked).toBe(STATES);
      expect(wide).toEqual([]);
    });
  });
});
