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

/**
 * localStorage for zustand's `persist`, hardened: unreadable or wrongly shaped saved state is set
 * aside (never overwritten) and reported, and the store starts empty; a full disk is reported, the
 * state stays in memory, and the write is retried until it succeeds.
 */
export function safeLocalStorage<S>(isValid: (state: unknown) => boolean): PersistStorage<S> {
  const pending = new Map<string, string>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const write = (name: string, text: string): boolean => {
    try {
      localStorage.setItem(name, text);
      pending.delete(name);
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

  return {
    getItem: (name) => {
      const text = localStorage.getItem(name);
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
      } catch {
        // The copy stays in memory for download even if it cannot be set aside.
      }
      useStorageProblems.getState().report({ key: name, kind: 'damaged', damagedCopy: text });
      return null;
    },
    setItem: (name, value) => {
      write(name, JSON.stringify(value));
    },
    removeItem: (name) => localStorage.removeItem(name),
  };
}
