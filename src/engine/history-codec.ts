import type { AnswerMode, AnswerRecord } from './answers';

/**
 * The answer history as it is saved (history store, version 2): about 15 bytes an answer instead
 * of about 150 as plain JSON, so 100,000 answers stay well under 2 MB of localStorage.
 *
 * Bank ids, (bank, item) pairs and exam attempt ids are interned in tables; each answer is one
 * short string in `answers`, so the saved state still holds one entry per answer. A packed row is
 * a run of variable-length numbers written in the base64url alphabet, 5 bits a character with the
 * sixth bit meaning "more follows":
 *
 *   head = item index × 128 + flags      flags: correct (1 bit), mode (2), choice (3), attempt (1)
 *   [attempt index]                      only when the attempt flag is set
 *   zigzag(at − previous row's at)       exam answers share their submission time: one character
 *   zigzag(ms)
 *
 * An answer whose values do not fit that (a choice other than a to e, a fractional time) is kept
 * verbatim as a JSON object string instead, so packing never loses anything.
 */
export interface PackedHistory {
  banks: string[];
  /** [bank index, item id] for every item ever answered. */
  items: [number, string][];
  attempts: string[];
  answers: string[];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT_OF[ALPHABET.charCodeAt(i)] = i;

const MODES: readonly AnswerMode[] = ['practice', 'exam', 'review'];
const CHOICES = ['a', 'b', 'c', 'd', 'e'];
const FLAG_SPAN = 128;

function writeNumber(value: number): string {
  let rest = value;
  let out = '';
  do {
    const digit = rest % 32;
    rest = Math.floor(rest / 32);
    out += ALPHABET[rest > 0 ? digit + 32 : digit];
  } while (rest > 0);
  return out;
}

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** A reader over one packed row; `next` returns -1 on a malformed or exhausted row. */
class RowReader {
  private position = 0;
  constructor(private readonly row: string) {}
  next(): number {
    let value = 0;
    let scale = 1;
    while (this.position < this.row.length) {
      const code = this.row.charCodeAt(this.position++);
      const digit = code < 128 ? (DIGIT_OF[code] as number) : -1;
      if (digit < 0) return -1;
      value += (digit & 31) * scale;
      if (digit < 32) return value;
      scale *= 32;
      if (scale > 2 ** 55) return -1;
    }
    return -1;
  }
  get done(): boolean {
    return this.position === this.row.length;
  }
}

const isMode = (value: unknown): value is AnswerMode =>
  value === 'practice' || value === 'exam' || value === 'review';

/**
 * One saved answer made usable, or null when it names no bank or item. Old or damaged values are
 * mended rather than dropped: an unknown mode reads as practice, a missing time as 0.
 */
export function restoreAnswer(raw: unknown): AnswerRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.bankId !== 'string' || typeof r.itemId !== 'string') return null;
  const number = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? value : 0;
  const answer: AnswerRecord = {
    bankId: r.bankId,
    itemId: r.itemId,
    choice: typeof r.choice === 'string' ? r.choice : null,
    correct: r.correct === true,
    ms: number(r.ms),
    mode: isMode(r.mode) ? r.mode : 'practice',
    at: number(r.at),
  };
  if (typeof r.attemptId === 'string') answer.attemptId = r.attemptId;
  return answer;
}

/** Whether an answer's values fit a packed row exactly. */
function packable(answer: AnswerRecord): boolean {
  return (
    Number.isSafeInteger(answer.ms) &&
    Number.isSafeInteger(answer.at) &&
    Math.abs(answer.at) < 2 ** 50 &&
    Math.abs(answer.ms) < 2 ** 50 &&
    (answer.choice === null || CHOICES.includes(answer.choice))
  );
}

/**
 * The history as parallel typed arrays, kept beside the answer objects: a pass over 100,000
 * answers reads a few contiguous arrays instead of 100,000 objects scattered over the heap, so
 * the dashboard's aggregates take milliseconds. Item and attempt ids are interned.
 */
export interface HistoryColumns {
  /** Changes whenever the history was replaced rather than appended to. */
  generation: number;
  count: number;
  /** Each answer's (bank, item) as an index into `keys`. */
  key: Int32Array;
  at: Float64Array;
  /** Bit 0: correct. Bits 1–2: mode (0 practice, 1 exam, 2 review). */
  flags: Uint8Array;
  /** Each answer's exam attempt as an index into `attempts`, or -1. */
  attempt: Int32Array;
  keys: readonly (readonly [number, string])[];
  banks: readonly string[];
  attempts: readonly string[];
}

let generations = 0;

/**
 * Packs answers incrementally, and keeps them as columns too: appending one answer costs one
 * short string and a few array writes, so saving after each answer does not re-encode the whole
 * history. Kept in step with the store's `answers` array by `syncTo`, which appends when the
 * array only grew and starts again when it was replaced.
 */
