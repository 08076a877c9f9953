import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { damagedCopyKey, safeLocalStorage, useStorageProblems } from '../safe-storage';

interface Counter {
  count: number;
  add: () => void;
}
const isCounter = (state: unknown) =>
  typeof state === 'object' &&
  state !== null &&
  typeof (state as { count?: unknown }).count === 'number';
const makeStore = () =>
  create<Counter>()(
    persist((set) => ({ count: 0, add: () => set((s) => ({ count: s.count + 1 })) }), {
      name: 'test.counter',
      version: 1,
      storage: safeLocalStorage<Counter>(isCounter),
    }),
  );

describe('safeLocalStorage', () => {
  beforeEach(() => {
    localStorage.clear();
    useStorageProblems.setState({ problems: [] });
  });
  afterEach(() => vi.useRealTimers());

  it('saves and restores state', async () => {
    makeStore().getState().add();
    const again = makeStore();
    await again.persist.rehydrate();
    expect(again.getState().count).toBe(1);
  });

  it.each([
    ['half-written JSON', '{"state":{"count":'],
    ['the wrong shape', '{"state":{"count":"many"},"version":1}'],
  ])('sets aside %s, reports it and starts empty', async (_case, text) => {
    localStorage.setItem('test.counter', text);
    const store = makeStore();
    await store.persist.rehydrate();
    expect(store.getState().count).toBe(0);
    expect(localStorage.getItem(damagedCopyKey('test.counter'))).toBe(text);
    expect(useStorageProblems.getState().problems).toEqual([
      { key: 'test.counter', kind: 'damaged', damagedCopy: text },
    ]);
    // Saving again never overwrites the damaged copy.
    store.getState().add();
    expect(localStorage.getItem(damagedCopyKey('test.counter'))).toBe(text);
  });

  it('keeps state in memory when storage is full, tells the student, and saves once space is free', () => {
    vi.useFakeTimers();
    const store = makeStore();
    const full = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.getState().add();
    store.getState().add();
    expect(store.getState().count).toBe(2);
    expect(useStorageProblems.getState().problems).toEqual([{ key: 'test.counter', kind: 'full' }]);
    full.mockRestore();
    vi.advanceTimersByTime(20_000);
    expect(JSON.parse(localStorage.getItem('test.counter') ?? '{}')).toMatchObject({
      state: { count: 2 },
    });
    expect(useStorageProblems.getState().problems).toEqual([]);
  });
});
