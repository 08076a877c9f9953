import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerFirstOption,
  isFocused,
  questionHeading,
  startPractice,
  tabTo,
  ROOT,
  useApp,
} from './helpers';

/** What the shipped bank holds on disk: its questions and its topics. */
function bankOnDisk() {
  const dir = join(ROOT, 'questions', 'itil-2011-foundation');
  const json = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'bank.json');
  const items = files.reduce((n, file) => n + (json(file) as { items: unknown[] }).items.length, 0);
  const topics = (json('bank.json') as { topics: unknown[] }).topics.length;
  return { items, topics };
}

describe('practice in a real browser', () => {
  const app = useApp();

  it('has every question of the bank, read and checked by the bank worker', async () => {
    const page = await app.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto('/');
    const { items, topics } = bankOnDisk();
    await page.getByText(`${items} questions over ${topics} topics.`).waitFor();
    expect(workers.filter((url) => /\/assets\/bank-worker-[\w-]+\.js$/.test(url))).toHaveLength(1);
    // The page's own validator, its fallback when a worker fails, was never needed.
    expect(requested.filter((url) => url.includes('validate-in-slices'))).toEqual([]);
  });

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
