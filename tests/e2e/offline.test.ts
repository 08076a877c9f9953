import { describe, expect, it } from 'vitest';
import {
  answerFirstOption,
  questionHeading,
  serviceWorkerInControl,
  startPractice,
  useApp,
} from './helpers';

describe('installable and offline, from the service worker', () => {
  const app = useApp();

  it('after one visit, reloads and practises a question with the network off', async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'ITIL 2011 Foundation' }).waitFor();
    expect((await serviceWorkerInControl(page)).state).toMatch(/^activat/);
    await page.getByText('Ready to work offline.').waitFor();

    await context.setOffline(true);
    const bankResponses: { url: string; fromServiceWorker: boolean }[] = [];
    page.on('response', (response) => {
      if (/\/assets\/[^/]+\.json$/.test(response.url())) {
        bankResponses.push({
          url: response.url(),
          fromServiceWorker: response.fromServiceWorker(),
        });
      }
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await page.getByRole('link', { name: 'Practise by topic' }).click();
    await startPractice(page, 'Service Operation');
    await answerFirstOption(page);
    await page.getByRole('list', { name: 'Why each option is right or wrong' }).waitFor();

    expect(bankResponses.length).toBeGreaterThan(1);
    expect(bankResponses.filter((r) => !r.fromServiceWorker)).toEqual([]);
  });

  it('opens a deep link offline (navigation falls back to the precached index.html)', async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await serviceWorkerInControl(page);

    await context.setOffline(true);
    await page.goto('/practice?bank=itil-2011-foundation');
    await page.getByRole('heading', { level: 1, name: 'Practise by topic' }).waitFor();
    await startPractice(page, 'Service Transition', 20);
    await expect(questionHeading(page).textContent()).resolves.toMatch(/of 20$/);
  });

  it('is installable: Chromium finds nothing wrong but the private profile a test runs in', async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await serviceWorkerInControl(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
  });
});
