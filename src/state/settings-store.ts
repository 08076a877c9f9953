import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { dayFromIso, type DayNumber } from '../engine/progress-days';
import { safeLocalStorage } from './safe-storage';

/** The student's own settings: for now, the date of their real exam. */
interface SettingsState {
  /** The real exam's date as an ISO date ("2026-12-14"), or null if not set. */
  examDate: string | null;
  setExamDate: (examDate: string | null) => void;
}

type SavedSettings = Pick<SettingsState, 'examDate'>;

export const SETTINGS_STORAGE_KEY = 'itil-practice.settings';

/** Saved settings made usable: anything that is not a real date reads as "not set". */
export function restoreSettings(saved: unknown): SavedSettings {
  const examDate = (saved as { examDate?: unknown } | null)?.examDate;
  return {
    examDate: typeof examDate === 'string' && dayFromIso(examDate) !== null ? examDate : null,
  };
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      examDate: null,
      setExamDate: (examDate) =>
        set({ examDate: examDate !== null && dayFromIso(examDate) !== null ? examDate : null }),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      version: 1,
      storage: safeLocalStorage<SavedSettings>(
        (state) => typeof state === 'object' && state !== null,
        // A setting changed in another tab holds in this one too.
        { mergeSaved: ({ state }) => useSettingsStore.setState(restoreSettings(state)) },
      ),
      partialize: (state) => ({ examDate: state.examDate }),
      migrate: (saved) => restoreSettings(saved),
      merge: (saved, current) => ({ ...current, ...restoreSettings(saved ?? current) }),
    },
  ),
);

/** The exam's day, or null if no date is set. */
export const useExamDay = (): DayNumber | null =>
  useSettingsStore((s) => (s.examDate === null ? null : dayFromIso(s.examDate)));
