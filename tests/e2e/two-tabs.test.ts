import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { examHeading, navigatorButton, startMockExam } from './exam-helpers';
import { answerFirstOption, startPractice, useApp } from './helpers';

/** What the home page says about the answers this tab knows of, reached without a reload. */
async function answeredOnHome(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  return (await page.getByText(/^You have answered \d+ questions?/).textContent()) ?? '';
}

/** Brings a tab to the front, as a student switching to it does (a tab behind is throttled). */
async function inFront(page: Page): Promise<Page> {
  await page.bringToFront();
  return page;
}

const openElsewhere = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'This exam is open in another tab' });

describe('two tabs of the app in one browser', () => {
  const app = useApp();

  it('keeps the answers given in either tab, not just the last tab’s to save', async () => {
    const context = await app.newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    // Both tabs open before either answers, so neither has the other's answers in memory.
    for (const page of [first, second]) {
      await page.goto('/practice?bank=itil-2011-foundation');
      await startPractice(page, 'Service Operation');
    }
    await answerFirstOption(await inFront(first));
    await answerFirstOption(await inFront(second));
    await (await inFront(first)).getByRole('button', { name: 'Next question' }).click();
    await answerFirstOption(first);

    expect(await answeredOnHome(first)).toMatch(/^You have answered 3 questions/);
    expect(await answeredOnHome(await inFront(second))).toMatch(/^You have answered 3 questions/);
    const third = await context.newPage();
    await third.goto('/');
    await third.getByText(/^You have answered 3 questions/).waitFor();
  });

  it('lets one tab at a time answer an exam, and hands it over when asked', async () => {
    const context = await app.newContext();
    const first = await context.newPage();
    await first.goto('/exam');
    await startMockExam(first, 'No time limit');
    await first.keyboard.press('1');
    await navigatorButton(first, 1)
      .and(first.getByRole('button', { name: /answered/ }))
      .waitFor();

    // A second tab opening the exam is told where it is, and accepts no answers.
    const second = await context.newPage();
    await second.goto('/exam/take');
    await openElsewhere(second).waitFor();
    await second.keyboard.press('2');
    expect(await second.getByRole('radio').count()).toBe(0);

    // It takes the exam over; the first tab stops accepting answers at once.
    await inFront(second);
    await second.getByRole('button', { name: 'Take it over here' }).click();
    await examHeading(second, 1).waitFor();
    await openElsewhere(first).waitFor();
    expect(await first.getByRole('radio').count()).toBe(0);
    await second.getByRole('button', { name: 'Next', exact: true }).click();
    await examHeading(second, 2).waitFor();
    await second.keyboard.press('3');
    await navigatorButton(second, 2)
      .and(second.getByRole('button', { name: /answered/ }))
      .waitFor();

    // The first tab takes it back where the second left it, with the answer given there.
    await inFront(first);
    await first.getByRole('button', { name: 'Take it over here' }).click();
    await examHeading(first, 2).waitFor();
    await navigatorButton(first, 2)
      .and(first.getByRole('button', { name: /answered/ }))
      .waitFor();
    await openElsewhere(second).waitFor();

    // Closing the tab that holds the exam lets the other carry on without asking.
    await first.close({ runBeforeUnload: true });
    await inFront(second);
    await examHeading(second, 2).waitFor();
    await second.keyboard.press('4');
    expect(
      await second
        .getByRole('navigation', { name: 'Question navigator' })
        .getByRole('button', { name: /, answered/ })
        .count(),
    ).toBe(2);
  });
});
