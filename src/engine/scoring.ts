import type { AnswerRecord } from './answers';
import type { Item } from './bank-schema';
import { ancestorsOf, type TopicTree } from './topic-tree';

/** How a student has done on one topic. */
export interface TopicResult {
  attempted: number;
  correct: number;
  /** correct / attempted, or null before the first answer. */
  accuracy: number | null;
}

/** Whether a choice is the item's key. */
export function isCorrect(item: Item, choice: string | null): boolean {
  return choice !== null && choice === item.answer;
}

/**
 * Results per topic. Each answer counts once, under its item's primary topic and under every
 * ancestor of it, so a stage's figures include its processes and a parent always equals its own
 * answers plus its children's.
 */
export function topicResults(
  tree: TopicTree,
  itemsById: ReadonlyMap<string, Item>,
  answers: readonly AnswerRecord[],
): Map<string, TopicResult> {
  const counts = new Map<string, { attempted: number; correct: number }>(
    tree.topics.map((t) => [t.id, { attempted: 0, correct: 0 }]),
  );
  for (const answer of answers) {
    const primary = itemsById.get(answer.itemId)?.topics[0];
    if (primary === undefined) continue;
    for (const topicId of [primary, ...ancestorsOf(tree, primary)]) {
      const count = counts.get(topicId);
      if (count === undefined) continue;
      count.attempted += 1;
      if (answer.correct) count.correct += 1;
    }
  }
  const results = new Map<string, TopicResult>();
  for (const [id, { attempted, correct }] of counts) {
    results.set(id, { attempted, correct, accuracy: attempted === 0 ? null : correct / attempted });
  }
  return results;
}
