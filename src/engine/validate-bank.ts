import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import {
  bankManifestSchema,
  itemSchema,
  type Bank,
  type BankManifest,
  type Item,
} from './bank-schema';
import {
  fieldName,
  issueMessage,
  quoted,
  safeParseBounded,
  tellingIssues,
  valueAt,
} from './schema-issues';
import { reasonOf } from './reason';
import type { CheckedBank } from './load-bank';

/** One file of a bank as read from disk or the network, before parsing. */
export interface BankFile {
  path: string;
  text: string;
}

/** One thing wrong with a bank, precise enough for an author to fix it without searching. */
export interface BankFault {
  file: string;
  item?: string;
  message: string;
}

export interface BankValidation {
  /** The bank, only when it has no fault at all: a bank with any fault is never used. */
  bank: Bank | null;
  faults: BankFault[];
}

export const MANIFEST_FILE = 'bank.json';
const WEIGHT_TOLERANCE = 0.005;

/** An items file's outer shape; each item is then checked on its own, so one bad item hides no other fault. */
const itemsWrapperSchema = z.strictObject({
  $schema: z.optional(z.string()),
  items: z.array(z.unknown()),
});

/** The one-line form of a fault: `file: item id: message`. */
export function formatFault(fault: BankFault): string {
  return fault.item === undefined
    ? `${fault.file}: ${fault.message}`
    : `${fault.file}: item ${fault.item}: ${fault.message}`;
}

