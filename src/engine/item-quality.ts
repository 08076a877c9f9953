import type { Item } from './bank-schema';
import { normaliseStem } from './validate-bank';

/** The four question styles of the real exam. */
export type QuestionStyle = 'standard' | 'negative' | 'list' | 'missing-word';

const NEGATIVE_CAPITALS = /\b(NOT|EXCEPT|LEAST)\b/;
const NEGATIVE_ANY_CASE = /\b(not|except|least)\b/i;
const CATCH_ALL = /\b(all|none) of the (above|these|options)\b|\bboth\b|\b[A-E] and [A-E]\b/i;
const SCENARIO_OPENING = /^(a|an|the|during|after|while|when|following|at|in)\b/i;

/** The style of an item: list items keep their order; missing-word stems contain a blank. */
export function questionStyle(item: Item): QuestionStyle {
  if (NEGATIVE_ANY_CASE.test(item.stem) && !item.stem.includes('\n')) return 'negative';
  if (item.fixedOrder === true) return 'list';
  if (item.stem.includes('___')) return 'missing-word';
  return 'standard';
}

/** A negative stem whose negation is not in capitals, which students misread under time pressure. */
export function hasLowerCaseNegation(item: Item): boolean {
  return NEGATIVE_ANY_CASE.test(item.stem) && !NEGATIVE_CAPITALS.test(item.stem);
}

/** Whether the key is strictly longer than every other option: a cue test-wise students use. */
export function keyIsLongest(item: Item): boolean {
  const key = item.options.find((o) => o.id === item.answer);
  if (key === undefined) return false;
  return item.options.every((o) => o === key || o.text.length < key.text.length);
}

/** Options such as "all of the above" or "both A and B", which break when options are shuffled. */
export function catchAllOptions(item: Item): string[] {
  return item.options.filter((o) => CATCH_ALL.test(o.text)).map((o) => o.text);
}

/** A stem that sets a scene before asking: the application items' form. */
export function isScenario(item: Item): boolean {
  const question = item.stem.split('\n')[0] ?? '';
  const sentences = question.split(/(?<=[.?!])\s+/).filter(Boolean);
  return sentences.length >= 2 || (SCENARIO_OPENING.test(question) && question.length > 90);
}

function shingles(stem: string): Set<string> {
  const words = normaliseStem(stem).split(' ');
  const set = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (set.size === 0) set.add(words.join(' '));
  return set;
}

/** Pairs of items whose stems share most of their three-word runs (Jaccard similarity). */
export function nearDuplicateStems(
  items: readonly Item[],
  threshold = 0.75,
): [Item, Item, number][] {
  const sets = items.map((item) => shingles(item.stem));
  const pairs: [Item, Item, number][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = sets[i] as Set<string>;
      const b = sets[j] as Set<string>;
      let shared = 0;
      for (const s of a) if (b.has(s)) shared++;
      const similarity = shared / (a.size + b.size - shared);
      if (similarity >= threshold) pairs.push([items[i] as Item, items[j] as Item, similarity]);
    }
  }
  return pairs;
}
