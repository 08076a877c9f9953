import { lastSeenByItem } from '../../engine/answers';
import type { LoadedBank } from '../../engine/load-bank';
import { choosePracticeItems, optionOrder } from '../../engine/practice';
import type { Random } from '../../engine/random';
import { useHistoryStore } from '../../state/history-store';
import { usePracticeStore } from './practice-store';

/**
 * Starts a practice session on the chosen topics (or on given items, to retry mistakes).
 * Returns how many questions it holds.
 */
export function startPractice(
  bank: LoadedBank,
  choice: { topicIds: string[]; count: number } | { itemIds: string[] },
  random: Random = Math.random,
  now: number = Date.now(),
): number {
  const items =
    'itemIds' in choice
      ? choice.itemIds.flatMap((id) => bank.itemsById.get(id) ?? [])
      : choosePracticeItems({
          tree: bank.tree,
          items: bank.items,
          topicIds: choice.topicIds,
          lastSeen: lastSeenByItem(useHistoryStore.getState().answers, bank.manifest.id),
          count: choice.count,
          random,
        });
  if (items.length === 0) return 0;
  usePracticeStore.getState().start({
    bankId: bank.manifest.id,
    topicIds: 'topicIds' in choice ? choice.topicIds : [],
    itemIds: items.map((i) => i.id),
    optionOrders: Object.fromEntries(items.map((item) => [item.id, optionOrder(item, random)])),
    startedAt: now,
  });
  return items.length;
}
