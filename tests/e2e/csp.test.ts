import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startMockExam } from './exam-helpers';
import {
  answerFirstOption,
  downloadBackup,
  openYourData,
  serviceWorkerInControl,
  startPractice,
  useApp,
} from './helpers';

/** The policy's directives, from the served HTML's meta element. */
function cspOf(html: string): Map<string, string> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  const directives = (meta?.[1] ?? '').split(';').map((d) => d.trim().split(/\s+/));
  return new Map(directives.map(([name = '', ...sources]) => [name, sources.join(' ')]));
}

/** Records every CSP violation of the context's pages on `window`, from before any app code runs. */
async function recordViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** Console messages of the page that mention the policy (Chromium logs each refusal). */
function cspMessages(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) messages.push(message.text());
  });
  return messages;
}

describe('the Content-Security-Policy of the built app', () => {
  const app = useApp();

  it('is served in index.html: default-src self, scripts only from files, no inline style', async () => {
    const html = await (await fetch(app.url('/'))).text();
    const csp = cspOf(html);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/[^"]+"/);
      expect(body.trim()).toBe('');
    }
    // style-src 'self' refuses these, so the page must not depend on them.
    expect(html).not.toMatch(/<style\b|\sstyle="/i);
  });

  it('refuses nothing the app does: practice, an exam, and a backup on Your data', async () => {
    const context = await app.newContext();
    await recordViolations(context);
    const page = await context.newPage();
    const messages = cspMessages(page);
    const seen: string[] = [];

    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'ITIL 2011 Foundation' }).waitFor();
    await page.getByRole('link', { name: 'Practise by topic' }).click();
    await startPractice(page, 'Service Operation');
    await answerFirstOption(page);
    await page.getByRole('list', { name: 'Why each option is right or wrong' }).waitFor();
    seen.push(...(await violations(page)));

    await page.goto('/exam');
    await page.getByRole('heading', { level: 1, name: 'Mock exam' }).waitFor();
    await startMockExam(page, 'No time limit');
    seen.push(...(await violations(page)));

    // The progress page has its own stylesheet and inline-sized bars (set through the CSSOM).
    await page.goto('/progress');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await openYourData(page);
    // The backup is a Blob behind an object URL.
    const download = await downloadBackup(page);
    expect(download.suggestedFilename()).toMatch(/^itil-practice-backup-/);
    seen.push(...(await violations(page)));

    expect(seen).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('keeps the service worker registering and in control, and the policy on pages it serves', async () => {
    const context = await app.newContext();
    await recordViolations(context);
    const page = await context.newPage();
    const messages = cspMessages(page);

    await page.goto('/');
    expect((await serviceWorkerInControl(page)).scriptURL).toBe(app.url('/sw.js'));
    await page.getByText('Ready to work offline.').waitFor();
    const before = await violations(page);

    // Offline, the page comes from the worker's precache, policy included.
    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'ITIL 2011 Foundation' }).waitFor();
    expect(cspOf(await page.content()).get('default-src')).toBe("'self'");
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    expect([...before, ...(await violations(page))]).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('runs no inline script or inline event handler put into the page', async () => {
    // Not app.newContext(): the refusals are logged as console errors, which fail those tests.
    const context = await app.browser.newContext({ baseURL: app.origin });
    try {
      await recordViolations(context);
      const page = await context.newPage();
      const messages = cspMessages(page);
      await page.goto('/');
      await page.getByRole('heading', { level: 2, name: 'ITIL 2011 Foundation' }).waitFor();

      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = "script";';
        document.body.append(script);
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="/missing.png" onerror="window.__ran = \'handler\'">';
        document.body.append(holder);
        // Long enough for the image to fail and its handler to have run, were it allowed.
        await new Promise((resolve) => setTimeout(resolve, 500));
        return (window as unknown as { __ran?: string }).__ran;
      });
      expect(ran).toBeUndefined();

      const refused = await violations(page);
      expect(refused).toContain('script-src-elem blocked inline');
      expect(refused).toContain('script-src-attr blocked inline');
      expect(messages.length).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  });
});
