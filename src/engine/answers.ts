/** Where an answer was given. */
export type AnswerMode = 'practice' | 'exam' | 'review';

/** One answer a student gave: the unit of all progress, recorded the moment it is given. */
export interface AnswerRecord {
  bankId: string;
  itemId: string;
  /** The option id chosen (stable across shuffles), or null when an exam question was left unanswered. */
  choice: string | null;
  correct: boolean;
  /** Milliseconds from the question being shown to the answer. */
  ms: number;
  mode: AnswerMode;
  /** Epoch milliseconds. */
  at: number;
  /** The exam attempt it belongs to, for exam answers. */
  attemptId?: string;
}

/** When each item of a bank was last answered, for choosing the least recently seen. */
export function lastSeenByItem(
  answers: readonly AnswerRecord[],
  bankId: string,
): Map<string, number> {
  const lastSeen = new Map<string, number>();
  for (const answer of answers) {
    if (answer.bankId !== bankId) continue;
    const previous = lastSeen.get(answer.itemId);
    if (previous === undefined || answer.at > previous) lastSeen.set(answer.itemId, answer.at);
  }
  return lastSeen;
}
