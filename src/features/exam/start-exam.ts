import { lastSeenByItem } from '../../engine/answers';
import { startAttempt, type ExamTiming } from '../../engine/exam';
import type { LoadedBank } from '../../engine/load-bank';
import { useHistoryStore } from '../../state/history-store';
import { useExamStore } from './exam-store';

/** A random 32-bit seed: each attempt is reproducible from it, and different from the last. */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? Date.now();
}

/** Starts a mock exam (or a retake of given items) and makes it the attempt in progress. */
export function startExam(
  bank: LoadedBank,
  timing: ExamTiming,
  itemIds?: string[],
  now = Date.now(),
): void {
  const seed = newSeed();
  useExamStore.getState().begin(
    startAttempt({
      bank,
      id: `${now.toString(36)}-${seed.toString(36)}`,
      seed,
      timing,
      now,
      lastSeen: lastSeenByItem(useHistoryStore.getState().answers, bank.manifest.id),
      ...(itemIds === undefined ? {} : { itemIds }),
    }),
  );
}
