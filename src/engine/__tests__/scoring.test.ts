// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../answers';
import { topicResults } from '../scoring';
import { buildTopicTree } from '../topic-tree';
import { items, manifest } from './fixtures';

const tree = buildTopicTree(manifest);
const itemsById = new Map(items.map((i) => [i.id, i]));
const answer = (itemId: string, correct: boolean, at = 1): AnswerRecord => ({
  bankId: 'mini',
  itemId,
  choice: correct ? 'b' : 'a',
  correct,
  ms: 1000,
  mode: 'practice',
  at,
});

describe('topicResults', () => {
  it('counts answers under the primary topic and rolls processes up into their stage', () => {
    const results = topicResults(tree, itemsById, [
      answer('i-1', true),
      answer('i-2', false),
      answer('p-1', true),
      answer('so-1', true),
      answer('st-1', false),
    ]);
    expect(results.get('incident')).toEqual({ attempted: 2, correct: 1, accuracy: 0.5 });
    expect(results.get('problem')).toEqual({ attempted: 1, correct: 1, accuracy: 1 });
    expect(results.get('so')).toEqual({ attempted: 4, correct: 3, accuracy: 0.75 });
    expect(results.get('st')).toEqual({ attempted: 1, correct: 0, accuracy: 0 });
    expect(results.get('roles')).toEqual({ attempted: 0, correct: 0, accuracy: null });
  });

  it('ignores answers to items the bank no longer has', () => {
    const results = topicResults(tree, itemsById, [answer('gone', true)]);
    expect([...results.values()].every((r) => r.attempted === 0)).toBe(true);
  });

  const answersArbitrary = fc.array(
    fc.record({ itemId: fc.constantFrom(...items.map((i) => i.id)), correct: fc.boolean() }),
    { maxLength: 200 },
  );

  it('property: the root topics together count every answer exactly once', () => {
    fc.assert(
      fc.property(answersArbitrary, (given) => {
        const results = topicResults(
          tree,
          itemsById,
          given.map((a) => answer(a.itemId, a.correct)),
        );
        const rootTotal = tree.roots.reduce(
          (sum, t) => sum + (results.get(t.id)?.attempted ?? 0),
          0,
        );
        const rootCorrect = tree.roots.reduce(
          (sum, t) => sum + (results.get(t.id)?.correct ?? 0),
          0,
        );
        expect(rootTotal).toBe(given.length);
        expect(rootCorrect).toBe(given.filter((a) => a.correct).length);
      }),
    );
  });

  it('property: a parent equals its own answers plus the sum of its children', () => {
    fc.assert(
      fc.property(answersArbitrary, (given) => {
        const answers = given.map((a) => answer(a.itemId, a.correct));
        const results = topicResults(tree, itemsById, answers);
        for (const topic of tree.topics) {
          const own = answers.filter((a) => itemsById.get(a.itemId)?.topics[0] === topic.id);
          const children = tree.children.get(topic.id) ?? [];
          const attempted =
            own.length + children.reduce((s, c) => s + (results.get(c.id)?.attempted ?? 0), 0);
          const correct =
            own.filter((a) => a.correct).length +
            children.reduce((s, c) => s + (results.get(c.id)?.correct ?? 0), 0);
          expect(results.get(topic.id)?.attempted).toBe(attempted);
          expect(results.get(topic.id)?.correct).toBe(correct);
          const result = results.get(topic.id);
          if (result && result.attempted > 0)
            expect(result.accuracy).toBeCloseTo(correct / attempted);
        }
      }),
    );
  });
});
