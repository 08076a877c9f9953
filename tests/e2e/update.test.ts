import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST, useApp } from './helpers';

// A copy of the build, so a test can publish a "new version" by changing its sw.js.
const outDir = mkdtempSync(join(tmpdir(), 'itil-e2e-update-'));
cpSync(DIST, outDir, { recursive: true });
let version = 1;
const publishNewVersion = () =>
  appendFileSync(join(outDir, 'sw.js'), `\n// version ${++version}\n`);

/** Waits until a service worker is active and controls the page. */
const controlled = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null);

/** Asks the browser to look for a new service worker now, and waits until one is waiting. */
const checkForUpdate = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    while (registration.waiting === null) await new Promise((r) => setTimeout(r, 50));
  });

const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const wasReloaded = (page: Page) => page.evaluate(() => !('notReloaded' in window));

describe('a new version', () => {
  const app = useApp(outDir);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is offered with Reload and Dismiss, and Reload switches to it', async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await controlled(page);
    await page.getByText('Ready to work offline.').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('Ready to work offline.').waitFor({ state: 'detached' });

    publishNewVersion();
    await checkForUpdate(page);
    await page.getByText('A new version is available.').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).waitFor();
    await markPage(page);
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => !('notReloaded' in window));
    await page.getByRole('link', { name: 'Practise by topic' }).waitFor();
    expect(await page.getByText('A new version is available.').count()).toBe(0);
  });

  it('never interrupts an exam: hidden and no reload on /exam/take, even when another tab updates', async () => {
    const context = await app.newContext();
    const exam = await context.newPage();
    await exam.goto('/');
    await controlled(exam);
    // A fresh page load while controlled, as a student who opens the app to sit an exam.
    await exam.goto('/exam');
    await exam.getByRole('button', { name: 'Start the exam' }).click();
    await exam.getByRole('heading', { level: 1, name: /^Question 1 of/ }).waitFor();
    expect(new URL(exam.url()).pathname).toBe('/exam/take');
    await markPage(exam);

    const other = await context.newPage();
    await other.goto('/');
    await controlled(other);

    publishNewVersion();
    await checkForUpdate(other);
    await other.getByText('A new version is available.').waitFor();
    // The exam tab knows of the update too, but says nothing.
    await exam.waitForTimeout(500);
    expect(await exam.getByText('A new version is available.').count()).toBe(0);

    await other.getByRole('button', { name: 'Reload' }).click();
    await other.waitForFunction(() => document.readyState === 'complete');
    await exam.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    await exam.waitForTimeout(500);
    expect(await wasReloaded(exam)).toBe(false);

    // Leaving the exam page loads the new version.
    const reloaded = exam.waitForEvent('load');
    await exam.getByRole('link', { name: 'Home' }).click();
    await reloaded;
    expect(await wasReloaded(exam)).toBe(true);
    await exam.getByRole('link', { name: 'Practise by topic' }).waitFor();
  });
});
