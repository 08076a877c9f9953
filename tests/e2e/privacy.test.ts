import { describe, expect, it } from 'vitest';
import { answerFirstOption, finishPractice, startPractice, useApp } from './helpers';

describe('privacy', () => {
  const app = useApp();

  it('sends no request anywhere but the app itself during a visit and a practice session', async () => {
    const context = await app.newContext();
    const requests: string[] = [];
    // Every request of the context: pages, workers and the service worker.
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await page.goto('/');
    await page.getByRole('link', { name: 'Practise by topic' }).click();
    await startPractice(page, 'Service Operation');
    await answerFirstOption(page);
    await finishPractice(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'ITIL 2011 Foundation' }).waitFor();

    expect(requests.length).toBeGreaterThan(5);
    const elsewhere = requests.filter((url) => {
      const { protocol, origin } = new URL(url);
      // data: and blob: URLs never leave the device.
      return !['data:', 'blob:'].includes(protocol) && origin !== app.origin;
    });
    expect(elsewhere).toEqual([]);
    expect(sockets).toEqual([]);
  });
});
