import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './helpers';

interface WebManifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

const read = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe('the built PWA (dist/)', () => {
  it('has a service worker that precaches every bank file, the shell and the pages', () => {
    expect(existsSync(join(DIST, 'sw.js'))).toBe(true);
    const sw = read('sw.js');
    const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]));
    const assets = readdirSync(join(DIST, 'assets'));
    const banks = assets.filter((file) => file.endsWith('.json'));
    expect(banks.length).toBeGreaterThan(1);
    expect(banks.map((file) => `assets/${file}`).filter((url) => !precached.has(url))).toEqual([]);
    const code = assets.filter((file) => /\.(js|css)$/.test(file)).map((file) => `assets/${file}`);
    expect(code.filter((url) => !precached.has(url))).toEqual([]);
    expect(precached).toContain('index.html');
    // Deep links open offline: navigations fall back to the precached index.html.
    expect(sw).toContain('createHandlerBoundToURL("index.html")');
  });

  it('has a web app manifest with the names, colours and icons (any and maskable, 192 and 512)', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as WebManifest;
    expect(manifest).toMatchObject({
      name: 'ITIL Foundation practice',
      short_name: 'ITIL practice',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1f5fbf',
      background_color: '#f7f7f5',
    });
    const icons = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort();
    expect(icons).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const png = readFileSync(join(DIST, icon.src));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      expect(size).toBe(icon.sizes);
    }
  });

  it('links the manifest, the favicon and the apple-touch-icon from index.html', () => {
    const html = read('index.html');
    for (const href of ['/manifest.webmanifest', '/favicon.svg', '/apple-touch-icon-180x180.png']) {
      expect(html).toContain(`href="${href}"`);
      expect(existsSync(join(DIST, href))).toBe(true);
    }
  });
});
