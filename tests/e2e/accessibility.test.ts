import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerFirstOption, finishPractice, startPractice, useApp } from './helpers';

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

describe('accessibility', () => {
  const app = useApp();

  describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme', (colorScheme) => {
    it('finds no violation on home, practice setup, a question, its feedback and the summary', async () => {
      const page = await app.newPage({ colorScheme });
      const found: Record<string, unknown[]> = {};

      await page.goto('/');
      await page.getByRole('link', { name: 'Practise by topic' }).waitFor();
      found['/'] = await violations(page);

      await page.goto('/practice');
      await page.getByRole('button', { name: 'Start practice' }).waitFor();
      found['/practice'] = await violations(page);

      await startPractice(page, 'Service Operation');
      found['/practice/session (question)'] = await violations(page);
      await answerFirstOption(page);
      found['/practice/session (feedback)'] = await violations(page);

      await finishPractice(page);
      found['/practice/summary'] = await violations(page);

      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      found['/no-such-page'] = await violations(page);

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((route) => [route, []])));
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
    it('needs no sideways scrolling on home, practice setup and a question', async () => {
      const page = await app.newPage({ viewport, deviceScaleFactor });
      await page.goto('/');
      await page.getByRole('link', { name: 'Practise by topic' }).waitFor();
      expect(await overflows(page)).toBe(false);

      await page.goto('/practice');
      await page.getByRole('button', { name: 'Start practice' }).waitFor();
      expect(await overflows(page)).toBe(false);

      await startPractice(page, 'Service Operation');
      expect(await overflows(page)).toBe(false);
      await answerFirstOption(page);
      expect(await overflows(page)).toBe(false);
    });
  });
});
