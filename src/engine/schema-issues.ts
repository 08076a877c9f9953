import type { $ZodIssue } from 'zod/v4/core';

/**
 * Plain-English wording of schema issues, shared by the bank validator and the backup reader so
 * that every message names the field and says what is wrong with its value.
 */

/** A path as a field name: `items[3].options[0].text`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name === '' ? String(key) : `.${String(key)}`;
  }
  return name;
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
  const shown = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
}

/** What is wrong, without the field name: "must be a string, not number 3". */
export function issueMessage(issue: $ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? 'is missing'
        : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`;
    case 'invalid_union':
      return `has an invalid value ${describeValue(value)}`;
    case 'too_big':
    case 'too_small':
      // Checks with a message of their own say what is allowed; the value shows what was found.
      return issue.message.startsWith('Too ')
        ? issue.message
        : typeof value === 'number'
          ? `${issue.message}, not ${String(value)}`
          : Array.isArray(value)
            ? `${issue.message}, not ${value.length.toLocaleString('en-GB')}`
            : issue.message;
    default:
      return issue.message === 'Invalid input' ? `is invalid (${issue.code})` : issue.message;
  }
}

/** An issue as `field message`, or just the message for the whole document. */
export function describeIssue(issue: $ZodIssue, data: unknown): string {
  const message = issueMessage(issue, valueAt(data, issue.path));
  return issue.path.length === 0 ? message : `${fieldName(issue.path)} ${message}`;
}
