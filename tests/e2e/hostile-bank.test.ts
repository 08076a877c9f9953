import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerFirstOption, downloadBackup, openYourData, startPractice, useApp } from './helpers';

/** Markup that would run script if the app ever rendered bank text as HTML. */
const HOSTILE =
  '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script>';

/** Bank item files as served: the shipped bank by default; `change` rewrites each parsed file. */
async function serveBankFiles(
  context: BrowserContext,
  change: (path: string, text: string) => string,
) {
  // The banks are the build's hashed /assets/*.json (src/app/bank-sources.ts).
  await context.route(/\/assets\/[^/]+\.json$/, async (route) => {
    const response = await route.fetch();
    const path = new URL(route.request().url()).pathname;
    await route.fulfill({ response, body: change(path, await response.text()) });
  });
}

interface RawItem {
  stem: string;
  options: { id: string; text: string }[];
  explanation: string;
  rationale: Record<string, string>;
}

/** Every stem, option, explanation and rationale of an items file, prefixed with HOSTILE. */
function poisoned(text: string): string {
  const data = JSON.parse(text) as { items?: RawItem[] };
  for (const item of data.items ?? []) {
    item.stem = `${HOSTILE} ${item.stem}`;
    item.options = item.options.map((o) => ({ ...o, text: `${HOSTILE} ${o.text}` }));
    item.explanation = `${HOSTILE} ${item.explanation}`;
    for (const key of Object.keys(item.rationale)) {
      item.rationale[key] = `${HOSTILE} ${item.rationale[key]}`;
    }
  }
  return JSON.stringify(data);
}

/** A fresh profile whose pages record every dialog; service workers off, so routes see requests. */
async function watchedPage(app: ReturnType<typeof useApp>) {
  const context = await app.newContext({ serviceWorkers: 'block' });
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, dialogs, page: async () => context.newPage() };
}

const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

describe('banks from a hostile or broken source, in a real browser', () => {
  const app = useApp();

  it('shows markup in stems, options and explanations as text, and runs none of it', async () => {
    const { context, dialogs, page: open } = await watchedPage(app);
    await serveBankFiles(context, (_path, text) => poisoned(text));
    const page = await open();
    await page.goto('/practice?bank=itil-2011-foundation');
    await startPractice(page, 'Service Operation');

    const answers = page.getByRole('group', { name: 'Answers' });
    expect(await page.locator('.stem').first().textContent()).toContain(HOSTILE);
    for (const option of await answers.getByRole('button').allTextContents()) {
      expect(option).toContain(HOSTILE);
    }
    await answerFirstOption(page);
    expect(await page.locator('.feedback__explanation').textContent()).toContain(HOSTILE);
    const reasons = await page
      .getByRole('list', { name: 'Why each option is right or wrong' })
      .getByRole('listitem')
      .allTextContents();
    for (const reason of reasons) expect(reason).toContain(HOSTILE);

    // No element was made from the text, no handler ran, no dialog opened.
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The rest of the session too, through to the summary.
    await page.getByRole('button', { name: 'Next question' }).click();
    await answerFirstOption(page);
    expect(await pwned(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('names the file of a bank cut short, and the rest of the app keeps working', async () => {
    const { context, page: open } = await watchedPage(app);
    // service-operation.json, not service-operation-functions.json: the hash is 8 characters.
    await serveBankFiles(context, (path, text) =>
      /\/service-operation-[\w-]{8}\.json$/.test(path) ? text.slice(0, text.length / 2) : text,
    );
    const page = await open();
    await page.goto('/');
    const alert = page.getByRole('alert').filter({
      has: page.getByRole('heading', {
        name: 'The question bank “itil-2011-foundation” could not be loaded',
      }),
    });
    await alert.waitFor();
    const faults = await alert.getByRole('listitem').allTextContents();
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatch(
      /^questions\/itil-2011-foundation\/service-operation\.json: is not valid JSON: /,
    );
    expect(await alert.textContent()).toContain('the rest of the app still works');

    // Every page still opens, and what is saved can still be backed up.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await nav.getByRole('link', { name: 'Mock exam' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mock exam' }).waitFor();
    await openYourData(page);
    const download = await downloadBackup(page);
    expect(download.suggestedFilename()).toMatch(/^itil-practice-backup-/);
  });
});
