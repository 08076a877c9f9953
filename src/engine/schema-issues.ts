import type { ZodMiniType } from 'zod/mini';
import type {
  $ZodIssue,
  $ZodIssueTooBig,
  $ZodIssueTooSmall,
  ParseContextInternal,
} from 'zod/v4/core';

/**
 * Plain-English wording of schema issues, shared by the bank validator and the backup reader so
 * that every message names the field and says what is wrong with its value, on one short line.
 */

/** The longest a quoted value is shown, quotes included. */
const LONGEST_QUOTE = 60;
/** How many unknown fields a message names; the rest are counted. */
const MOST_KEYS = 3;

/** Text from a file as a message quotes it: JSON-escaped, so on one line, and cut short. */
export function quoted(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > LONGEST_QUOTE ? `${shown.slice(0, LONGEST_QUOTE - 3)}…` : shown;
}

/** A path as a field name: `items[3].options[0].text`; a key that is not a plain name, quoted. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else if (typeof key !== 'string' || !/^[\w$-]{1,40}$/.test(key))
      name += `[${quoted(String(key))}]`;
    else name += name === '' ? key : `.${key}`;
  }
  return name;
}

/** Parsing that stops at the first issue (zod's own `validate` parses so). */
const FIRST_ISSUE_ONLY: ParseContextInternal<$ZodIssue> = { abortEarly: true };

/**
 * `schema.safeParse(data)`. zod gathers a list's issues into its parent's with one spread call,
 * which overflows the stack past about 100,000 of them: a value that bad is judged by its first.
 */
export function safeParseBounded<T extends ZodMiniType>(schema: T, data: unknown) {
  try {
    return schema.safeParse(data);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return schema.safeParse(data, FIRST_ISSUE_ONLY);
  }
}

/** The value at a path of parsed JSON, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A value as a message shows it: `null`, `a list`, `an object`, `number 1e+300`, `string "x"`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `number ${String(value)}`;
  if (typeof value === 'string') return `string ${quoted(value)}`;
  return `${typeof value} ${String(value)}`;
}

/** A type as a message names it: "a list", "a whole number", "an object". */
function typeName(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'int') return 'a whole number';
  return `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

/** The rule a size check without a message of its own enforces: "must be at least 1". */
function limitOf(issue: $ZodIssueTooSmall | $ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  const within = small ? 'at least' : 'at most';
  if (issue.origin === 'array') return `must have ${within} ${bound} entries`;
  if (issue.origin === 'string') return `must be ${within} ${bound} characters long`;
  return `must be ${issue.inclusive === false ? (small ? 'more than' : 'less than') : within} ${bound}`;
}

/** What is wrong, without the field name: "must be a string, not number 3". */
export function issueMessage(issue: $ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? 'is missing'
        : `must be ${typeName(issue.expected)}, not ${describeValue(value)}`;
    case 'unrecognized_keys': {
      const { keys } = issue;
      const more = keys.length > MOST_KEYS ? ` and ${keys.length - MOST_KEYS} more` : '';
      return `unknown field${keys.length > 1 ? 's' : ''} ${keys.slice(0, MOST_KEYS).map(quoted).join(', ')}${more}`;
    }
    case 'invalid_value': {
      const allowed = `${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return value === undefined
        ? `is missing: it must be ${allowed}`
        : `must be ${allowed}, not ${describeValue(value)}`;
    }
    case 'invalid_union':
      return value === undefined ? 'is missing' : `has an invalid value ${describeValue(value)}`;
    case 'too_big':
    case 'too_small': {
      // zod/mini words no message of its own ("Invalid input"): the rule is then worded here.
      const rule = issue.message === 'Invalid input' ? limitOf(issue) : issue.message;
      return typeof value === 'number'
        ? `${rule}, not ${String(value)}`
        : Array.isArray(value) && issue.origin === 'array'
          ? `${rule}, not ${value.length.toLocaleString('en-GB')}`
          : rule;
    }
    default:
      return issue.message === 'Invalid input' ? `is invalid (${issue.code})` : issue.message;
  }
}

/**
 * The issues worth telling: zod also checks the length of a list given where a string belongs,
 * and that complaint only muddles "must be a string, not a list".
 */
export function tellingIssues(issues: readonly $ZodIssue[]): $ZodIssue[] {
  const wrongType = new Set(
    issues.filter((i) => i.code === 'invalid_type').map((i) => fieldName(i.path)),
  );
  return issues.filter(
    (i) => !((i.code === 'too_small' || i.code === 'too_big') && wrongType.has(fieldName(i.path))),
  );
}

/** An issue as `field message`, or just the message for the whole document. */
export function describeIssue(issue: $ZodIssue, data: unknown): string {
  const message = issueMessage(issue, valueAt(data, issue.path));
  return issue.path.length === 0 ? message : `${fieldName(issue.path)} ${message}`;
}
