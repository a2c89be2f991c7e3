import { parseFrontMatterValue, type ValueProblem } from './frontMatterValue';
import type { TextSpan } from './textPositions';

/**
 * A song document: an optional front matter block between `---` lines at the very top, holding
 * `key: value` lines, then the lyrics.
 *
 * ```
 * ---
 * title: City Lights
 * style: emotional punk, female vocals
 * model: chirp-auk
 * ---
 * [Verse]
 * …
 * ```
 *
 * Parsing never fails: it records what is there, with the offset of every key and value, and the
 * validator (`songValidation.ts`) judges it. It is linear in the length of the text, whatever
 * the text is.
 */

/** The keys a song's front matter may hold. */
export const SONG_KEYS = ['title', 'style', 'exclude', 'model', 'instrumental'] as const;
export type SongKey = (typeof SONG_KEYS)[number];

export interface FrontMatterEntry {
  /** Zero-based line of the entry. */
  readonly line: number;
  /** The key as written (`Title`). */
  readonly key: string;
  /** The song key it names, in whatever case it is written; null for a key we do not know. */
  readonly songKey: SongKey | null;
  readonly keySpan: TextSpan;
  /** The value, unquoted and unescaped. */
  readonly value: string;
  /** Where the value is written, quotes included; empty at the end of the line when there is none. */
  readonly valueSpan: TextSpan;
  readonly valueProblem: ValueProblem | null;
  /** The whole line with its line break: what deleting the entry removes. */
  readonly lineSpan: TextSpan;
}

interface FrontMatter {
  /** The opening `---`. */
  readonly openSpan: TextSpan;
  /** The closing `---`; null when the block is never closed. */
  readonly closeSpan: TextSpan | null;
  readonly entries: readonly FrontMatterEntry[];
  /** Lines inside a closed block that are neither `key: value`, a `# comment` nor blank. */
  readonly malformedLines: readonly TextSpan[];
}

export interface SongDocument {
  readonly text: string;
  readonly frontMatter: FrontMatter | null;
  /** Everything after the front matter, as written. */
  readonly lyrics: string;
  /** Offset of the lyrics in `text`. */
  readonly lyricsStart: number;
}

interface Line {
  readonly index: number;
  readonly start: number;
  /** End of the line's text, before its line break. */
  readonly end: number;
  /** Start of the next line (after the line break); `text.length` for the last line. */
  readonly next: number;
}

/** The lines of `text` from offset `from`, one at a time, as editors count them. */
function* linesFrom(text: string, from: number, firstIndex: number): Generator<Line> {
  let start = from;
  let index = firstIndex;
  for (;;) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end += 1;
    const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : Math.min(text.length, end + 1);
    yield { index, start, end, next };
    if (end >= text.length) return;
    start = next;
    index += 1;
  }
}

const FENCE = /^---[ \t]*$/;
const BYTE_ORDER_MARK = '\uFEFF';

function isFence(text: string, line: Line): boolean {
  // A fence line is short; testing a megabyte-long line costs nothing more than its first bytes.
  return line.end - line.start <= 64 && FENCE.test(text.slice(line.start, line.end));
}

export function parseSongDocument(text: string): SongDocument {
  const bodyStart = text.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
  const lines = linesFrom(text, bodyStart, 0);
  const first = lines.next().value;
  if (first === undefined || !isFence(text, first) || first.end >= text.length) {
    return { text, frontMatter: null, lyrics: text.slice(bodyStart), lyricsStart: bodyStart };
  }
  const openSpan = { start: first.start, end: first.end };
  const inside: Line[] = [];
  for (const line of lines) {
    if (isFence(text, line)) {
      const entries: FrontMatterEntry[] = [];
      const malformedLines: TextSpan[] = [];
      for (const candidate of inside) {
        const kind = readLine(text, candidate);
        if (kind === 'malformed') malformedLines.push({ start: candidate.start, end: candidate.end });
        else if (kind !== 'skip') entries.push(kind);
      }
      const frontMatter = { openSpan, closeSpan: { start: line.start, end: line.end }, entries, malformedLines };
      return { text, frontMatter, lyrics: text.slice(line.next), lyricsStart: line.next };
    }
    inside.push(line);
  }
  return unclosed(text, openSpan, inside);
}

/**
 * A block that is never closed holds the entries, comments and blank lines that follow the
 * opening fence; the first other line (a section tag, a line of lyrics) starts the lyrics. Where
 * the closing fence belongs is then known, and the validator can offer to insert it there.
 */
function unclosed(text: string, openSpan: TextSpan, lines: readonly Line[]): SongDocument {
  const entries: FrontMatterEntry[] = [];
  for (const line of lines) {
    const kind = readLine(text, line);
    if (kind === 'malformed') {
      return { text, frontMatter: { openSpan, closeSpan: null, entries, malformedLines: [] }, lyrics: text.slice(line.start), lyricsStart: line.start };
    }
    if (kind !== 'skip') entries.push(kind);
  }
  return { text, frontMatter: { openSpan, closeSpan: null, entries, malformedLines: [] }, lyrics: '', lyricsStart: text.length };
}

/** One line inside the block: an entry, nothing to read (blank or comment), or malformed. */
function readLine(text: string, line: Line): FrontMatterEntry | 'skip' | 'malformed' {
  const content = text.slice(line.start, line.end);
  const indent = content.length - content.trimStart().length;
  if (indent === content.length || content[indent] === '#') return 'skip';
  const colon = content.indexOf(':');
  if (colon < 0) return 'malformed';
  const key = content.slice(indent, colon).trimEnd();
  if (key === '' || /\s/.test(key)) return 'malformed';
  const keyStart = line.start + indent;
  const parsed = parseFrontMatterValue(content.slice(colon + 1), line.start + colon + 1);
  const lower = key.toLowerCase();
  return {
    line: line.index,
    key,
    songKey: SONG_KEYS.find((songKey) => songKey === lower) ?? null,
    keySpan: { start: keyStart, end: keyStart + key.length },
    value: parsed.value,
    valueSpan: parsed.span,
    valueProblem: parsed.problem,
    lineSpan: { start: line.start, end: line.next },
  };
}

/** The first entry for `key` (in any case); later ones are duplicates the validator reports. */
export function songField(document: SongDocument, key: SongKey): FrontMatterEntry | undefined {
  return document.frontMatter?.entries.find((entry) => entry.songKey === key);
}

/**
 * The lyrics as they are sent (`prompt`): line breaks as `\n`, blank lines and spaces around
 * them trimmed. The limits of a model count these characters (UTF-16 code units, as the Suno web
 * page counts them), so an emoji counts two.
 */
export function songLyrics(document: SongDocument): string {
  return document.lyrics.replace(/\r\n?/g, '\n').trim();
}
