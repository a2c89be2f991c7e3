/**
 * Makes text from a gateway (titles, fail reasons, error messages, tags, ids) inert before it
 * reaches a surface of the editor that reads markup out of plain strings:
 *
 * - notification messages and quick-input prompts turn `[label](command:…)` and
 *   `[label](https://…)` into clickable links (VS Code's `parseLinkedText`);
 * - the status bar, quick-pick rows and other labels turn `$(name)` into icons
 *   (`renderLabelWithIcons`);
 * - bidi overrides, zero-width and other invisible format characters reorder or hide text;
 * - line breaks, control characters and ANSI escapes forge lines in the log.
 *
 * Normal text must read exactly as before (Chinese, emoji, punctuation, `[Verse]`, `(live)`), so
 * markup is not escaped with visible characters: a WORD JOINER (U+2060, invisible and
 * zero-width) goes between `]` and `(` and between `$` and `(`, which no link or icon pattern
 * matches. The helpers are idempotent: inert text passed again comes out unchanged.
 */

/** Invisible, zero-width, and not a place to break a line: splits a pattern without showing. */
const WORD_JOINER = '\u2060';

/** The longest text a notification or label shows; longer text is cut with an ellipsis. */
export const INERT_TEXT_MAX_LENGTH = 1000;
/** Tree labels, quick-pick rows and other one-line names. */
export const INERT_LABEL_MAX_LENGTH = 200;
/** One log line: enough for a gateway's error snippet, never megabytes. */
export const INERT_LOG_MAX_LENGTH = 4000;

/**
 * Unicode format characters (category Cf: bidi embeddings, overrides and isolates, marks,
 * zero-width spaces, BOM, tag characters), except those that are part of how text is written:
 * ZWNJ and ZWJ (Persian and Indic scripts, emoji sequences) and the visible prepended marks of
 * Arabic and Syriac numbers.
 */
const FORMAT_CHARACTER = /\p{Cf}/gu;
const WRITING_FORMAT_CHARACTERS = new Set([0x200c, 0x200d, 0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x0891, 0x08e2, 0x110bd, 0x110cd]);

/** ANSI escape sequences (CSI such as `ESC[31m`, and OSC such as terminal titles and links). */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const CONTROL_RUN = /[\p{Cc}\u2028\u2029]+/gu;
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/gu;

/** `](` (link) and `$(` (icon): where the markup of notifications and labels starts. */
const MARKUP_OPENING = /([\]$])\(/g;

/**
 * One line of inert text for notifications, quick picks, input-box prompts, tree rows and the
 * status bar: ANSI escapes removed, control characters and line breaks become one space, format
 * characters dropped, link and icon syntax broken invisibly, and at most `maxLength` characters.
 */
export function inertText(text: string, maxLength = INERT_TEXT_MAX_LENGTH): string {
  const { head, cut } = boundedHead(text, maxLength);
  const plain = head.replace(ANSI_SEQUENCE, '').replace(CONTROL_RUN, ' ').replace(FORMAT_CHARACTER, keepWritingFormat(''));
  return neutraliseMarkup(truncate(plain, maxLength, cut));
}

/**
 * One log line: nothing can start another line or recolour the log, and nothing invisible hides
 * in it. Unlike `inertText`, what was removed stays visible as an escape (`\n`, `\u001b`,
 * `\u202e`), since the log is where a user goes to see what the gateway really sent. Tabs stay,
 * and the word joiners of text already made inert go without a trace.
 */
export function inertLogText(text: string, maxLength = INERT_LOG_MAX_LENGTH): string {
  const { head, cut } = boundedHead(text, maxLength);
  const escaped = head
    .replaceAll(WORD_JOINER, '')
    .replace(CONTROL_CHARACTER, (character) => (character === '\t' ? character : escapeCharacter(character)))
    .replace(FORMAT_CHARACTER, keepWritingFormat(escapeCharacter));
  return truncate(escaped, maxLength, cut);
}

/** Replaces a format character, unless it is one that writing needs. */
function keepWritingFormat(replacement: string | ((character: string) => string)): (character: string) => string {
  return (character) => {
    if (WRITING_FORMAT_CHARACTERS.has(character.codePointAt(0) ?? 0)) return character;
    return typeof replacement === 'string' ? replacement : replacement(character);
  };
}

function neutraliseMarkup(text: string): string {
  return text.replace(MARKUP_OPENING, `$1${WORD_JOINER}(`);
}

function escapeCharacter(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A prefix long enough for `maxLength` characters after processing, so that a megabyte of text
 * costs no more than a line: characters are at most two UTF-16 units, and what processing drops
 * is bounded by the extra room (past it, the text is cut anyway).
 */
function boundedHead(text: string, maxLength: number): { head: string; cut: boolean } {
  const room = maxLength * 8 + 64;
  if (text.length <= room) return { head: text, cut: false };
  let end = room;
  // Never end between the two halves of a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { head: text.slice(0, end), cut: true };
}

/** At most `maxLength` characters (code points, never half a pair), `…` where text was cut. */
function truncate(text: string, maxLength: number, alreadyCut: boolean): string {
  if (!alreadyCut && text.length <= maxLength) return text;
  const characters = Array.from(text);
  if (!alreadyCut && characters.length <= maxLength) return text;
  return `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}
