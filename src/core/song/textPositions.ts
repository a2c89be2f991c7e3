/**
 * Offsets in a text and the line/character positions editors use, converted both ways the way
 * VS Code counts: `\r\n`, `\r` and `\n` each end a line, characters are UTF-16 code units.
 * Problems carry offsets (cheap to compute while parsing); a surface that shows them converts.
 */

/** A stretch of text by offsets, `end` excluded. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

interface LineCharacter {
  /** Zero-based. */
  readonly line: number;
  /** Zero-based, in UTF-16 code units from the start of the line. */
  readonly character: number;
}

export class TextPositions {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
      if (code === 0x0d || code === 0x0a) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`, clamped to the text. */
  positionAt(offset: number): LineCharacter {
    const clamped = Number.isFinite(offset) ? Math.max(0, Math.min(this.text.length, Math.floor(offset))) : 0;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** The offset of the start of `line` (clamped to the text's lines). */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(this.lineStarts.length - 1, line))];
  }
}
