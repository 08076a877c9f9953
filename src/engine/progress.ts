import type { AnswerRecord } from './answers';
import type { Topic } from './bank-schema';
import { historyColumns, type HistoryColumns } from './history-codec';
import { blueprintQuotas } from './exam';
import type { LoadedBank } from './load-bank';
import { dayOf, startOfDay, type DayNumber } from './progress-days';
import { estimateReadiness, type AreaEvidence, type Readiness } from './readiness';
import { ancestorsOf } from './topic-tree';

/** Mastery counts a topic's last this many answers. */
export const MASTERY_WINDOW = 20;
/** Readiness counts a blueprint area's last this many answers. */
export const READINESS_WINDOW = 50;
const RING = Math.max(MASTERY_WINDOW, READINESS_WINDOW);
/** The mode bits of a HistoryColumns flags byte for an exam answer. */
const EXAM_FLAGS = 1 << 1;

/** Words for a mastery level, so it is never shown by colour alone. */
export type MasteryLevel = 'not-started' | 'weak' | 'improving' | 'strong';

/** A student's standing on one topic. */
export interface TopicProgress {
  topic: Topic;
  /** 0 for a stage or a top-level concept, 1 for the processes and functions under it. */
  depth: number;
  attempted: number;
  correct: number;
  /** The last MASTERY_WINDOW answers (or fewer) and how many were right. */
  recentAttempted: number;
  recentCorrect: number;
  /** recentCorrect / recentAttempted, or null before the first answer. */
  recentAccuracy: number | null;
  /**
   * Right answers among the last MASTERY_WINDOW, over MASTERY_WINDOW: a topic is mastered only
   * with enough evidence, so 5 right of 5 is 25%, not 100%.
   */
  mastery: number;
  level: MasteryLevel;
  /** When the topic was last practised (epoch ms), or null if never. */
  lastAt: number | null;
  /** How many of the bank's items test it. */
  itemCount: number;
}

/** One day's activity. */
export interface DayActivity {
  day: DayNumber;
  answered: number;
  correct: number;
  /** Practice and review answers (not exam answers), which the trend's accuracy line shows. */
  practiceAnswered: number;
  practiceCorrect: number;
}

/** A full-length mock exam found in the history. */
export interface MockScore {
  attemptId: string;
  day: DayNumber;
  at: number;
  correct: number;
  total: number;
}

/** The level a mastery figure falls in. */
export function masteryLevel(attempted: number, mastery: number): MasteryLevel {
  if (attempted === 0) return 'not-started';
  if (mastery < 0.5) return 'weak';
  if (mastery < 0.8) return 'improving';
  return 'strong';
}

/**
 * Running aggregates of one bank's answers, updated answer by answer so the dashboard never
 * rescans the whole history: per item, per topic (with a ring of recent outcomes), per day and
 * per exam attempt. It reads the history's columns (history-codec.ts), not its answer objects:
 * each answer costs a handful of reads and writes of contiguous typed arrays.
 */
export class ProgressTracker {
  readonly bank: LoadedBank;
  /** Answers of the history's columns consumed so far (of any bank). */
  consumed = 0;
  answered = 0;
  correct = 0;
  private readonly itemIndex: Map<string, number>;
  /** For item i, its primary topic and that topic's ancestors: topicList[topicStart[i] …]. */
  private readonly topicStart: Int32Array;
  private readonly topicList: Int32Array;
  private readonly itemAttempted: Uint32Array;
  private readonly topicAttempted: Uint32Array;
  private readonly topicCorrect: Uint32Array;
  private readonly topicLastAt: Float64Array;
  /** RING recent outcomes per topic (1 right, 0 wrong), written round-robin. */
  private readonly ring: Uint8Array;
  private readonly itemCounts: number[];
  private readonly days = new Map<DayNumber, DayActivity>();
  private readonly attempts = new Map<number, MockScore>();
  private readonly bankId: string;
  /** Where the last pass stopped: the day and attempt its last answer counted towards. */
  private cursor: {
    activity: DayActivity | null;
    dayStart: number;
    dayEnd: number;
    score: MockScore | null;
    scoreIndex: number;
  } = { activity: null, dayStart: 0, dayEnd: 0, score: null, scoreIndex: -1 };
  private generation = -1;
  /** For each interned key of the history's columns, see syncTo. */
  private readonly keyItem: number[] = [];

