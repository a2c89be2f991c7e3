/**
 * File names made from untrusted text (a song title): safe to join to a folder on every system,
 * short enough for every file system. Downloads and the lyrics documents' names both use them.
 */

/**
 * Most file systems allow 255 bytes per name (ext4, APFS, NTFS counts UTF-16 units, which is never
 * more). A title is cut well below that, so that the suffixes a download adds (` - 12`,
 * ` - cover`, ` (1000)`, `.jpeg`) always fit: a long Chinese title must not fail with
 * ENAMETOOLONG.
 */
export const MAX_FILE_NAME_BYTES = 255;
export const MAX_STEM_BYTES = 200;
/** Names Windows refuses for a file, whatever the extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/**
 * Unicode format characters (category Cf): bidi overrides like U+202E make `evil\u202Ecod.mp3`
 * show as `evilpm3.doc`; zero-width characters make two equal-looking names differ.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * A file name stem from untrusted text (a song title): no path separators, no characters Windows,
 * macOS or Linux refuse, no Unicode format characters, no leading dots (hidden files, `..`), no
 * trailing dots or spaces, no reserved device names, at most `MAX_STEM_BYTES` bytes of UTF-8 (cut
 * between whole characters). Falls back to `fallback` when nothing is left.
 */
export function sanitiseFileName(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(FORMAT_CHARACTERS, '')
    // Control characters are never part of a useful title.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[/\\|:]/g, '-')
    .replace(/[<>"?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '');
  const shortened = truncateUtf8(cleaned, MAX_STEM_BYTES).replace(/[.\s]+$/, '');
  if (shortened === '') return fallback === name ? 'untitled' : sanitiseFileName(fallback, 'untitled');
  return RESERVED_NAMES.test(shortened.split('.')[0].trim()) ? `_${shortened}` : shortened;
}

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` that fits in `maxBytes` bytes of UTF-8, cut between grapheme
 * clusters: never in the middle of a character, nor between a letter and its accent or the halves
 * of an emoji.
 */
function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (bytes + size > maxBytes) break;
    result += segment;
    bytes += size;
  }
  return result;
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * The name to try on the `attempt`-th go (1-based): `City Lights.mp3`, then `City Lights (2).mp3`,
 * `City Lights (3).mp3`… A download tries these in turn with an exclusive create, so an existing
 * file is never overwritten.
 */
export function candidateFileName(stem: string, extension: string, attempt: number): string {
  return attempt <= 1 ? `${stem}${extension}` : `${stem} (${attempt})${extension}`;
}
