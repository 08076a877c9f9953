/**
 * `npm run bench:progress`: the progress dashboard at scale. Generates 100,000 answers on the real
 * bank (seeded, so every run is the same), then prints the time to compute the dashboard's figures
 * from them, the size of the saved history, and the time to record one more answer. Exit status 1
 * when the figures take 20 ms or more, or the saved history is 2 MB or more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AnswerRecord } from '../src/engine/answers';
import { loadBank } from '../src/engine/load-bank';
import { dashboardFigures, ProgressTracker } from '../src/engine/progress';
import { dayOf } from '../src/engine/progress-days';
import { seededRandom } from '../src/engine/random';

const ANSWERS = 100_000;
const FIGURES_BUDGET_MS = 20;
const SIZE_BUDGET_BYTES = 2 * 1024 * 1024;
const BANK_DIR = 'questions/itil-2011-foundation';

/** localStorage for Node: the stores save into it exactly as they would in a browser. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}
Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage() });

/** Median and worst of `runs` durations, each measured by `measure` (in ms). */
function summarise(runs: number, measure: (run: number) => number) {
  const samples = Array.from({ length: runs }, (_, run) => measure(run)).sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, worst: samples.at(-1) ?? 0 };
}

/** Median and worst of `runs` timings of `work`, in ms. */
function time(runs: number, work: (run: number) => void) {
  return summarise(runs, (run) => {
    const start = performance.now();
    work(run);
    return performance.now() - start;
  });
}
const ms = (t: { median: number; worst: number }) =>
  `${t.median.toFixed(2)} ms median, ${t.worst.toFixed(2)} ms worst`;

const load = await loadBank({
  id: 'itil-2011-foundation',
  files: readdirSync(BANK_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      path: join(BANK_DIR, f),
      read: async () => readFileSync(join(BANK_DIR, f), 'utf8'),
    })),
});
if (load.status !== 'ready') {
  console.error(load.faults.join('\n'));
  process.exit(1);
}
const { bank } = load;

/**
 * About a year of study ending now: practice sessions of 10 to 40 questions (a tenth of them
 * review), and a full mock exam in one session of five, all submitted at once; accuracy rising
 * from 50% to 80%; a few seconds to a minute a question.
 */
function generate(count: number): AnswerRecord[] {
  const random = seededRandom(20261123);
  const answers: AnswerRecord[] = [];
  const end = Date.now();
  let at = end - 330 * 86_400_000;
  let attempt = 0;
  const pick = () => bank.items[Math.floor(random() * bank.items.length)] ?? bank.items[0];
  while (answers.length < count) {
    const skill = 0.5 + 0.3 * (answers.length / count);
    const answerFor = (mode: AnswerRecord['mode'], when: number, ms: number): AnswerRecord => {
      const item = pick();
      const correct = random() < skill;
      const wrong = item?.options.find((o) => o.id !== item.answer)?.id ?? 'a';
      return {
        bankId: bank.manifest.id,
        itemId: item?.id ?? '',
        choice: correct ? (item?.answer ?? 'a') : wrong,
        correct,
        ms,
        mode,
        at: when,
      };
    };
    if (random() < 0.2) {
      attempt += 1;
      const submittedAt = at + 55 * 60_000;
      for (let q = 0; q < 40 && answers.length < count; q++) {
        answers.push({
          ...answerFor('exam', submittedAt, Math.round(20_000 + random() * 100_000)),
          attemptId: `${submittedAt.toString(36)}-${attempt.toString(36)}`,
        });
      }
      at = submittedAt;
    } else {
      const length = 10 + Math.floor(random() * 31);
      for (let q = 0; q < length && answers.length < count; q++) {
        const took = Math.round(4_000 + random() * 56_000);
        at += took + Math.round(3_000 + random() * 12_000);
        answers.push(answerFor(random() < 0.1 ? 'review' : 'practice', at, took));
      }
    }
    at += Math.round((1 + random() * 5) * 3_600_000);
  }
  return answers;
}

