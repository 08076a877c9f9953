import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerFirstOption, downloadBackup, openYourData, startPractice, useApp } from './helpers';

/** Answers `count` practice questions on Service Operation, from the home page. */
async function practise(page: Page, count: number) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Practise by topic' }).click();
  await startPractice(page, 'Service Operation');
  for (let n = 1; n <= count; n++) {
    await answerFirstOption(page);
    if (n < count) await page.getByRole('button', { name: 'Next question' }).click();
  }
}

/** How many questions the home page says the student has answered. */
async function answeredOnHome(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Home' }).click();
  return (await page.getByText(/^You have answered \d+ questions?/).textContent()) ?? '';
}

const importSection = (page: Page) => page.getByRole('region', { name: 'Import a backup' });

describe('backing up, and carrying progress to another device', () => {
  const app = useApp();

  it('downloads a backup on one device and merges it into another, refusing a hostile file', async () => {
    // The laptop: two answers, then a backup.
    const laptop = await app.newPage();
    await practise(laptop, 2);
    await openYourData(laptop);
    const yourData = laptop.getByRole('region', { name: 'Download a backup' });
    await expect(yourData.getByRole('listitem').first().textContent()).resolves.toBe('2 answers');
    const download = await downloadBackup(laptop);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^itil-practice-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync(await download.path(), 'utf8');
    const file = JSON.parse(text) as { format: string; version: number; answers: unknown[] };
    expect(file).toMatchObject({ format: 'itil-practice-backup', version: 1 });
    expect(file.answers).toHaveLength(2);
    await yourData.getByRole('status').getByText(`Downloaded ${name}`).waitFor();

    // The phone, another profile: one answer of its own, then the laptop's backup.
    const phone = await app.newPage();
    await practise(phone, 1);
    await openYourData(phone);
    const chooser = phone.getByLabel('Backup file');
    await chooser.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await importSection(phone)
      .getByRole('status')
      .getByText(`Imported “${name}”: 2 answers added, 0 already here; 0 exam attempts added.`, {
        exact: true,
      })
      .waitFor();
    expect(await answeredOnHome(phone)).toMatch(/^You have answered 3 questions/);

    // The same file again adds nothing; a hostile one is refused and changes nothing.
    await openYourData(phone);
    await chooser.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await importSection(phone)
      .getByRole('status')
      .getByText(/: 0 answers added, 2 already here; 0 exam attempts added\.$/)
      .waitFor();
    const hostile = text.replace('{"format"', '{"__proto__":{"isAdmin":true},"format"');
    await chooser.setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    const alert = importSection(phone).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('“hostile.json” was not imported.');
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      'hostile.json: the file has a field named "__proto__", which no backup has',
    ]);
    expect(await phone.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty(
      'isAdmin',
    );

    const axe = await new AxeBuilder({ page: phone }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(await answeredOnHome(phone)).toMatch(/^You have answered 3 questions/);
  });
});
