/**
 * Readable reasons for values a `zod/mini` schema refused.
 *
 * zod/mini ships no messages (every issue says "Invalid input"), which keeps bundles small. Where a
 * reason reaches the log or a caller, we parse with the English messages below: the texts of zod's
 * own English locale (`expected string, received number`) for the issues our schemas raise (wrong
 * type, option or literal, a bound, a pattern, unknown keys of a strict object), written here
 * because that locale costs the extension's bundle about 3 kB for dozens of checks we never use.
 * Any other issue reads `Invalid input`, zod/mini's own word for all of them.
 */

import * as z from 'zod/mini';

type Issue = z.core.$ZodRawIssue;

/** What `issue.origin` counts in, for lengths and sizes. */
const SIZE_UNITS: Readonly<Record<string, string>> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

/** A type name as zod's English locale spells it: `NaN`, `Infinity` and `-Infinity` by value. */
function typeName(type: string, input?: unknown): string {
  if (type === 'number' && typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return type === 'nan' ? 'NaN' : type;
}

/** The type of a value received, as zod names it: `null`, `array`, `nan`, a class name or `typeof`. */
function receivedType(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  if (typeof input !== 'object') return typeof input;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  const prototype: unknown = Object.getPrototypeOf(input);
  const constructorName: unknown = (input as { constructor?: { name?: unknown } }).constructor?.name;
  return prototype !== Object.prototype && typeof constructorName === 'string' ? constructorName : 'object';
}

/** A literal as zod spells it in a message: strings quoted, bigints with their `n`. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'bigint' ? `${value}n` : String(value);
}

/** `too_big` and `too_small` alike: `Too big: expected number to be <=100`. */
function sizeMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const bound = big ? issue.maximum : issue.minimum;
  const comparison = issue.exact ? 'exactly ' : `${big ? '<' : '>'}${issue.inclusive ? '=' : ''}`;
  const origin = issue.origin ?? (big ? 'value' : undefined);
  const unit = SIZE_UNITS[issue.origin ?? ''];
  const expectation = unit === undefined ? `to be ${comparison}${bound}` : `to have ${comparison}${bound} ${unit}`;
  return `Too ${big ? 'big' : 'small'}: expected ${origin} ${expectation}`;
}

/** The English message of one issue, as zod's English locale words it. */
function englishMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(receivedType(issue.input), issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${literal(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(literal).join('|')}`;
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue) return `Invalid string: must match pattern ${String(issue.pattern)}`;
      return 'Invalid input';
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(literal).join(', ')}`;
    default:
      return 'Invalid input';
  }
}

const english: z.core.ParseContext<z.core.$ZodIssue> = { error: englishMessage };

/** `schema.safeParse(value)`, with English messages on its issues. */
export function safeParseInEnglish<T extends z.ZodMiniType>(schema: T, value: unknown): z.core.util.SafeParseResult<z.output<T>> {
  return schema.safeParse(value, english);
}

/** The first issue as one line, `path.to.field: message`. */
export function firstIssueText(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const where = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  return `${where}${issue.message}`;
}
