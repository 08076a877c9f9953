import type { Item } from './bank-schema';
import { shuffled, type Random } from './random';
import { subtreeOf, type TopicTree } from './topic-tree';

/** The items that test any of the chosen topics (or a topic beneath one of them). */
export function itemsForTopics(
  tree: TopicTree,
  items: readonly Item[],
  topicIds: readonly string[],
): Item[] {
  const wanted = new Set<string>();
  for (const id of topicIds) for (const t of subtreeOf(tree, id)) wanted.add(t);
  return items.filter((item) => item.topics.some((t) => wanted.has(t)));
}

/**
 * Practice items for the chosen topics: items never answered first, then the least recently
 * answered, so a student does not meet the question they just saw. Ties are broken at random.
 */
export function choosePracticeItems(options: {
  tree: TopicTree;
  items: readonly Item[];
  topicIds: readonly string[];
  lastSeen: ReadonlyMap<string, number>;
  count: number;
  random: Random;
}): Item[] {
  const { tree, items, topicIds, lastSeen, count, random } = options;
  const pool = shuffled(itemsForTopics(tree, items, topicIds), random);
  const seenAt = (item: Item) => lastSeen.get(item.id) ?? -1;
  return pool.sort((a, b) => seenAt(a) - seenAt(b)).slice(0, Math.max(0, count));
}

/** The order in which to show an item's options: shuffled, unless the item keeps its order. */
export function optionOrder(item: Item, random: Random): string[] {
  const ids = item.options.map((o) => o.id);
  return item.fixedOrder === true ? ids : shuffled(ids, random);
}
