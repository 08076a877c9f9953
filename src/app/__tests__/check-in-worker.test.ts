import { describe, expect, it } from 'vitest';
import { loadBank, type BankSource } from '../../engine/load-bank';
import { diskBankSources } from '../../test/render-app';
import { checkInWorker } from '../check-in-worker';

/** The shipped bank as read from disk: its files have no URL, so no worker can fetch them. */
const diskBank = (): BankSource => {
  const [source] = diskBankSources();
  if (source === undefined) throw new Error('no bank in questions/');
  return source;
};

describe('checkInWorker', () => {
  it('refuses a bank whose files it cannot fetch, naming the file', async () => {
    const source = diskBank();
    await expect(checkInWorker(source)).rejects.toThrow(
      `${source.files[0]?.path ?? ''} has no URL for the bank worker to read`,
    );
  });

  it('leaves the bank to be checked in the page then, where it loads all the same', async () => {
    const load = await loadBank(diskBank(), checkInWorker);
    expect(load.status).toBe('ready');
    if (load.status === 'ready') expect(load.bank.items.length).toBeGreaterThan(600);
  });
});
