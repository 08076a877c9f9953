import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  answerQuestion,
  type BankItem,
  examHeading,
  expectedTopicRows,
  navigatorButton,
  readBank,
  secondsLeft,
  startMockExam,
} from './exam-helpers';
import { useApp } from './helpers';

const { byStem, topics } = readBank();

describe('a mock exam in a real browser', () => {
  const app = useApp();

  it('takes a whole 40-question exam, submits it and reviews it by filter', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Mock exam' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mock exam' }).waitFor();
    await startMockExam(page, '60 minutes');
    expect(await secondsLeft(page)).toBeGreaterThan(59 * 60);

    // Right on the first 28, wrong on the last 12; three flagged, one of them answered wrongly.
    const flagged = [5, 17, 33];
    const given: { item: BankItem; right: boolean }[] = [];
    for (let position = 1; position <= 40; position++) {
      await examHeading(page, position).waitFor();
      const right = position <= 28;
      given.push({ item: await answerQuestion(page, byStem, right), right });
      if (flagged.includes(position)) {
        await page.getByRole('button', { name: '⚐ Flag for review' }).click();
        await examHeading(page, position).filter({ hasText: '⚑ Flagged' }).waitFor();
      }
      await expect(answeredCount(page)).resolves.toBe(`${position} of 40 answered`);
      if (position < 40) await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    // No feedback during the exam.
    expect(await page.getByText(/Correct|Incorrect/).count()).toBe(0);
    for (const position of flagged) {
      await expect(navigatorButton(page, position).getAttribute('aria-label')).resolves.toBe(
        `Question ${position}, answered, flagged`,
      );
    }

    await page.getByRole('button', { name: 'Review and submit' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Submit your exam?' });
    await expect(dialog.textContent()).resolves.toContain(
      'You have answered every question. 3 questions are flagged for review.',
    );
    await dialog.getByRole('button', { name: 'Submit the exam' }).click();

    await page.getByRole('heading', { level: 1, name: 'Mock exam results' }).waitFor();
    const score = page.getByRole('region', { name: 'Score' });
    await expect(score.textContent()).resolves.toMatch(
      /^28 \/ 40 \(70%\)✓ Pass: the pass mark is 26 of 40\.Time used: .+\. 40 of 40 answered\.$/,
    );

    const table = page.getByRole('table', { name: 'Score per topic, weakest first' });
    const rows = await table
      .getByRole('row')
      .evaluateAll((trs) =>
        trs.slice(1).map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')),
      );
    const shown = new Map(
      rows.map(([topic, correct, accuracy]) => [topic, `${correct} | ${accuracy}`]),
    );
    expect(shown).toEqual(expectedTopicRows(topics, given));
    const accuracies = rows.map((row) => parseInt(row[2] ?? '', 10));
    expect(accuracies).toEqual([...accuracies].sort((a, b) => a - b));

    await page.getByRole('link', { name: 'Review every question' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review of your mock exam' }).waitFor();
    const questions = page.getByRole('article');
    const headings = () => questions.getByRole('heading', { level: 2 }).allTextContents();
    expect(await questions.count()).toBe(40);

    await page.getByRole('radio', { name: 'Wrong (12)' }).check();
    expect(await headings()).toEqual(
      Array.from(
        { length: 12 },
        (_, n) => `Question ${29 + n}: ✗ wrong${n === 4 ? ' · ⚑ flagged' : ''}`,
      ),
    );
    await page.getByRole('radio', { name: 'Flagged (3)' }).check();
    expect(await headings()).toEqual([
      'Question 5: ✓ right · ⚑ flagged',
      'Question 17: ✓ right · ⚑ flagged',
      'Question 33: ✗ wrong · ⚑ flagged',
    ]);
    // Each reviewed question shows the answer given, the key and why every option is right or wrong.
    await expect(questions.nth(2).textContent()).resolves.toMatch(
      /Your answer: [A-E]\. Correct answer: [A-E]\..*Why it is right: /,
    );
    await page.getByRole('radio', { name: 'Unanswered (0)' }).check();
    await page.getByText('No questions match this filter.').waitFor();
    expect(await questions.count()).toBe(0);

    // The attempt is in the history, with its score and result.
    await page.goto('/exam/history');
    const history = page.getByRole('table', { name: 'Your mock exams, newest first' });
    // Scores show once the bank has loaded.
    await history.getByRole('cell', { name: '28 / 40 (70%)' }).waitFor();
    await expect(history.getByRole('row').nth(1).textContent()).resolves.toMatch(
      /28 \/ 40 \(70%\)✓ PassResults · Review$/,
    );
  });

  it('resumes after a reload with the same answers, flags and question, the clock still running', async () => {
    const context = await app.newContext();
    await context.clock.install({ time: new Date('2026-11-23T09:00:00') });
    const page = await context.newPage();
    await page.goto('/exam');
    await startMockExam(page, '60 minutes');

    await answerQuestion(page, byStem, true);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await answerQuestion(page, byStem, false);
    await page.getByRole('button', { name: '⚐ Flag for review' }).click();
    const secondChoice = await page.getByRole('radio', { checked: true }).getAttribute('value');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await examHeading(page, 4).waitFor();

    // Twelve minutes pass with the exam open, then the page reloads.
    await context.clock.fastForward('12:00');
    await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(48 * 60);
    const beforeReload = await secondsLeft(page);
    expect(beforeReload).toBeGreaterThanOrEqual(47 * 60);
    await page.reload();

    await examHeading(page, 4).waitFor();
    const afterReload = await secondsLeft(page);
    expect(afterReload).toBeLessThanOrEqual(beforeReload);
    expect(afterReload).toBeGreaterThan(beforeReload - 60);
    await expect(answeredCount(page)).resolves.toBe('2 of 40 answered');
    for (const [position, label] of [
      [1, 'Question 1, answered'],
      [2, 'Question 2, answered, flagged'],
      [3, 'Question 3, unanswered'],
      [4, 'Question 4, unanswered'],
    ] as const) {
      await expect(navigatorButton(page, position).getAttribute('aria-label')).resolves.toBe(label);
    }
    await expect(navigatorButton(page, 4).getAttribute('aria-current')).resolves.toBe('step');

    await navigatorButton(page, 2).click();
    await examHeading(page, 2).filter({ hasText: '⚑ Flagged' }).waitFor();
    await expect(page.getByRole('radio', { checked: true }).getAttribute('value')).resolves.toBe(
      secondChoice,
    );

    // Away from the exam for ten more minutes: the banner brings the student back, time has run on.
    await page.getByRole('link', { name: 'Home' }).click();
    await context.clock.fastForward('10:00');
    await page.getByRole('link', { name: 'Resume it' }).click();
    await examHeading(page, 2).waitFor();
    await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(afterReload - 10 * 60);
    const afterAway = await secondsLeft(page);
    expect(afterAway).toBeGreaterThan(afterReload - 11 * 60);
  });
});
