import { formatFrontMatterValue } from './frontMatterValue';

/**
 * The short song a New Song starts from. Its placeholders are written `<like this>` so that the
 * validator recognises the ones left in place (a song generated from them costs credits for
 * nothing) and nobody mistakes them for lyrics.
 */

/** The text inside each placeholder's angle brackets. */
export const TEMPLATE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'Song title',
  'genre, mood, voice, instruments',
  'A line of the verse',
  'Another line of the verse',
  'A line of the chorus',
  'Another line of the chorus',
]);

/** A new song in the given model, with a verse and a chorus to fill in. */
export function songTemplate(modelId: string): string {
  return [
    '---',
    'title: <Song title>',
    'style: <genre, mood, voice, instruments>',
    `model: ${formatFrontMatterValue(modelId)}`,
    '---',
    '[Verse]',
    '<A line of the verse>',
    '<Another line of the verse>',
    '',
    '[Chorus]',
    '<A line of the chorus>',
    '<Another line of the chorus>',
    '',
  ].join('\n');
}
