import { english, type Localize } from '../localize';
import { formatFrontMatterValue } from './frontMatterValue';

/**
 * The short song a New Song starts from. Its placeholders are written `<like this>` so that the
 * validator recognises the ones left in place (a song generated from them costs credits for
 * nothing) and nobody mistakes them for lyrics. The keys and section tags stay as the parser and
 * the gateways read them; the placeholders are in the display language.
 */

interface TemplatePlaceholders {
  readonly title: string;
  readonly style: string;
  readonly verse: readonly [string, string];
  readonly chorus: readonly [string, string];
}

/** The text inside each placeholder's angle brackets, worded by `localize`. */
function templatePlaceholders(localize: Localize): TemplatePlaceholders {
  return {
    title: localize('Song title'),
    style: localize('genre, mood, voice, instruments'),
    verse: [localize('A line of the verse'), localize('Another line of the verse')],
    chorus: [localize('A line of the chorus'), localize('Another line of the chorus')],
  };
}

/**
 * Whether `text` (inside angle brackets) is a placeholder of the template, in English or in one
 * of `languages` (the display language; for the CLI, every language the extension ships): a song
 * may have been started in any of them.
 */
export function isTemplatePlaceholder(text: string, languages: readonly Localize[] = []): boolean {
  return [english, ...languages].some((language) => {
    const { title, style, verse, chorus } = templatePlaceholders(language);
    return [title, style, ...verse, ...chorus].includes(text);
  });
}

/** The title placeholder as the template writes it (`<Song title>`), for the editor to select. */
export function titlePlaceholder(localize: Localize = english): string {
  return `<${templatePlaceholders(localize).title}>`;
}

/** A new song in the given model, with a verse and a chorus to fill in. */
export function songTemplate(modelId: string, localize: Localize = english): string {
  const { title, style, verse, chorus } = templatePlaceholders(localize);
  return [
    '---',
    `title: <${title}>`,
    `style: <${style}>`,
    `model: ${formatFrontMatterValue(modelId)}`,
    '---',
    '[Verse]',
    ...verse.map((line) => `<${line}>`),
    '',
    '[Chorus]',
    ...chorus.map((line) => `<${line}>`),
    '',
  ].join('\n');
}
