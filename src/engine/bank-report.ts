import type { Item } from './bank-schema';
import {
  catchAllOptions,
  hasLowerCaseNegation,
  isScenario,
  keyIsLongest,
  nearDuplicateStems,
  questionStyle,
  type QuestionStyle,
} from './item-quality';
import type { LoadedBank } from './load-bank';
import { subtreeOf } from './topic-tree';

/** The measurable quality figures of a set of items (the whole bank, or one topic's). */
export interface QualityFigures {
  items: number;
  /** Items whose key is at each written position (a, b, c, ...). */
  keyPositions: Record<string, number>;
  keyLongest: number;
  styles: Record<QuestionStyle, number>;
  difficulty: Record<1 | 2 | 3, number>;
  /** Application (difficulty 3) items with a scenario stem. */
  scenarios: number;
}

export interface BankReport {
  total: QualityFigures;
  /** Figures per topic over the items whose primary topic is in that topic's subtree. */
  byTopic: Map<string, QualityFigures>;
  /** Items by syllabus unit (ref). */
  byUnit: Map<string, number>;
  catchAlls: { item: string; option: string }[];
  lowerCaseNegations: string[];
  missingTeaching: string[];
  nearDuplicates: { a: string; b: string; similarity: number }[];
}

/** Quality figures for a set of items. */
export function qualityFigures(items: readonly Item[]): QualityFigures {
  const figures: QualityFigures = {
    items: items.length,
    keyPositions: { a: 0, b: 0, c: 0, d: 0 },
    keyLongest: 0,
    styles: { standard: 0, negative: 0, list: 0, 'missing-word': 0 },
    difficulty: { 1: 0, 2: 0, 3: 0 },
    scenarios: 0,
  };
  for (const item of items) {
    figures.keyPositions[item.answer] = (figures.keyPositions[item.answer] ?? 0) + 1;
    if (keyIsLongest(item)) figures.keyLongest += 1;
    figures.styles[questionStyle(item)] += 1;
    figures.difficulty[item.difficulty] += 1;
    if (item.difficulty === 3 && isScenario(item)) figures.scenarios += 1;
  }
  return figures;
}

/** Everything `npm run bank:report` prints about a bank. */
export function bankReport(bank: LoadedBank): BankReport {
  const byTopic = new Map<string, QualityFigures>();
  for (const topic of bank.tree.topics) {
    const subtree = subtreeOf(bank.tree, topic.id);
    byTopic.set(topic.id, qualityFigures(bank.items.filter((i) => subtree.has(i.topics[0] ?? ''))));
  }
  const byUnit = new Map<string, number>();
  for (const item of bank.items) {
    const unit = item.ref ?? '(none)';
    byUnit.set(unit, (byUnit.get(unit) ?? 0) + 1);
  }
  return {
    total: qualityFigures(bank.items),
    byTopic,
    byUnit,
    catchAlls: bank.items.flatMap((item) =>
      catchAllOptions(item).map((option) => ({ item: item.id, option })),
    ),
    lowerCaseNegations: bank.items.filter(hasLowerCaseNegation).map((i) => i.id),
    missingTeaching: bank.items
      .filter(
        (item) =>
          item.explanation.trim() === '' ||
          item.options.some(
            (o) => o.id !== item.answer && (item.rationale[o.id] ?? '').trim() === '',
          ),
      )
      .map((i) => i.id),
    nearDuplicates: nearDuplicateStems(bank.items).map(([a, b, similarity]) => ({
      a: a.id,
      b: b.id,
      similarity,
    })),
  };
}
