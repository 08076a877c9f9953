import { describe, expect, it } from 'vitest';
import {
  answerFirstOption,
  isFocused,
  questionHeading,
  startPractice,
  tabTo,
  useApp,
} from './helpers';

describe('practice in a real browser', () => {
  const app = useApp();

  it('goes from home to a Service Operation question, with the explanation and every rationale', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Practise by topic' }).click();
    await page.getByRole('heading', { level: 1, name: 'Practise by topic' }).waitFor();
    await startPractice(page, 'Service Operation');
    await expect(page.locator('.question__topic').textContent()).resolves.not.toBe('');

    const options = await page.getByRole('group', { name: 'Answers' }).getByRole('button').count();
    expect(options).toBeGreaterThanOrEqual(3);
    await answerFirstOption(page);

    const explanation = await page.locator('.feedback__explanation').textContent();
    expect(explanation?.trim().length).toBeGreaterThan(20);
    const review = page.getByRole('list', { name: 'Why each option is right or wrong' });
    const reasons = await review.getByRole('listitem').allTextContents();
    expect(reasons).toHaveLength(options);
    expect(reasons.filter((text) => text.includes('Why it is right: '))).toHaveLength(1);
    expect(reasons.filter((text) => text.includes('Why it is wrong: '))).toHaveLength(options - 1);
    for (const text of reasons) expect(text).toMatch(/Why it is (right|wrong): \S.{10,}/);
  });

  it('runs a whole session by keyboard alone: Tab, Space, number keys and Enter', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await tabTo(page, page.getByRole('link', { name: 'Practise by topic' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Practise by topic' }).waitFor();
    await tabTo(page, page.getByRole('checkbox', { name: /^Service Operation \(\d+\)$/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Start practice' }));
    await page.keyboard.press('Enter');

    await questionHeading(page, 1).waitFor();
    const total = Number(/of (\d+)/.exec((await questionHeading(page).textContent()) ?? '')?.[1]);
    expect(total).toBe(10);
    for (let position = 1; position <= total; position++) {
      const heading = questionHeading(page, position);
      await heading.waitFor();
      expect(await isFocused(heading)).toBe(true);
      await page.keyboard.press(String(1 + (position % 3)));
      const goOn = page.getByRole('button', {
        name: position === total ? 'See your results' : 'Next question',
      });
      await goOn.waitFor();
      expect(await isFocused(goOn)).toBe(true);
      await page.keyboard.press('Enter');
    }

    await page.getByRole('heading', { level: 1, name: 'Practice summary' }).waitFor();
    await expect(page.locator('.score').textContent()).resolves.toMatch(
      /You answered \d+ of 10 correctly/,
    );
  });
});