export class HistoryPacker {
  private readonly banks: string[] = [];
  private readonly bankIndex = new Map<string, number>();
  private readonly items: [number, string][] = [];
  private readonly itemIndex = new Map<number, Map<string, number>>();
  private readonly attempts: string[] = [];
  private readonly attemptIndex = new Map<string, number>();
  private readonly rows: string[] = [];
  private previousAt = 0;
  private source: readonly AnswerRecord[] = [];
  private count = 0;
  private generation = ++generations;
  private keyColumn = new Int32Array(1024);
  private atColumn = new Float64Array(1024);
  private flagsColumn = new Uint8Array(1024);
  private attemptColumn = new Int32Array(1024);

  /** Appends one answer. */
  append(answer: AnswerRecord): void {
    const { key, attempt } = this.record(answer);
    this.rows.push(packable(answer) ? this.packRow(answer, key, attempt) : JSON.stringify(answer));
  }

  /** Interns an answer's ids and adds it to the columns. */
  private record(answer: AnswerRecord): { key: number; attempt: number } {
    let bank = this.bankIndex.get(answer.bankId);
    if (bank === undefined) {
      bank = this.banks.push(answer.bankId) - 1;
      this.bankIndex.set(answer.bankId, bank);
      this.itemIndex.set(bank, new Map());
    }
    const bankItems = this.itemIndex.get(bank) as Map<string, number>;
    let key = bankItems.get(answer.itemId);
    if (key === undefined) {
      key = this.items.push([bank, answer.itemId]) - 1;
      bankItems.set(answer.itemId, key);
    }
    let attempt = -1;
    if (answer.attemptId !== undefined) {
      attempt = this.attemptIndex.get(answer.attemptId) ?? -1;
      if (attempt < 0) {
        attempt = this.attempts.push(answer.attemptId) - 1;
        this.attemptIndex.set(answer.attemptId, attempt);
      }
    }
    const flags = (answer.correct ? 1 : 0) | (Math.max(0, MODES.indexOf(answer.mode)) << 1);
    this.pushColumns(key, answer.at, flags, attempt);
    return { key, attempt };
  }

  private pushColumns(key: number, at: number, flags: number, attempt: number): void {
    const n = this.count;
    if (n === this.keyColumn.length) this.grow();
    this.keyColumn[n] = key;
    this.atColumn[n] = at;
    this.flagsColumn[n] = flags;
    this.attemptColumn[n] = attempt;
    this.count = n + 1;
  }

  private grow(): void {
    const size = this.keyColumn.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.keyColumn = grown(this.keyColumn, new Int32Array(size));
    this.atColumn = grown(this.atColumn, new Float64Array(size));
    this.flagsColumn = grown(this.flagsColumn, new Uint8Array(size));
    this.attemptColumn = grown(this.attemptColumn, new Int32Array(size));
  }

  private packRow(answer: AnswerRecord, key: number, attempt: number): string {
    const choice = answer.choice === null ? 0 : CHOICES.indexOf(answer.choice) + 1;
    const flags =
      (answer.correct ? 1 : 0) |
      (MODES.indexOf(answer.mode) << 1) |
      (choice << 3) |
      (attempt >= 0 ? 64 : 0);
    let row = writeNumber(key * FLAG_SPAN + flags);
    if (attempt >= 0) row += writeNumber(attempt);
    row += writeNumber(zigzag(answer.at - this.previousAt));
    row += writeNumber(zigzag(answer.ms));
    this.previousAt = answer.at;
    return row;
  }

  /** Brings the rows and columns in step with `answers`: appends what is new, or starts again. */
  syncTo(answers: readonly AnswerRecord[]): void {
    if (answers === this.source) return;
    const grew =
      answers.length >= this.count &&
      (this.count === 0 || answers[this.count - 1] === this.source[this.count - 1]);
    if (!grew) this.clear();
    for (let i = this.count; i < answers.length; i++) this.append(answers[i] as AnswerRecord);
    this.source = answers;
  }

  private clear(): void {
    this.banks.length = 0;
    this.bankIndex.clear();
    this.items.length = 0;
    this.itemIndex.clear();
    this.attempts.length = 0;
    this.attemptIndex.clear();
    this.rows.length = 0;
    this.previousAt = 0;
    this.count = 0;
    this.generation = ++generations;
  }

  /**
   * What to save. The arrays are the packer's own, not copies (copying 100,000 rows on every
   * answer would double the cost of saving): serialise them at once, as persist does.
   */
  packed(): PackedHistory {
    return { banks: this.banks, items: this.items, attempts: this.attempts, answers: this.rows };
  }

  /** The columns as they stand; read them at once, since appending may replace the arrays. */
  columns(): HistoryColumns {
    return {
      generation: this.generation,
      count: this.count,
      key: this.keyColumn,
      at: this.atColumn,
      flags: this.flagsColumn,
      attempt: this.attemptColumn,
      keys: this.items,
      banks: this.banks,
      attempts: this.attempts,
    };
  }

