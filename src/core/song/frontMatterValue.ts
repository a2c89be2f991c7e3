import type { TextSpan } from './textPositions';

/**
 * One value of a song's front matter, as written after `key:` on its line, and back.
 *
 * A value is plain text to the end of the line (a `#` inside it is text: `title: Song #1` is
 * titled "Song #1"), or quoted: `"…"` with JSON's escapes, or `'…'` where `''` is a quote.
 * A quoted value may be followed by a `# comment`. Writing picks plain text whenever it reads
 * back the same, and double quotes otherwise, so that any string survives a round trip.
 */

export type ValueProblem = 'unclosed_quote' | 'bad_escape' | 'text_after_quote';

interface ParsedValue {
  readonly value: string;
  /** Where the value is written, its quotes included. */
  readonly span: TextSpan;
  readonly quoted: boolean;
  readonly problem: ValueProblem | null;
}

/**
 * Reads the value in `raw`, the text after a key's colon, which starts at offset `rawStart` of
 * the document. Linear in the length of the line.
 */
export function parseFrontMatterValue(raw: string, rawStart: number): ParsedValue {
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  const start = rawStart + leading;
  const quote = trimmed[0];
  if (quote !== '"' && quote !== "'") {
    return { value: trimmed, span: { start, end: start + trimmed.length }, quoted: false, problem: null };
  }
  const close = quote === '"' ? closingDoubleQuote(trimmed) : closingSingleQuote(trimmed);
  if (close < 0) {
    return { value: trimmed.slice(1), span: { start, end: start + trimmed.length }, quoted: true, problem: 'unclosed_quote' };
  }
  const span = { start, end: start + close + 1 };
  const inside = trimmed.slice(0, close + 1);
  const after = trimmed.slice(close + 1);
  const afterIsComment = after === '' || /^\s+#/.test(after);
  const decoded = quote === '"' ? decodeDoubleQuoted(inside) : inside.slice(1, -1).replaceAll("''", "'");
  if (decoded === null) return { value: inside.slice(1, -1), span, quoted: true, problem: 'bad_escape' };
  return { value: decoded, span, quoted: true, problem: afterIsComment ? null : 'text_after_quote' };
}

/** Index of the `"` that closes the string opening at 0, or -1. */
function closingDoubleQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Index of the `'` that closes the string opening at 0 (`''` is a quote inside), or -1. */
function closingSingleQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") i += 1;
    else return i;
  }
  return -1;
}

function decodeDoubleQuoted(quoted: string): string | null {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : null;
  } catch {
    // A raw control character or an escape JSON does not know (`\x41`).
    return null;
  }
}

/**
 * Characters a plain value cannot hold or should not hide: line breaks and other controls, the
 * line and paragraph separators, and invisible format characters (bidi controls, zero-width
 * spaces), which a quoted value shows as escapes instead.
 */
const NEEDS_ESCAPE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const NEEDS_ESCAPE_GLOBAL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** `value` as it is written after `key: `, read back as exactly `value` by the parser. */
export function formatFrontMatterValue(value: string): string {
  const plain = value !== '' && value === value.trim() && value[0] !== '"' && value[0] !== "'" && !NEEDS_ESCAPE.test(value);
  if (plain) return value;
  // JSON escapes quotes, backslashes, C0 controls and lone surrogates; the rest are escaped here.
  return JSON.stringify(value).replace(NEEDS_ESCAPE_GLOBAL, (character) => {
    return Array.from({ length: character.length }, (_, i) => `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  });
}
