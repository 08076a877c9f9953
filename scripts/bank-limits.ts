/** The limits `npm run bank:report` enforces (issue 3 and ../shared/item-writing.md). */
export const QUALITY_LIMITS = {
  /** Share of items with the key at each position. */
  keyPosition: { min: 0.2, max: 0.3 },
  /** Share of items whose key is strictly the longest option. */
  keyLongestMax: 0.3,
  negativeMax: 0.05,
  /** Target difficulty mix and how far each share may stray from it. */
  difficulty: { target: { 1: 0.3, 2: 0.45, 3: 0.25 }, tolerance: 0.07 },
  /** Share of application items that set a scenario. */
  scenarioMin: 0.5,
} as const;

/** Coverage a bank must reach: minimum items by primary topic (its subtree), by kind and by unit. */
export interface CoverageLimits {
  total: number;
  /** Minimum items under each topic of a kind (stage totals include their processes and functions). */
  perKind: Partial<Record<'stage' | 'function' | 'process', number>>;
  /** Topic-specific minimums, overriding perKind. */
  perTopic: Record<string, number>;
  /** Minimum items whose primary topic is a concept. */
  concepts: number;
  /** Units that must each have at least one item. */
  units: string[];
}

export const COVERAGE_LIMITS: Record<string, CoverageLimits> = {
  'itil-2011-foundation': {
    total: 600,
    perKind: { stage: 60, function: 20, process: 10 },
    perTopic: {
      'strategy-management': 5,
      'demand-management': 5,
      'service-level-management': 25,
      'change-management': 25,
      'incident-management': 25,
      'problem-management': 25,
    },
    concepts: 60,
    units: Array.from({ length: 9 }, (_, i) => `ITILFND0${i + 1}`),
  },
};
