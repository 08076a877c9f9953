import { useExamStore } from './exam-store';

/** A submitted attempt by id, from the saved history of attempts. */
export const usePastAttempt = (attemptId: string | undefined) =>
  useExamStore((s) => s.past.find((a) => a.id === attemptId));
