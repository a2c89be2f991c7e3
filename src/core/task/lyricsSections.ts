/**
 * Splits song lyrics into the sections Suno marks with tags on their own line: `[Verse]`,
 * `[Chorus]`, `[Verse 2]`, `[Pre-Chorus]`, `[Bridge]`, `[Outro]`, `[Instrumental Break]`…
 *
 * One pure module serves the outline (document symbols), folding and the panel's headings, so the
 * three always agree on where a section starts and ends. It runs in the webview bundle too: keep it
 * free of imports.
 */

interface LyricsSection {
  /** The text between the brackets, trimmed (`Verse 2`); null for text before the first tag. */
  readonly tag: string | null;
  /** Zero-based line of the tag itself; null for the untagged text before the first tag. */
  readonly headerLine: number | null;
  /** First line of the section: the tag line, or the first line of untagged text. */
  readonly startLine: number;
  /**
   * Last line that belongs to the section, trailing blank lines excluded; equals `startLine` for a
   * tag with nothing under it.
   */
  readonly endLine: number;
  /** The lines under the tag (up to `endLine`), as written; blank lines inside are kept. */
  readonly lines: readonly string[];
}

/** A tag line holds nothing but one bracketed label; long bracketed text is lyrics, not a tag. */
const TAG_LINE = /^\s*\[([^[\]\r\n]{1,60})\]\s*$/;

/** The label of a section tag line (`[Verse 2]` → `Verse 2`), or null when the line is lyrics. */
export function parseSectionTag(line: string): string | null {
  const match = TAG_LINE.exec(line);
  if (!match) return null;
  const label = match[1].trim().replace(/\s+/g, ' ');
  return label.length > 0 ? label : null;
}

/** Lines the way editors count them: `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The sections of `text`, in order. Text before the first tag becomes an untagged section when it
 * holds anything but blank lines; lyrics without any tag give one untagged section; blank text
 * gives none.
 */
export function splitLyricsSections(text: string): LyricsSection[] {
  const lines = splitLines(text);
  const sections: LyricsSection[] = [];
  let current: { tag: string | null; headerLine: number | null; startLine: number } | null = null;
  let bodyStart = 0;

  const close = (nextLine: number): void => {
    let end = nextLine - 1;
    while (end >= bodyStart && lines[end].trim() === '') end -= 1;
    if (current === null) {
      // Untagged text before the first tag: only worth a section when it says something.
      if (end < bodyStart) return;
      let start = bodyStart;
      while (lines[start].trim() === '') start += 1;
      sections.push({ tag: null, headerLine: null, startLine: start, endLine: end, lines: lines.slice(start, end + 1) });
      return;
    }
    sections.push({
      tag: current.tag,
      headerLine: current.headerLine,
      startLine: current.startLine,
      endLine: Math.max(end, current.startLine),
      lines: end >= bodyStart ? lines.slice(bodyStart, end + 1) : [],
    });
  };

  lines.forEach((line, index) => {
    const tag = parseSectionTag(line);
    if (tag === null) return;
    close(index);
    current = { tag, headerLine: index, startLine: index };
    bodyStart = index + 1;
  });
  close(lines.length);
  return sections;
}
