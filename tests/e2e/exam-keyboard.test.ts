import { describe, expect, it } from 'vitest';
import { examHeading, questionOnScreen, readBank } from './exam-helpers';
import { isFocused, tabTo, useApp } from './helpers';

const { byStem } = readBank();

describe('a mock exam by keyboard alone', () => {
  const app = useApp();

  it('starts, answers with number keys, moves with N and P, flags with F and submits by keyboard', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await tabTo(
      page,
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mock exam' }),
    );
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Mock exam' }).waitFor();
    await tabTo(page, page.getByRole('radio', { name: /^60 minutes/ }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /^No time limit/ }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Start the exam' }));
    await page.keyboard.press('Enter');
    await examHeading(page, 1).waitFor();
    await page.getByText('Untimed').waitFor();

    // Wrong on every fourth question (10 of 40); flagged with F: questions 6 and 21.
    let right = 0;
    for (let position = 1; position <= 40; position++) {
      const heading = examHeading(page, position);
      await heading.waitFor();
      if (position > 1) expect(await isFocused(heading)).toBe(true);
      const { keyPosition, optionCount } = await questionOnScreen(page, byStem);
      const chosen = position % 4 === 0 ? (keyPosition + 1) % optionCount : keyPosition;
      if (chosen === keyPosition) right += 1;
      await page.keyboard.press(String(chosen + 1));
      const letter = String.fromCharCode(65 + chosen);
      expect(await page.getByRole('radio', { name: new RegExp(`^${letter}: `) }).isChecked()).toBe(
        true,
      );
      if (position === 6 || position === 21) {
        await page.keyboard.press('f');
        await heading.filter({ hasText: '⚑ Flagged' }).waitFor();
      }
      if (position === 3) {
        // P goes back, the earlier answer is still chosen; N returns.
        await page.keyboard.press('p');
        await examHeading(page, 2).waitFor();
        expect(await page.getByRole('radio', { checked: true }).count()).toBe(1);
        await page.keyboard.press('n');
        await examHeading(page, 3).waitFor();
      }
      if (position === 12) {
        // The flag button by Tab and Space, then again to take the flag off.
        const flag = page.getByRole('button', { name: '⚐ Flag for review' });
        await tabTo(page, flag);
        await page.keyboard.press('Space');
        const unflag = page.getByRole('button', { name: '⚑ Unflag' });
        await unflag.waitFor();
        expect(await unflag.getAttribute('aria-pressed')).toBe('true');
        await page.keyboard.press('Space');
        await flag.waitFor();
      }
      if (position < 40) await page.keyboard.press('n');
    }
    expect(right).toBe(30);

    await tabTo(page, page.getByRole('button', { name: 'Review and submit' }));
    await page.keyboard.press('Enter');
    const confirmHeading = page.getByRole('heading', { level: 1, name: 'Submit your exam?' });
    await confirmHeading.waitFor();
    expect(await isFocused(confirmHeading)).toBe(true);
    await expect(
      page.getByRole('alertdialog', { name: 'Submit your exam?' }).textContent(),
    ).resolves.toContain('You have answered every question. 2 questions are flagged for review.');
    // Keys do not change answers while the confirmation is open.
    await page.keyboard.press('n');
    await page.keyboard.press('1');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('button', { name: 'Submit the exam' }))).toBe(true);
    await page.keyboard.press('Space');

    const results = page.getByRole('heading', { level: 1, name: 'Mock exam results' });
    await results.waitFor();
    expect(await isFocused(results)).toBe(true);
    await expect(page.getByRole('region', { name: 'Score' }).textContent()).resolves.toMatch(
      /^30 \/ 40 \(75%\)✓ Pass: the pass mark is 26 of 40\./,
    );

    await tabTo(page, page.getByRole('link', { name: 'Review every question' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Review of your mock exam' }).waitFor();
    await tabTo(page, page.getByRole('radio', { name: 'All (40)' }));
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Wrong (10)' }).isChecked()).toBe(true);
    const wrong = await page
      .getByRole('article')
      .getByRole('heading', { level: 2 })
      .allTextContents();
    expect(wrong).toEqual(Array.from({ length: 10 }, (_, n) => `Question ${4 * (n + 1)}: ✗ wrong`));
  });
});
