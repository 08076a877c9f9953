import react from '@vitejs/plugin-react';
import { runnerImport, type Plugin } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import type { renderAppShell } from './scripts/app-shell';

/** Installable and offline: the manifest, and a service worker that precaches the app and banks. */
const pwa: Partial<VitePWAOptions> = {
  // Ask before switching to a new version, so an update never lands in the middle of an exam.
  registerType: 'prompt',
  // src/app/reload-prompt.tsx registers the worker through virtual:pwa-register/react.
  injectRegister: false,
  includeAssets: ['favicon.svg', 'favicon-32x32.png', 'apple-touch-icon-180x180.png', 'robots.txt'],
  manifest: {
    name: 'ITIL Foundation practice',
    short_name: 'ITIL practice',
    description:
      'Practise for the ITIL 2011 Foundation exam: topic drills with explanations, offline.',
    lang: 'en',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // --accent and --bg in src/ui/styles.css.
    theme_color: '#1f5fbf',
    background_color: '#f7f7f5',
    icons: [
      { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/maskable-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // The banks are hashed .json assets (src/app/bank-sources.ts): without json they would not
    // be there offline.
    globPatterns: ['**/*.{js,css,html,json}'],
    // Deep links (/practice/session, /exam/take) open offline too.
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first visit is controlled as soon as the worker is active, so it works offline without a
    // reload. Updates still wait for the student's Reload (no skipWaiting).
    clientsClaim: true,
  },
};

/**
 * Writes the app's frame (scripts/app-shell.tsx) into index.html's root element at build time, so
 * that it is on screen before the app's code has arrived.
 */
const appShell: Plugin = {
  name: 'app-shell',
  apply: 'build',
  async transformIndexHtml(html) {
    const { module } = await runnerImport<{ renderAppShell: typeof renderAppShell }>(
      '/scripts/app-shell.tsx',
      { configFile: false, logLevel: 'warn' },
    );
    const root = '<div id="root"></div>';
    if (!html.includes(root)) throw new Error(`index.html: no ${root} to put the app shell in`);
    return html.replace(root, `<div id="root">${module.renderAppShell()}</div>`);
  },
};

type ModuleInfoOf = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;

/** Whether `id` runs at start: the entry imports it, directly or through other static imports. */
function loadedAtStart(id: string, moduleInfo: ModuleInfoOf, seen = new Set<string>()): boolean {
  const info = moduleInfo(id);
  if (info === null) return false;
  if (info.isEntry) return true;
  seen.add(id);
  return info.importers.some(
    (importer) => !seen.has(importer) && loadedAtStart(importer, moduleInfo, seen),
  );
}

export default defineConfig({
  plugins: [react(), VitePWA(pwa), appShell],
  // The bank worker (src/app/bank-worker.ts) is a module, like the app.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first page needs in one file beside the entry, not a dozen small ones
          // that lazy pages also import: on a phone's network each extra file costs a round trip.
          groups: [
            {
              name: (id, context) => {
                const moduleInfo: ModuleInfoOf = (moduleId) => context.getModuleInfo(moduleId);
                return moduleInfo(id)?.isEntry !== true && loadedAtStart(id, moduleInfo)
                  ? 'app'
                  : null;
              },
            },
          ],
        },
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    restoreMocks: true,
  },
});
