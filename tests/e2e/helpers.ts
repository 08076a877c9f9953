/**
 * Shared set-up for the browser tests: the production build served by `vite preview` on a free
 * port, and Debian's Chromium driven by playwright-core (nothing is downloaded). A test file calls
 * `useApp()` once at the top; each test opens its own context (a fresh profile: no storage, no
 * service worker) with `app.newContext()`, closed for it after the test. A test fails if one of its
 * pages throws or logs an error.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The production build the tests run against (`npm run build`); E2E_DIST points elsewhere, such as
 * a copy of the build that a concurrent `npm run build` in the checkout cannot change mid-run.
 */
export const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Root needs --no-sandbox; the rest keep a headless browser on a closed network quiet and steady.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** `vite preview` of a build directory on 127.0.0.1. */
export async function startPreview(
  outDir = DIST,
): Promise<{ origin: string; close: () => Promise<void> }> {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html is missing: run npm run build before npm run test:e2e`);
  }
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface App {
  /** The app's origin, such as http://127.0.0.1:41234. */
  readonly origin: string;
  readonly browser: Browser;
  /** An absolute URL for a path of the app. */
  url: (path: string) => string;
  /** A fresh browser profile, closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a fresh profile. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

/** Starts the server and the browser for the test file, and stops them after it. */
export function useApp(outDir = DIST): App {
  let server: Awaited<ReturnType<typeof startPreview>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // Uncaught exceptions and console errors of the test's pages: a test with any fails.
  const pageErrors: string[] = [];
  const started = () => {
    if (server === undefined || browser === undefined) throw new Error('useApp: not started');
    return { server, browser };
  };

  beforeAll(async () => {
    server = await startPreview(outDir);
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const errors = pageErrors.splice(0);
    if (errors.length > 0) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const app: App = {
    get origin() {
      return started().server.origin;
    },
    get browser() {
      return started().browser;
    },
    url: (path) => new URL(path, started().server.origin).href,
    newContext: async (options = {}) => {
      const context = await started().browser.newContext({ baseURL: app.origin, ...options });
      context.on('weberror', (error) => pageErrors.push(error.error().message));
      context.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      contexts.push(context);
      return context;
    },
    newPage: async (options) => (await app.newContext(options)).newPage(),
  };
  return app;
}

/** Whether the element has the keyboard focus. */
export const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/** Presses Tab until the element has focus, as a keyboard user would; fails after `limit` presses. */
export async function tabTo(page: Page, locator: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await isFocused(locator)) return;
  }
  throw new Error(`${locator.toString()} not reached with ${limit} presses of Tab`);
}

/** The question heading of a practice session: "Question 3 of 10". */
export const questionHeading = (page: Page, position?: number) =>
  page.getByRole('heading', {
    level: 1,
    name: position === undefined ? /^Question \d+ of \d+$/ : new RegExp(`^Question ${position} of`),
  });

/** From the setup page, starts a session of `count` questions on one stage (by its title). */
export async function startPractice(page: Page, stage = 'Service Operation', count = 10) {
  await page.getByRole('checkbox', { name: new RegExp(`^${stage} \\(\\d+\\)$`) }).check();
  await page.getByRole('radio', { name: String(count), exact: true }).check();
  await page.getByRole('button', { name: 'Start practice' }).click();
  await questionHeading(page, 1).waitFor();
}

/** Answers the question shown with its first option and waits for the feedback. */
export async function answerFirstOption(page: Page) {
  await page.getByRole('group', { name: 'Answers' }).getByRole('button').first().click();
  await page.getByRole('heading', { level: 2, name: /^(✓ Correct|✗ Incorrect)/ }).waitFor();
}

/** Answers every question left in the session and waits for the summary. */
export async function finishPractice(page: Page) {
  for (;;) {
    if (await page.getByRole('group', { name: 'Answers' }).isVisible()) {
      await answerFirstOption(page);
    }
    const results = page.getByRole('button', { name: 'See your results' });
    if (await results.isVisible()) {
      await results.click();
      await page.getByRole('heading', { level: 1, name: 'Practice summary' }).waitFor();
      return;
    }
    await page.getByRole('button', { name: 'Next question' }).click();
  }
}

/**
 * Waits until a service worker is active and controls the page; resolves with that worker's
 * script URL and state.
 */
export function serviceWorkerInControl(
  page: Page,
): Promise<{ scriptURL: string | undefined; state: string | undefined }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller === null) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return {
      scriptURL: navigator.serviceWorker.controller?.scriptURL,
      state: registration.active?.state,
    };
  });
}

/** Goes to the Your data page by the footer link, as a student would. */
export async function openYourData(page: Page): Promise<void> {
  await page.getByRole('contentinfo').getByRole('link', { name: 'Your data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
}

/** On the Your data page, downloads a backup. */
export async function downloadBackup(page: Page): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  return download;
}
