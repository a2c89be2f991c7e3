/**
 * Makes gateway text safe to print to a terminal. Titles, tags, lyrics and URLs come from a
 * third party: an escape sequence in a song title must not move the cursor, recolour the
 * terminal or rewrite what was printed before (ANSI/OSC injection), and a bidi override must not
 * reorder what the user reads.
 */

/** C0 controls other than tab and line feed, DEL, C1 controls, and Unicode bidi controls. */
function isUnsafe(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f
  );
}

function strip(text: string): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    out += isUnsafe(code) ? '' : character;
  }
  return out;
}

/** For one-line fields (titles, reasons, URLs): control characters dropped, line breaks become spaces. */
export function terminalLine(text: string): string {
  return strip(text.replace(/\r\n|\r|\n|\t/g, ' ')).replace(/ {2,}/g, ' ').trim();
}

/** For multi-line text (lyrics): line breaks kept, everything else unsafe dropped. */
export function terminalBlock(text: string): string {
  return strip(text.replace(/\r\n|\r/g, '\n'));
}