/** Lower-cased words only, so that stems differing in case, spacing or punctuation compare equal. */
export function normaliseStem(stem: string): string {
  return stem
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isManifestPath(path: string): boolean {
  return path === MANIFEST_FILE || path.endsWith(`/${MANIFEST_FILE}`);
}

/** How a fault names an item: by its id, or by its place in the file when the id is no use for that. */
function itemLabel(id: unknown, index: number): string {
  return typeof id === 'string' && /^\S{1,60}$/.test(id) ? id : `#${index + 1}`;
}

/** Schema faults, each attributed to the item (by its id when it has one) and the field. */
function schemaFaults(file: string, data: unknown, issues: readonly $ZodIssue[]): BankFault[] {
  return tellingIssues(issues).map((issue) => {
    const value = valueAt(data, issue.path);
    const [first, index, ...rest] = issue.path;
    if (first === 'items' && typeof index === 'number') {
      const item = itemLabel(valueAt(data, ['items', index, 'id']), index);
      const field = rest.length === 0 ? '' : `${fieldName(rest)} `;
      return { file, item, message: `${field}${issueMessage(issue, value)}` };
    }
    const field = issue.path.length === 0 ? '' : `${fieldName(issue.path)} `;
    return { file, message: `${field}${issueMessage(issue, value)}` };
  });
}

function parseJson(file: BankFile, faults: BankFault[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    faults.push({ file: file.path, message: `is not valid JSON: ${reasonOf(error)}` });
    return undefined;
  }
}

/**
 * Where parsed JSON has an object with a key "__proto__", if anywhere. JSON.parse keeps such a key
 * as an ordinary one, but the schema library drops it without a word, so it is looked for here,
 * in values the schema has accepted (and so of a bank's shallow shape).
 */
function protoKeyPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Object.hasOwn(value, '__proto__')) return path;
  const entries: [PropertyKey, unknown][] = Array.isArray(value)
    ? value.map((inner, index) => [index, inner])
    : Object.entries(value);
  for (const [key, inner] of entries) {
    const found = protoKeyPath(inner, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A fault for a "__proto__" key in a value the schema accepted, worded as any unknown field's. */
function protoFault(value: unknown): string | undefined {
  const path = protoKeyPath(value);
  if (path === undefined) return undefined;
  return `${path.length === 0 ? '' : `${fieldName(path)} `}unknown field "__proto__"`;
}

function manifestFaults(file: string, manifest: BankManifest): BankFault[] {
  const faults: BankFault[] = [];
  const byId = new Map<string, number>();
  manifest.topics.forEach((topic, index) => {
    if (byId.has(topic.id)) {
      faults.push({
        file,
        message: `topics[${index}].id ${quoted(topic.id)} is used by another topic`,
      });
    }
    byId.set(topic.id, index);
  });
  const parentOf = (id: string) => manifest.topics[byId.get(id) ?? -1]?.parent;
  manifest.topics.forEach((topic, index) => {
    if (topic.parent === undefined) return;
    if (!byId.has(topic.parent)) {
      faults.push({
        file,
        message: `topics[${index}].parent ${quoted(topic.parent)} is not a topic`,
      });
      return;
    }
    const seen = new Set([topic.id]);
    for (let p: string | undefined = topic.parent; p !== undefined; p = parentOf(p)) {
      if (seen.has(p)) {
        faults.push({
          file,
          message: `topics[${index}].parent makes a cycle through ${quoted(p)}`,
        });
        return;
      }
      seen.add(p);
    }
  });
  const weighted = manifest.topics.filter((t) => t.weight !== undefined);
  if (weighted.length > 0) {
    const sum = weighted.reduce((total, t) => total + (t.weight ?? 0), 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      faults.push({ file, message: `topics weights add up to ${sum.toFixed(3)}, not 1` });
    }
    manifest.topics.forEach((topic, index) => {
      const chain: string[] = [];
      const seen = new Set<string>();
      for (let p: string | undefined = topic.id; p !== undefined && !seen.has(p); p = parentOf(p)) {
        seen.add(p);
        chain.push(p);
      }
      const weightedInChain = chain.filter((id) => manifest.topics[byId.get(id) ?? -1]?.weight);
      if (weightedInChain.length === 0) {
        faults.push({
          file,
          message: `topics[${index}] ${quoted(topic.id)} has no weight and no weighted ancestor, so the exam blueprint cannot place it`,
        });
      } else if (topic.weight !== undefined && weightedInChain.length > 1) {
        faults.push({
          file,
          message: `topics[${index}].weight is set on ${quoted(topic.id)} and on its ancestor ${quoted(weightedInChain[1] ?? '')}; weights must not nest`,
        });
      }
    });
  }
  if (manifest.exam.passMark > manifest.exam.questionCount) {
    faults.push({
      file,
      message: `exam.passMark ${manifest.exam.passMark} is more than exam.questionCount ${manifest.exam.questionCount}`,
    });
  }
  return faults;
}

function itemFaults(
  file: string,
  item: Item,
  label: string,
  topicIds: ReadonlySet<string>,
): BankFault[] {
  const faults: BankFault[] = [];
  const fault = (message: string) => faults.push({ file, item: label, message });
  const optionIds = item.options.map((o) => o.id);
  item.options.forEach((option, index) => {
    const expected = String.fromCharCode(97 + index);
    if (option.id !== expected) {
      fault(
        `options[${index}].id is "${option.id}", expected "${expected}" (ids run a, b, c, ...)`,
      );
    }
  });
  if (!optionIds.includes(item.answer)) {
    fault(`answer ${quoted(item.answer)} is not an option (${optionIds.join(', ')})`);
  } else {
    for (const id of optionIds) {
      if (id !== item.answer && !(id in item.rationale)) {
        fault(`rationale has no entry for wrong option "${id}"`);
      }
    }
  }
  for (const key of Object.keys(item.rationale)) {
    if (key === item.answer)
      fault(`rationale has an entry for ${quoted(key)}, which is the answer`);
    else if (!optionIds.includes(key))
      fault(`rationale has an entry for ${quoted(key)}, which is not an option`);
  }
  const seenTopics = new Set<string>();
  item.topics.forEach((topic, index) => {
    if (!topicIds.has(topic))
      fault(`topics[${index}] ${quoted(topic)} is not a topic of this bank`);
    if (seenTopics.has(topic)) fault(`topics[${index}] ${quoted(topic)} is listed twice`);
    seenTopics.add(topic);
  });
  const texts = new Set<string>();
  item.options.forEach((option, index) => {
    const text = normaliseStem(option.text);
    if (texts.has(text)) fault(`options[${index}].text repeats another option`);
    texts.add(text);
  });
  return faults;
}

/**
 * Checks one bank: each file against the schema, then the rules that span files. Every fault is
 * reported, not just the first; the bank is returned only when there are none.
 */
export function validateBank(files: readonly BankFile[]): BankValidation {
  const steps = validateBankInSteps(files);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** A validation as the app uses it: the bank, and each fault as one line (`formatFault`). */
export function checkedBank({ bank, faults }: BankValidation): CheckedBank {
  return { bank, faults: faults.map(formatFault) };
}

/**
 * `validateBank` one small step at a time: the generator pauses after the manifest and after each
 * item, and returns the validation. The app validates a bank of a megabyte or more as it starts;
 * stepping lets it hand the main thread back to the browser between steps (src/engine/load-bank.ts).
 */
export function* validateBankInSteps(
  files: readonly BankFile[],
): Generator<void, BankValidation, void> {
  const faults: BankFault[] = [];
  const manifestFile = files.find((f) => isManifestPath(f.path));
  let manifest: BankManifest | undefined;
  if (manifestFile === undefined) {
    faults.push({
      file: files[0]?.path ?? MANIFEST_FILE,
      message: `the bank has no ${MANIFEST_FILE}`,
    });
  } else {
    const data = parseJson(manifestFile, faults);
    if (data !== undefined) {
      const parsed = safeParseBounded(bankManifestSchema, data);
      if (parsed.success) {
        manifest = parsed.data;
        const proto = protoFault(data);
        if (proto !== undefined) faults.push({ file: manifestFile.path, message: proto });
        faults.push(...manifestFaults(manifestFile.path, manifest));
      } else {
        faults.push(...schemaFaults(manifestFile.path, data, parsed.error.issues));
      }
    }
  }
  yield;
  const topicIds = new Set(manifest?.topics.map((t) => t.id));
  const items: Item[] = [];
  const itemFile = new Map<string, string>();
  /** Each stem seen, normalised, with the item that has it and its file. */
  const stems = new Map<string, { label: string; file: string }>();
  for (const file of files) {
    if (file === manifestFile) continue;
    const data = parseJson(file, faults);
    if (data === undefined) continue;
    const wrapper = safeParseBounded(itemsWrapperSchema, data);
    if (!wrapper.success) {
      faults.push(...schemaFaults(file.path, data, wrapper.error.issues));
      continue;
    }
    // The items are looked through one by one below.
    if (Object.hasOwn(data as object, '__proto__')) {
      faults.push({ file: file.path, message: 'unknown field "__proto__"' });
    }
    for (const [index, raw] of wrapper.data.items.entries()) {
      yield;
      const parsed = safeParseBounded(itemSchema, raw);
      if (!parsed.success) {
        const prefixed = parsed.error.issues.map((issue) => ({
          ...issue,
          path: ['items', index, ...issue.path],
        }));
        faults.push(...schemaFaults(file.path, data, prefixed));
        continue;
      }
      const item = parsed.data;
      const label = itemLabel(item.id, index);
      const proto = protoFault(raw);
      if (proto !== undefined) faults.push({ file: file.path, item: label, message: proto });
      const other = itemFile.get(item.id);
      if (other !== undefined) {
        faults.push({ file: file.path, item: label, message: `id is also used in ${other}` });
      }
      itemFile.set(item.id, file.path);
      if (manifest !== undefined) faults.push(...itemFaults(file.path, item, label, topicIds));
      const stem = normaliseStem(item.stem);
      const twin = stems.get(stem);
      if (twin !== undefined) {
        faults.push({
          file: file.path,
          item: label,
          message: `stem is the same as item ${twin.label}'s (${twin.file})`,
        });
      } else {
        stems.set(stem, { label, file: file.path });
      }
      items.push(item);
    }
  }
  if (
    manifest !== undefined &&
    manifestFile !== undefined &&
    files.length > 0 &&
    items.length === 0 &&
    faults.length === 0
  ) {
    faults.push({ file: manifestFile.path, message: 'the bank has no items' });
  }
  return {
    bank: faults.length === 0 && manifest !== undefined ? { manifest, items } : null,
    faults,
  };
}