  constructor(bank: LoadedBank) {
    this.bank = bank;
    const topicIndex = new Map(bank.tree.topics.map((t, i) => [t.id, i]));
    this.itemIndex = new Map(bank.items.map((item, i) => [item.id, i]));
    const itemTopics = bank.items.map((item) => {
      const primary = item.topics[0] ?? '';
      return [primary, ...ancestorsOf(bank.tree, primary)].flatMap((id) => {
        const index = topicIndex.get(id);
        return index === undefined ? [] : [index];
      });
    });
    this.topicStart = new Int32Array(bank.items.length + 1);
    itemTopics.forEach(
      (list, i) => (this.topicStart[i + 1] = (this.topicStart[i] ?? 0) + list.length),
    );
    this.topicList = Int32Array.from(itemTopics.flat());
    const topics = bank.tree.topics.length;
    this.itemAttempted = new Uint32Array(bank.items.length);
    this.topicAttempted = new Uint32Array(topics);
    this.topicCorrect = new Uint32Array(topics);
    this.topicLastAt = new Float64Array(topics).fill(-Infinity);
    this.ring = new Uint8Array(topics * RING);
    // Items testing each topic or a topic below it (as itemsForTopics counts them), in one pass.
    this.itemCounts = new Array<number>(topics).fill(0);
    for (const item of bank.items) {
      const tested = new Set<number>();
      for (const id of item.topics) {
        for (const t of [id, ...ancestorsOf(bank.tree, id)]) {
          const index = topicIndex.get(t);
          if (index !== undefined) tested.add(index);
        }
      }
      for (const index of tested) this.itemCounts[index] = (this.itemCounts[index] ?? 0) + 1;
    }
    this.bankId = bank.manifest.id;
  }

  /**
   * Brings the aggregates in step with the history's columns: adds only the answers that are new
   * since the last call, or starts again if the history was replaced rather than appended to.
   */
  syncTo(columns: HistoryColumns): void {
    if (columns.generation !== this.generation) {
      this.reset();
      this.generation = columns.generation;
    }
    // What each interned (bank, item) key is to this bank: an item index, -1 for an item the
    // bank no longer has, -2 for another bank's item.
    for (let k = this.keyItem.length; k < columns.keys.length; k++) {
      const [bank, itemId] = columns.keys[k] as readonly [number, string];
      this.keyItem.push(
        columns.banks[bank] === this.bankId ? (this.itemIndex.get(itemId) ?? -1) : -2,
      );
    }
    // The hot loop reads only locals and typed arrays, so even its first, unoptimised run is quick.
    const { key, at, flags, attempt, count } = columns;
    const { keyItem, itemAttempted, topicStart, topicList, topicAttempted, topicCorrect } = this;
    const { topicLastAt, ring, days, attempts } = this;
    let answered = 0;
    let right = 0;
    let { activity, dayStart, dayEnd, score, scoreIndex } = this.cursor;
    for (let i = this.consumed; i < count; i++) {
      const item = keyItem[key[i] as number] as number;
      if (item === -2) continue;
      const when = at[i] as number;
      const f = flags[i] as number;
      const correct = f & 1;
      answered += 1;
      right += correct;
      // Answers come in time order, so the day's totals are nearly always the previous answer's.
      if (activity === null || when < dayStart || when >= dayEnd) {
        const day = dayOf(when);
        dayStart = startOfDay(day);
        dayEnd = startOfDay(day + 1);
        activity = days.get(day) ?? null;
        if (activity === null) {
          activity = { day, answered: 0, correct: 0, practiceAnswered: 0, practiceCorrect: 0 };
          days.set(day, activity);
        }
      }
      activity.answered += 1;
      activity.correct += correct;
      if ((f & 6) !== EXAM_FLAGS) {
        activity.practiceAnswered += 1;
        activity.practiceCorrect += correct;
      } else {
        const attemptIndex = attempt[i] as number;
        if (attemptIndex >= 0) {
          if (score === null || scoreIndex !== attemptIndex) {
            score = attempts.get(attemptIndex) ?? null;
            if (score === null) {
              const attemptId = columns.attempts[attemptIndex] ?? '';
              score = { attemptId, day: activity.day, at: when, correct: 0, total: 0 };
              attempts.set(attemptIndex, score);
            }
            scoreIndex = attemptIndex;
          }
          score.total += 1;
          score.correct += correct;
        }
      }
      if (item < 0) continue;
      itemAttempted[item] = (itemAttempted[item] as number) + 1;
      for (let t = topicStart[item] as number, end = topicStart[item + 1] as number; t < end; t++) {
        const topic = topicList[t] as number;
        const seen = topicAttempted[topic] as number;
        ring[topic * RING + (seen % RING)] = correct;
        topicAttempted[topic] = seen + 1;
        topicCorrect[topic] = (topicCorrect[topic] as number) + correct;
        if (when > (topicLastAt[topic] as number)) topicLastAt[topic] = when;
      }
    }
    this.cursor = { activity, dayStart, dayEnd, score, scoreIndex };
    this.answered += answered;
    this.correct += right;
    this.consumed = count;
  }