  /**
   * Reads saved history leniently: rows that cannot be read are skipped, the rest kept. Returns
   * the answers and a packer already in step with them.
   */
  static restore(raw: unknown): { answers: AnswerRecord[]; packer: HistoryPacker } {
    const packer = new HistoryPacker();
    const answers: AnswerRecord[] = [];
    const saved = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
    const banks = list(saved.banks).map((b) => (typeof b === 'string' ? b : ''));
    const items = list(saved.items).map((entry): [number, string] | null => {
      if (!Array.isArray(entry)) return null;
      const [bank, id] = entry as unknown[];
      return typeof bank === 'number' && typeof id === 'string' && banks[bank] !== undefined
        ? [bank, id]
        : null;
    });
    const attempts = list(saved.attempts).map((a) => (typeof a === 'string' ? a : ''));
    const rows = list(saved.answers);
    let lost =
      items.includes(null) ||
      list(saved.banks).some((b) => typeof b !== 'string') ||
      list(saved.attempts).some((a) => typeof a !== 'string');
    if (!lost) packer.adoptTables(banks, items as [number, string][], attempts);
    let previousAt = 0;
    for (const row of rows) {
      if (typeof row !== 'string') {
        lost = true;
        continue;
      }
      if (row.startsWith('{')) {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(row);
        } catch {
          // A damaged row is skipped; the rest of the history is kept.
        }
        const answer = restoreAnswer(parsed);
        if (answer === null) lost = true;
        else {
          answers.push(answer);
          if (!lost) {
            packer.record(answer);
            packer.rows.push(row);
          }
        }
        continue;
      }
      const reader = new RowReader(row);
      const head = reader.next();
      const flags = head % FLAG_SPAN;
      const key = Math.floor(head / FLAG_SPAN);
      const item = items[key];
      const attempt = flags & 64 ? reader.next() : -1;
      const atDelta = reader.next();
      const ms = reader.next();
      const mode = MODES[(flags >> 1) & 3];
      const choiceCode = (flags >> 3) & 7;
      if (
        head < 0 ||
        item === null ||
        item === undefined ||
        (flags & 64 && attempts[attempt] === undefined) ||
        atDelta < 0 ||
        ms < 0 ||
        mode === undefined ||
        choiceCode > CHOICES.length ||
        !reader.done
      ) {
        lost = true;
        continue;
      }
      previousAt += unzigzag(atDelta);
      const answer: AnswerRecord = {
        bankId: banks[item[0]] as string,
        itemId: item[1],
        choice: choiceCode === 0 ? null : (CHOICES[choiceCode - 1] as string),
        correct: (flags & 1) === 1,
        ms: unzigzag(ms),
        mode,
        at: previousAt,
      };
      if (attempt >= 0) answer.attemptId = attempts[attempt] as string;
      answers.push(answer);
      if (!lost) {
        packer.pushColumns(key, previousAt, flags & 7, attempt);
        packer.rows.push(row);
        packer.previousAt = previousAt;
      }
    }
    if (lost) {
      // Row deltas after a skipped row no longer chain: pack what was read afresh.
      const repacked = new HistoryPacker();
      repacked.syncTo(answers);
      return { answers, packer: repacked };
    }
    packer.source = answers;
    return { answers, packer };
  }

  /** Takes over the saved tables, so the saved rows' indices stay valid. */
  private adoptTables(banks: string[], items: [number, string][], attempts: string[]): void {
    banks.forEach((bank, i) => {
      this.banks.push(bank);
      this.bankIndex.set(bank, i);
      this.itemIndex.set(i, new Map());
    });
    items.forEach(([bank, id], i) => {
      this.items.push([bank, id]);
      this.itemIndex.get(bank)?.set(id, i);
    });
    attempts.forEach((attempt, i) => {
      this.attempts.push(attempt);
      this.attemptIndex.set(attempt, i);
    });
  }
}

/** Packs a whole history at once. */
export function packHistory(answers: readonly AnswerRecord[]): PackedHistory {
  const packer = new HistoryPacker();
  packer.syncTo(answers);
  return packer.packed();
}

/** The columns of a whole history, built at once (for tests and tools). */
export function historyColumns(answers: readonly AnswerRecord[]): HistoryColumns {
  const packer = new HistoryPacker();
  packer.syncTo(answers);
  return packer.columns();
}

/** Answers saved by history store version 1 (`{ answers: AnswerRecord[] }`), packed for version 2. */
export function migrateHistoryV1(persisted: unknown): PackedHistory {
  const raw = (persisted as { answers?: unknown } | null)?.answers;
  const answers = (Array.isArray(raw) ? raw : []).flatMap((a) => restoreAnswer(a) ?? []);
  return packHistory(answers);
}
