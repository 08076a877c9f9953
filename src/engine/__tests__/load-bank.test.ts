import { describe, expect, it, vi } from 'vitest';
import { loadBank, readBankFiles, type BankSource } from '../load-bank';
import { checkedBank, validateBank } from '../validate-bank';
import { bankFiles } from './fixtures';

/** The fixture bank as a source whose files are read at once. */
const source = (): BankSource => ({
  id: 'mini',
  files: bankFiles().map(({ path, text }) => ({ path, read: () => Promise.resolve(text) })),
});

describe('loadBank', () => {
  it('loads a valid bank, indexed', async () => {
    const load = await loadBank(source());
    expect(load.status).toBe('ready');
    if (load.status !== 'ready') return;
    expect(load.bank.itemsById.get('p-1')?.topics).toEqual(['problem']);
    expect(load.bank.tree.children.get('so')?.map((t) => t.id)).toEqual(['incident', 'problem']);
  });

  it.each([
    ['an error', new Error('HTTP 404'), 'HTTP 404'],
    ['an error of several lines', new Error('HTTP 500\n  at the server'), 'HTTP 500 at the server'],
    ['a value with no text at all', Object.create(null) as unknown, 'unknown error'],
  ])(
    'names a file that could not be read when reading throws %s',
    async (_case, thrown, reason) => {
      const broken = source();
      broken.files = broken.files.map((file) =>
        file.path === 'q/mini/items.json' ? { ...file, read: () => Promise.reject(thrown) } : file,
      );
      const load = await loadBank(broken);
      expect(load.status === 'error' ? load.faults[0] : load.status).toBe(
        `q/mini/items.json: could not be read (${reason})`,
      );
    },
  );

  it('lets waiting tasks run while it validates, once a slice of the work has taken its time', async () => {
    // Every reading of the clock is 10 ms later: each step of the validation overruns its slice.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const ranBeforeLoaded: boolean[] = [];
    let loaded = false;
    setTimeout(() => ranBeforeLoaded.push(!loaded), 0);
    const load = await loadBank(source());
    loaded = true;
    expect(load.status).toBe('ready');
    expect(ranBeforeLoaded).toEqual([true]);
  });

  it('does not yield while the work is quick', async () => {
    vi.spyOn(performance, 'now').mockReturnValue(0);
    let ran = false;
    setTimeout(() => (ran = true), 0);
    await loadBank(source());
    // Reading and validating resolve as microtasks: nothing else has had a turn.
    expect(ran).toBe(false);
  });

  it('reads files in path order whatever order they arrive in, naming any it cannot read', async () => {
    const arrival = (path: string, ms: number) => ({
      path,
      read: () => new Promise<string>((resolve) => setTimeout(() => resolve(path), ms)),
    });
    const read = await readBankFiles([
      arrival('q/b/items.json', 1),
      { path: 'q/b/lost.json', read: () => Promise.reject(new Error('HTTP 404')) },
      arrival('q/b/Z.json', 3),
      arrival('q/b/bank.json', 2),
    ]);
    expect(read.files.map((f) => f.path)).toEqual([
      'q/b/Z.json',
      'q/b/bank.json',
      'q/b/items.json',
    ]);
    expect(read.faults).toEqual(['q/b/lost.json: could not be read (HTTP 404)']);
  });

  it('is checked where it is told to, and in this thread when that fails', async () => {
    const elsewhere = vi.fn(() => Promise.resolve(checkedBank(validateBank(bankFiles()))));
    expect((await loadBank(source(), elsewhere)).status).toBe('ready');
    expect(elsewhere).toHaveBeenCalledOnce();

    const broken = () => Promise.reject(new Error('the bank worker failed'));
    const load = await loadBank(source(), broken);
    expect(load.status).toBe('ready');
    if (load.status === 'ready') expect(load.bank.items.map((i) => i.id)).toContain('p-1');
  });
});