  private reset(): void {
    this.consumed = 0;
    this.answered = 0;
    this.correct = 0;
    this.itemAttempted.fill(0);
    this.topicAttempted.fill(0);
    this.topicCorrect.fill(0);
    this.topicLastAt.fill(-Infinity);
    this.ring.fill(0);
    this.days.clear();
    this.attempts.clear();
    this.cursor = { activity: null, dayStart: 0, dayEnd: 0, score: null, scoreIndex: -1 };
    this.keyItem.length = 0;
  }

  /** Right answers among a topic's last `window` answers, and how many that is. */
  recent(topicIndex: number, window: number): { attempted: number; correct: number } {
    const seen = this.topicAttempted[topicIndex] ?? 0;
    const attempted = Math.min(seen, window);
    let correct = 0;
    for (let k = 1; k <= attempted; k++)
      correct += this.ring[topicIndex * RING + ((seen - k) % RING)] ?? 0;
    return { attempted, correct };
  }

  /** Every topic's standing, in manifest order. */
  topicProgress(): TopicProgress[] {
    const { tree } = this.bank;
    return tree.topics.map((topic, i) => {
      const attempted = this.topicAttempted[i] ?? 0;
      const recent = this.recent(i, MASTERY_WINDOW);
      const mastery = recent.correct / MASTERY_WINDOW;
      const lastAt = this.topicLastAt[i] ?? -Infinity;
      return {
        topic,
        depth: ancestorsOf(tree, topic.id).length,
        attempted,
        correct: this.topicCorrect[i] ?? 0,
        recentAttempted: recent.attempted,
        recentCorrect: recent.correct,
        recentAccuracy: recent.attempted === 0 ? null : recent.correct / recent.attempted,
        mastery,
        level: masteryLevel(attempted, mastery),
        lastAt: lastAt === -Infinity ? null : lastAt,
        itemCount: this.itemCounts[i] ?? 0,
      };
    });
  }

  /** Items of the bank never answered. */
  unansweredItems(): number {
    let count = 0;
    for (const n of this.itemAttempted) if (n === 0) count += 1;
    return count;
  }

  /** Activity per day, oldest first, days without answers left out. */
  activity(): DayActivity[] {
    return [...this.days.values()].sort((a, b) => a.day - b.day);
  }

  /** Activity on one day, or null if none. */
  activityOn(day: DayNumber): DayActivity | null {
    return this.days.get(day) ?? null;
  }

  /** Whether anything was answered on a day. */
  studiedOn(day: DayNumber): boolean {
    return this.days.has(day);
  }

  /**
   * Full-length mock exams, oldest first: exam attempts with as many answers as the real exam has
   * questions (retakes of a few missed questions are not scores).
   */
  mockScores(): MockScore[] {
    const full = this.bank.manifest.exam.questionCount;
    return [...this.attempts.values()].filter((a) => a.total === full).sort((a, b) => a.at - b.at);
  }

  /** What readiness is based on: each blueprint area's quota and recent answers. */
  areaEvidence(): AreaEvidence[] {
    const { tree, manifest } = this.bank;
    const quotas = blueprintQuotas(tree, manifest.exam.questionCount);
    return tree.topics.flatMap((topic, i) =>
      topic.weight === undefined
        ? []
        : [
            {
              id: topic.id,
              quota: quotas.get(topic.id) ?? 0,
              answered: this.topicAttempted[i] ?? 0,
              ...(({ attempted, correct }) => ({
                recentAnswered: attempted,
                recentCorrect: correct,
              }))(this.recent(i, READINESS_WINDOW)),
            },
          ],
    );
  }
}

/** The aggregates of one bank's history, built in one pass. */
export function trackProgress(bank: LoadedBank, answers: readonly AnswerRecord[]): ProgressTracker {
  const tracker = new ProgressTracker(bank);
  tracker.syncTo(historyColumns(answers));
  return tracker;
}

/**
 * Overall mastery: each blueprint area's mastery weighted by its share of the exam, so it reads
 * like a score on a paper with the real mix of questions.
 */
