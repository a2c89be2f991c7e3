import { formatFrontMatterValue } from './frontMatterValue';
import type { SongDocument } from './songDocument';

/** One replacement of the document's text: `[start, end)` becomes `text`. */
interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The edit that makes a song use `modelId`: the value of its `model` line when it has one,
 * else a `model` line at the end of its front matter, else a front matter holding just that
 * line. Null when the front matter is never closed: where it ends is anyone's guess, and a
 * fence put in the wrong place would turn lyrics into keys.
 */
export function modelEdit(document: SongDocument, modelId: string): TextEdit | null {
  const value = formatFrontMatterValue(modelId);
  const front = document.frontMatter;
  if (front === null) return { start: 0, end: 0, text: `---\nmodel: ${value}\n---\n` };
  if (front.closeSpan === null) return null;
  const entry = front.entries.find((candidate) => candidate.songKey === 'model');
  if (entry !== undefined) {
    // A value-less `model:` has an empty span right after the colon: keep a space before the value.
    const before = document.text[entry.valueSpan.start - 1] === ':' ? ' ' : '';
    return { start: entry.valueSpan.start, end: entry.valueSpan.end, text: `${before}${value}` };
  }
  const lineBreak = document.text.includes('\r\n') ? '\r\n' : '\n';
  return { start: front.closeSpan.start, end: front.closeSpan.start, text: `model: ${value}${lineBreak}` };
}
