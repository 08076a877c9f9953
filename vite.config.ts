import react from '@vitejs/plugin-react';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  plugins: [react(), VitePWA(pwa)],
  build: {
    target: 'es2022',
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    restoreMocks: true,
  },
});
