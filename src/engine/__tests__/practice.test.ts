// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePracticeItems, itemsForTopics, optionOrder } from '../practice';
import { seededRandom, shuffled } from '../random';
import { buildTopicTree } from '../topic-tree';
import { items, makeItem, manifest } from './fixtures';

const tree = buildTopicTree(manifest);
const ids = (list: { id: string }[]) => list.map((i) => i.id).sort();

describe('itemsForTopics', () => {
  it('includes the items of the chosen topic and of every topic beneath it', () => {
    expect(ids(itemsForTopics(tree, items, ['so']))).toEqual(['i-1', 'i-2', 'p-1', 'so-1']);
    expect(ids(itemsForTopics(tree, items, ['problem', 'roles']))).toEqual(['p-1', 'r-1']);
  });

  it('matches secondary topics too', () => {
    const extra = makeItem('x-1', 'st', { topics: ['st', 'roles'] });
    expect(ids(itemsForTopics(tree, [extra], ['roles']))).toEqual(['x-1']);
  });
});

describe('choosePracticeItems', () => {
  const choose = (lastSeen: Map<string, number>, count: number, seed = 1) =>
    choosePracticeItems({
      tree,
      items,
      topicIds: ['so'],
      lastSeen,
      count,
      random: seededRandom(seed),
    });

  it('prefers items never answered, then the least recently answered', () => {
    const lastSeen = new Map([
      ['i-1', 300],
      ['i-2', 100],
      ['p-1', 200],
    ]);
    expect(choose(lastSeen, 2).map((i) => i.id)).toEqual(['so-1', 'i-2']);
    expect(choose(lastSeen, 4).map((i) => i.id)).toEqual(['so-1', 'i-2', 'p-1', 'i-1']);
  });

  it('returns at most the items available, without repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer(), (count, seed) => {
        const chosen = choose(new Map(), count, seed);
        expect(chosen).toHaveLength(Math.min(count, 4));
        expect(new Set(chosen.map((i) => i.id)).size).toBe(chosen.length);
      }),
    );
  });

  it('is reproducible for a seed', () => {
    expect(choose(new Map(), 4, 42)).toEqual(choose(new Map(), 4, 42));
  });
});

describe('optionOrder', () => {
  it('keeps the written order of fixed-order items', () => {
    const listItem = makeItem('l-1', 'so', { fixedOrder: true });
    for (let seed = 0; seed < 20; seed++) {
      expect(optionOrder(listItem, seededRandom(seed))).toEqual(['a', 'b', 'c', 'd']);
    }
  });

  it('shuffles other items, keeping every option exactly once', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const order = optionOrder(makeItem('s-1', 'so'), seededRandom(seed));
      expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
      orders.add(order.join(''));
    }
    expect(orders.size).toBeGreaterThan(10);
  });
});

describe('shuffled', () => {
  it('is a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (values, seed) => {
        const copy = [...values];
        const result = shuffled(values, seededRandom(seed));
        expect(values).toEqual(copy);
        expect([...result].sort()).toEqual([...values].sort());
      }),
    );
  });
});
