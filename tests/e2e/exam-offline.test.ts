import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  answerQuestion,
  examHeading,
  navigatorButton,
  readBank,
  startMockExam,
} from './exam-helpers';
import { useApp } from './helpers';

const { byStem } = readBank();

describe('a mock exam offline', () => {
  const app = useApp();

  it('after one visit, reloads with the network off, then starts, answers and submits an exam', async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'ITIL 2011 Foundation' }).waitFor();
    await page.getByText('Ready to work offline.').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    const fromNetwork: string[] = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Mock exam' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mock exam' }).waitFor();
    await startMockExam(page, '60 minutes');
    for (let position = 1; position <= 5; position++) {
      await examHeading(page, position).waitFor();
      await answerQuestion(page, byStem, position !== 2);
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await examHeading(page, 6).waitFor();
    await expect(answeredCount(page)).resolves.toBe('5 of 40 answered');
    await expect(navigatorButton(page, 5).getAttribute('aria-label')).resolves.toBe(
      'Question 5, answered',
    );

    await page.getByRole('button', { name: 'Submit the exam…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Submit your exam?' });
    await expect(dialog.textContent()).resolves.toContain(
      '35 questions are unanswered and will score nothing.',
    );
    await dialog.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mock exam results' }).waitFor();
    await expect(page.getByRole('region', { name: 'Score' }).textContent()).resolves.toMatch(
      /^4 \/ 40 \(10%\)✗ Not yet a pass: the pass mark is 26 of 40\./,
    );

    // Every page, script and bank file came from the service worker's cache.
    expect(fromNetwork).toEqual([]);
  });
});