export function overallMastery(topics: readonly TopicProgress[]): number {
  const areas = topics.filter((t) => t.topic.weight !== undefined);
  const weight = areas.reduce((s, t) => s + (t.topic.weight ?? 0), 0);
  return weight === 0
    ? 0
    : areas.reduce((s, t) => s + t.mastery * (t.topic.weight ?? 0), 0) / weight;
}

/** Days studied in a row. */
export interface Streak {
  /** The run that ends today, or yesterday if nothing has been answered yet today. */
  current: number;
  studiedToday: boolean;
  longest: number;
}

/** The study streak as of `today`, from the days with answers. */
export function studyStreak(studied: readonly DayNumber[], today: DayNumber): Streak {
  const days = new Set(studied);
  const studiedToday = days.has(today);
  let current = 0;
  for (let day = studiedToday ? today : today - 1; days.has(day); day--) current += 1;
  let longest = 0;
  for (const day of days) {
    if (days.has(day - 1)) continue;
    let run = 1;
    while (days.has(day + run)) run += 1;
    longest = Math.max(longest, run);
  }
  return { current, studiedToday, longest };
}

/** One day of the trend chart. */
export interface TrendDay {
  day: DayNumber;
  practiceAnswered: number;
  /** Practice and review accuracy that day, or null without such answers. */
  practiceAccuracy: number | null;
  /** Scores (ratio right) of the full mock exams taken that day. */
  mockScores: number[];
}

/** The last `days` days up to `today`, oldest first, with accuracy and mock scores per day. */
export function trend(tracker: ProgressTracker, today: DayNumber, days: number): TrendDay[] {
  const mocks = new Map<DayNumber, number[]>();
  for (const mock of tracker.mockScores()) {
    mocks.set(mock.day, [...(mocks.get(mock.day) ?? []), mock.correct / mock.total]);
  }
  return Array.from({ length: days }, (_, i) => {
    const day = today - days + 1 + i;
    const activity = tracker.activityOn(day);
    const practiceAnswered = activity?.practiceAnswered ?? 0;
    return {
      day,
      practiceAnswered,
      practiceAccuracy:
        practiceAnswered === 0 ? null : (activity?.practiceCorrect ?? 0) / practiceAnswered,
      mockScores: mocks.get(day) ?? [],
    };
  });
}

/**
 * The topics to practise next: leaf topics (processes, functions, concepts) with questions in the
 * bank, lowest mastery first, then least recently practised (never before long ago), then the
 * larger share of the exam.
 */
export function weakTopics(topics: readonly TopicProgress[], count: number): TopicProgress[] {
  const leaves = topics.filter(
    (t) => t.itemCount > 0 && !topics.some((o) => o.topic.parent === t.topic.id),
  );
  const weightOf = (t: TopicProgress) =>
    t.topic.weight ?? topics.find((o) => o.topic.id === t.topic.parent)?.topic.weight ?? 0;
  return [...leaves]
    .sort(
      (a, b) =>
        a.mastery - b.mastery ||
        (a.lastAt ?? -Infinity) - (b.lastAt ?? -Infinity) ||
        weightOf(b) - weightOf(a),
    )
    .slice(0, count);
}

/** How many days the trend chart shows. */
export const TREND_DAYS = 30;

/** Everything the progress dashboard shows about one bank's history. */
export interface DashboardFigures {
  answered: number;
  correct: number;
  topics: TopicProgress[];
  overallMastery: number;
  streak: Streak;
  /** Answers given today. */
  answeredToday: number;
  trend: TrendDay[];
  mocks: MockScore[];
  /** What readiness rests on, area by area. */
  evidence: AreaEvidence[];
  readiness: Readiness;
  weakTopics: TopicProgress[];
  unansweredItems: number;
}

/** The dashboard's figures from the running aggregates, as of `today`. */
export function dashboardFigures(tracker: ProgressTracker, today: DayNumber): DashboardFigures {
  const topics = tracker.topicProgress();
  const evidence = tracker.areaEvidence();
  return {
    answered: tracker.answered,
    correct: tracker.correct,
    topics,
    overallMastery: overallMastery(topics),
    streak: studyStreak(
      tracker.activity().map((a) => a.day),
      today,
    ),
    answeredToday: tracker.activityOn(today)?.answered ?? 0,
    trend: trend(tracker, today, TREND_DAYS),
    mocks: tracker.mockScores(),
    evidence,
    readiness: estimateReadiness(evidence, tracker.bank.manifest.exam.passMark),
    weakTopics: weakTopics(topics, 3),
    unansweredItems: tracker.unansweredItems(),
  };
}
