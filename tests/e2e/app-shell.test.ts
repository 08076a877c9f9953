import { describe, expect, it } from 'vitest';
import { useApp } from './helpers';

describe("the app's frame in index.html", () => {
  const app = useApp();

  it('shows the header and menu before any of the app’s code has run', async () => {
    const page = await app.newPage({ javaScriptEnabled: false });
    await page.goto('/exam');
    const menu = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Practice',
      'Mock exam',
      'Progress',
    ]);
    // The same file serves every address, so no link claims to be the current page.
    expect(await menu.locator('[aria-current]').count()).toBe(0);
  });

  it('is replaced by the app, not doubled, with the current page marked', async () => {
    const page = await app.newPage();
    await page.goto('/exam');
    await page.getByRole('heading', { level: 1, name: 'Mock exam' }).waitFor();
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
    const current = page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
    expect(await current.allTextContents()).toEqual(['Mock exam']);
  });
});