const answers = generate(ANSWERS);
const today = dayOf(Date.now());
const { HISTORY_STORAGE_KEY, currentHistoryColumns, useHistoryStore } =
  await import('../src/state/history-store');
const { HistoryPacker } = await import('../src/engine/history-codec');

// The history as the app holds it: the store, saved (packed) and kept as columns.
const packStart = performance.now();
useHistoryStore.setState({ answers });
const packMs = performance.now() - packStart;
const savedText = localStorage.getItem(HISTORY_STORAGE_KEY) ?? '';
const savedBytes = Buffer.byteLength(savedText, 'utf8');
const plainBytes = Buffer.byteLength(JSON.stringify({ state: { answers }, version: 1 }), 'utf8');

// The dashboard's figures from 100,000 answers: every aggregate built in one pass, then read.
const cold = time(15, () => {
  const tracker = new ProgressTracker(bank);
  tracker.syncTo(currentHistoryColumns());
  dashboardFigures(tracker, today);
});
// The same figures when the aggregates are already up to date (a re-render).
const tracker = new ProgressTracker(bank);
tracker.syncTo(currentHistoryColumns());
const warm = time(21, () => {
  dashboardFigures(tracker, today);
});

// One more answer: record it (pack and save), then update the aggregates and the figures.
const more = answers.slice(-100).map((a) => ({ ...a }));
const record = time(50, (run) =>
  useHistoryStore.getState().recordAnswer({ ...(more[run] as AnswerRecord), at: Date.now() }),
);
const incremental = summarise(50, (run) => {
  useHistoryStore.getState().recordAnswer({ ...(more[run + 50] as AnswerRecord), at: Date.now() });
  const start = performance.now();
  tracker.syncTo(currentHistoryColumns());
  dashboardFigures(tracker, today);
  return performance.now() - start;
});

// Reading the saved history back, as the app does on start (answers and columns).
const restore = time(5, () => {
  HistoryPacker.restore(JSON.parse(savedText).state);
});

// The review queue built from the whole history the first time it loads (once, then incremental).
const reviewStart = performance.now();
const { useReviewStore } = await import('../src/state/review-store');
const reviewCatchUp = performance.now() - reviewStart;
const queued = Object.keys(useReviewStore.getState().cards).length;
const recordWithReview = time(50, (run) =>
  useHistoryStore.getState().recordAnswer({ ...(more[run] as AnswerRecord), at: Date.now() }),
);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `progress bench: ${ANSWERS.toLocaleString('en-GB')} answers on ${bank.items.length} items`,
);
console.log(
  `  dashboard figures from all answers (one pass):   ${ms(cold)}  (budget < ${FIGURES_BUDGET_MS} ms)`,
);
console.log(`  dashboard figures, aggregates up to date:        ${ms(warm)}`);
console.log(`  one more answer: update aggregates + figures:    ${ms(incremental)}`);
console.log(
  `  saved history (version 2):                       ${savedBytes} B (${kb(savedBytes)}, ${(savedBytes / ANSWERS).toFixed(1)} B an answer; plain JSON would be ${kb(plainBytes)})  (budget < ${SIZE_BUDGET_BYTES} B)`,
);
console.log(`  record one more answer (pack + save):            ${ms(record)}`);
console.log(`  record one more answer, review queue following:  ${ms(recordWithReview)}`);
console.log(`  read the saved history back (on start):          ${ms(restore)}`);
console.log(`  pack and save all answers at once (migration):   ${packMs.toFixed(0)} ms`);
console.log(
  `  review queue from the whole history (once):      ${reviewCatchUp.toFixed(0)} ms, ${queued} questions queued`,
);

const over: string[] = [];
if (cold.median >= FIGURES_BUDGET_MS) over.push(`figures take ${cold.median.toFixed(1)} ms`);
if (savedBytes >= SIZE_BUDGET_BYTES) over.push(`saved history is ${savedBytes} B`);
if (over.length > 0) {
  console.error(`OVER budget: ${over.join('; ')}`);
  process.exit(1);
}
console.log('progress: within budget');
