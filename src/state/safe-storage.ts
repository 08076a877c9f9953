import { create } from 'zustand';
import type { PersistStorage, StorageValue } from 'zustand/middleware';

/** Something that went wrong with saved data, told to the student instead of failing silently. */
export interface StorageProblem {
  key: string;
  kind: 'damaged' | 'full';
  /** For damaged data: the saved text exactly as found, offered for download. */
  damagedCopy?: string;
}

interface StorageProblemsState {
  problems: StorageProblem[];
  report: (problem: StorageProblem) => void;
  dismiss: (key: string) => void;
}

/** Problems with saved data in this session (not persisted: storage may be what is failing). */
export const useStorageProblems = create<StorageProblemsState>()((set) => ({
  problems: [],
  report: (problem) =>
    set((state) => ({
      problems: [
        ...state.problems.filter((p) => !(p.key === problem.key && p.kind === problem.kind)),
        problem,
      ],
    })),
  dismiss: (key) => set((state) => ({ problems: state.problems.filter((p) => p.key !== key) })),
}));

/** Where a damaged copy is set aside, so the next save cannot overwrite it. */
export const damagedCopyKey = (key: string) => `${key}.damaged`;

const RETRY_MS = 15_000;

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  );
}

/** What a store does with a copy of its saved state that another tab wrote. */
export interface SafeStorageOptions<S> {
  /**
   * Merges another tab's saved copy (parsed and shape-checked, not yet migrated) into the store.
   * Called on the `storage` event for the key, on coming back from the back/forward cache, and
   * before a write when the saved copy changed since this tab last read or wrote it, so that a
   * write never overwrites what it has not seen. When this tab holds something the copy lacks, it
   * must save (set state), so the saved copy ends up holding both.
   */
  mergeSaved?: (saved: StorageValue<S>) => void;
}

/**
 * localStorage for zustand's `persist`, hardened: unreadable or wrongly shaped saved state is set
 * aside (never overwritten) and reported, and the store starts empty; a full disk is reported, the
 * state stays in memory, and the write is retried until it succeeds. With `mergeSaved`, what other
 * tabs save is merged in rather than overwritten.
 */
export function safeLocalStorage<S>(
  isValid: (state: unknown) => boolean,
  options: SafeStorageOptions<S> = {},
): PersistStorage<S> {
  const pending = new Map<string, string>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The saved text of each key as this tab last read or wrote it. */
  const known = new Map<string, string | null>();
  /** Saves so far, tried or found done: tells a merge that saved from one that did not. */
  let writes = 0;
  const { mergeSaved } = options;

  const write = (name: string, text: string): boolean => {
    writes += 1;
    try {
      localStorage.setItem(name, text);
      pending.delete(name);
      known.set(name, text);
      return true;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      pending.set(name, text);
      useStorageProblems.getState().report({ key: name, kind: 'full' });
      retryTimer ??= setTimeout(retry, RETRY_MS);
      return false;
    }
  };
  const retry = () => {
    retryTimer = undefined;
    for (const [name, text] of [...pending]) {
      if (write(name, text)) {
        const problems = useStorageProblems.getState();
        if (problems.problems.some((p) => p.key === name && p.kind === 'full'))
          problems.dismiss(name);
      }
    }
  };

  /** Merges the saved copy of a key if another tab changed it since this tab last saw it. */
  const catchUp = (name: string) => {
    if (mergeSaved === undefined || !known.has(name)) return;
    const text = localStorage.getItem(name);
    if (text === null || text === known.get(name)) return;
    known.set(name, text);
    try {
      const value = JSON.parse(text) as StorageValue<S>;
      if (value !== null && typeof value === 'object' && isValid(value.state)) mergeSaved(value);
    } catch {
      // A copy that cannot be read is not merged; this tab's next save replaces it.
    }
  };
  if (mergeSaved !== undefined && typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.storageArea === localStorage && event.key !== null) catchUp(event.key);
    });
    // A page restored from the back/forward cache missed the events of its time away.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) for (const name of known.keys()) catchUp(name);
    });
  }

  return {
    getItem: (name) => {
      const text = localStorage.getItem(name);
      known.set(name, text);
      if (text === null) return null;
      try {
        const value = JSON.parse(text) as StorageValue<S>;
        if (value !== null && typeof value === 'object' && 'state' in value && isValid(value.state))
          return value;
      } catch {
        // Falls through to setting the damaged copy aside.
      }
      try {
        localStorage.setItem(damagedCopyKey(name), text);
        localStorage.removeItem(name);
        known.set(name, null);
      } catch {
        // The copy stays in memory for download even if it cannot be set aside.
      }
      useStorageProblems.getState().report({ key: name, kind: 'damaged', damagedCopy: text });
      return null;
    },
    setItem: (name, value) => {
      // Another tab saved since this one last looked: merge its copy first. If merging saved,
      // that save holds this state too, and this (older) one is not written over it.
      const before = writes;
      catchUp(name);
      if (writes !== before) return;
      const text = JSON.stringify(value);
      // Saved already (as when taking another tab's copy): writing it again would only wake the
      // other tabs for nothing.
      if (text === known.get(name) && !pending.has(name)) {
        writes += 1;
        return;
      }
      write(name, text);
    },
    removeItem: (name) => {
      localStorage.removeItem(name);
      known.set(name, null);
    },
  };
}
