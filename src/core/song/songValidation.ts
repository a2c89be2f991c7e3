import { english, type Localize } from '../localize';
import { inertText } from '../inertText';
import { SONG_KEYS, songField, songLyrics, type FrontMatterEntry, type SongDocument, type SongKey } from './songDocument';
import { isModelId } from './modelId';
import { lookUpModel, type SongModel, type SongSettings } from './songModels';
import { isTemplatePlaceholder } from './songTemplate';
import type { TextSpan } from './textPositions';

/**
 * The one judgement of a song document, for the editor's diagnostics and the command line alike:
 * a list of problems, each with a stable code, a severity, a message, where it is, and a fix
 * when one is obvious. Errors stop a submit (it would be refused, or spend credits on something
 * the user did not mean); warnings and hints do not.
 */

export type SongProblemSeverity = 'error' | 'warning' | 'info';

type SongProblemCode =
  | 'unclosed-front-matter'
  | 'malformed-line'
  | 'unknown-key'
  | 'key-case'
  | 'duplicate-key'
  | 'bad-quote'
  | 'not-boolean'
  | 'invalid-model'
  | 'unlisted-model'
  | 'model-case'
  | 'lyrics-too-long'
  | 'style-too-long'
  | 'empty-song'
  | 'no-lyrics'
  | 'lyrics-ignored'
  | 'placeholder';

/** Replace the text at `span` with `text` (an insertion when the span is empty). */
interface SongFix {
  /** What the fix does, for a quick-fix menu: `Change to "style"`. */
  readonly title: string;
  readonly span: TextSpan;
  readonly text: string;
}

export interface SongProblem {
  readonly code: SongProblemCode;
  readonly severity: SongProblemSeverity;
  /** One plain line; document text in it is inert and short. */
  readonly message: string;
  readonly span: TextSpan;
  readonly fix?: SongFix;
}

/** A document with more problems than this is not worth listing further. */
export const MAX_SONG_PROBLEMS = 100;

/** Common names of the wire fields and other tools' keys, and what they are called here. */
const KEY_ALIASES: Readonly<Record<string, SongKey>> = {
  tags: 'style',
  genre: 'style',
  styles: 'style',
  negative_tags: 'exclude',
  negative: 'exclude',
  exclude_styles: 'exclude',
  mv: 'model',
  version: 'model',
  make_instrumental: 'instrumental',
  name: 'title',
};

/** Words people write for yes and no, and the value they mean. */
const BOOLEAN_WORDS: Readonly<Record<string, 'true' | 'false'>> = {
  yes: 'true',
  y: 'true',
  on: 'true',
  '1': 'true',
  no: 'false',
  n: 'false',
  off: 'false',
  '0': 'false',
};

/**
 * Every problem of the song. `localize` words the messages and fixes: the editor passes
 * `vscode.l10n.t`, the CLI keeps English. Template placeholders are found in English, in the
 * language of `localize`, and in `templateLanguages`: the CLI speaks English, but a song may have
 * been started from the extension's template in another language.
 */
export function validateSong(document: SongDocument, settings: SongSettings, localize: Localize = english, templateLanguages: readonly Localize[] = []): SongProblem[] {
  const problems: SongProblem[] = [];
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  checkFrontMatter(document, eol, problems, localize);
  const model = checkModel(document, settings, problems, localize);
  checkContent(document, model, eol, problems, localize);
  checkPlaceholders(document, problems, localize, templateLanguages);
  return problems.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_SONG_PROBLEMS);
}

/** Whether any problem stops a submit. */
export function hasBlockingProblem(problems: readonly SongProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

function checkFrontMatter(document: SongDocument, eol: string, problems: SongProblem[], localize: Localize): void {
  const frontMatter = document.frontMatter;
  if (frontMatter === null) return;
  if (frontMatter.closeSpan === null) {
    const atEnd = document.lyricsStart >= document.text.length;
    const needsBreak = atEnd && !/[\r\n]$/.test(document.text);
    problems.push({
      code: 'unclosed-front-matter',
      severity: 'error',
      message: localize('The front matter is not closed: end it with a --- line before the lyrics.'),
      span: frontMatter.openSpan,
      fix: {
        title: localize('Close the front matter with ---'),
        span: { start: document.lyricsStart, end: document.lyricsStart },
        text: `${needsBreak ? eol : ''}---${eol}`,
      },
    });
  }
  for (const span of frontMatter.malformedLines) {
    if (problems.length > MAX_SONG_PROBLEMS) return;
    problems.push({
      code: 'malformed-line',
      severity: 'error',
      message: localize('Not a "key: value" line. The front matter holds keys, # comments and blank lines; the lyrics go after the closing ---.'),
      span,
    });
  }
  const seen = new Set<SongKey>();
  for (const entry of frontMatter.entries) {
    if (problems.length > MAX_SONG_PROBLEMS) return;
    checkEntry(entry, seen, problems, localize);
  }
}

function checkEntry(entry: FrontMatterEntry, seen: Set<SongKey>, problems: SongProblem[], localize: Localize): void {
  const shownKey = quoted(entry.key);
  if (entry.songKey === null) {
    const suggestion = nearestKey(entry.key);
    problems.push({
      code: 'unknown-key',
      severity: 'error',
      message: localize('Unknown key {0}: it would not be sent. The keys are {1}.', shownKey, SONG_KEYS.join(', ')),
      span: entry.keySpan,
      ...(suggestion && { fix: { title: localize('Change to "{0}"', suggestion), span: entry.keySpan, text: suggestion } }),
    });
    return;
  }
  if (seen.has(entry.songKey)) {
    problems.push({
      code: 'duplicate-key',
      severity: 'error',
      message: localize('{0} is set twice; only the first one counts.', shownKey),
      span: entry.keySpan,
      fix: { title: localize('Remove this {0} line', entry.songKey), span: entry.lineSpan, text: '' },
    });
    return;
  }
  seen.add(entry.songKey);
  if (entry.key !== entry.songKey) {
    problems.push({
      code: 'key-case',
      severity: 'warning',
      message: localize('Write {0} as "{1}": keys are lower case.', shownKey, entry.songKey),
      span: entry.keySpan,
      fix: { title: localize('Change to "{0}"', entry.songKey), span: entry.keySpan, text: entry.songKey },
    });
  }
  if (entry.valueProblem !== null) {
    const messages = {
      unclosed_quote: localize('The value of {0} opens a quote that is not closed.', entry.songKey),
      bad_escape: localize('The value of {0} holds an escape that means nothing (write \\\\ for a backslash).', entry.songKey),
      text_after_quote: localize('Text after the closing quote of {0}: quote the whole value, or use a # comment.', entry.songKey),
    };
    problems.push({ code: 'bad-quote', severity: 'error', message: messages[entry.valueProblem], span: entry.valueSpan });
    return;
  }
  if (entry.songKey === 'instrumental' && booleanValue(entry.value) === null) {
    const meant = BOOLEAN_WORDS[entry.value.toLowerCase()];
    problems.push({
      code: 'not-boolean',
      severity: 'error',
      message: localize('instrumental is true or false, not {0}.', quoted(entry.value)),
      span: entry.valueSpan.start === entry.valueSpan.end ? entry.keySpan : entry.valueSpan,
      ...(meant && { fix: { title: localize('Change to {0}', meant), span: entry.valueSpan, text: meant } }),
    });
  }
}

/** The model the song will be made with, when its limits are known. */
function checkModel(document: SongDocument, settings: SongSettings, problems: SongProblem[], localize: Localize): SongModel | undefined {
  const entry = songField(document, 'model');
  if (entry === undefined || entry.value === '' || entry.valueProblem !== null) {
    const lookup = lookUpModel(settings.models, settings.defaultModel);
    return lookup.kind === 'unlisted' ? undefined : lookup.model;
  }
  const id = entry.value;
  if (!isModelId(id)) {
    problems.push({
      code: 'invalid-model',
      severity: 'error',
      message: localize("{0} is not a model id: one word of letters, digits, '.', '_', ':', '+', '/' and '-'.", quoted(id)),
      span: entry.valueSpan,
    });
    return undefined;
  }
  const lookup = lookUpModel(settings.models, id);
  if (lookup.kind === 'otherCase') {
    problems.push({
      code: 'model-case',
      severity: 'warning',
      message: localize('Gateways compare model ids exactly: {0} is listed as "{1}".', quoted(id), lookup.model.id),
      span: entry.valueSpan,
      fix: { title: localize('Change to "{0}"', lookup.model.id), span: entry.valueSpan, text: lookup.model.id },
    });
  }
  if (lookup.kind === 'unlisted') {
    const nearest = nearestWord(id.toLowerCase(), settings.models.map((model) => model.id));
    problems.push({
      code: 'unlisted-model',
      severity: 'info',
      message: localize('{0} is not in the suno.models setting: it is sent as written, and the lengths of lyrics and style are not checked.', quoted(id)),
      span: entry.valueSpan,
      ...(nearest && { fix: { title: localize('Change to "{0}"', nearest), span: entry.valueSpan, text: nearest } }),
    });
    return undefined;
  }
  return lookup.model;
}

function checkContent(document: SongDocument, model: SongModel | undefined, eol: string, problems: SongProblem[], localize: Localize): void {
  const lyrics = songLyrics(document);
  const style = songField(document, 'style');
  const instrumentalEntry = songField(document, 'instrumental');
  const instrumental = instrumentalEntry !== undefined && booleanValue(instrumentalEntry.value) === true;
  const hasStyle = style !== undefined && style.value.trim() !== '';

  if (model && style && style.value.length > model.styleLimit) {
    problems.push({
      code: 'style-too-long',
      severity: 'error',
      message: localize('The style has {0} characters; {1} takes at most {2}.', style.value.length, model.label, model.styleLimit),
      span: style.valueSpan,
    });
  }
  if (model && !instrumental && lyrics.length > model.lyricsLimit) {
    const { start, end } = lyricsSpan(document);
    problems.push({
      code: 'lyrics-too-long',
      severity: 'error',
      message: localize('The lyrics have {0} characters; {1} takes at most {2}. The part past the limit is marked.', lyrics.length, model.label, model.lyricsLimit),
      span: { start: offsetAfter(document.text, start, model.lyricsLimit), end },
    });
  }
  if (lyrics === '' && !hasStyle) {
    problems.push({
      code: 'empty-song',
      severity: 'error',
      message: localize('Nothing to make a song from: write lyrics, or a style (with instrumental: true for a song without words).'),
      span: document.frontMatter?.openSpan ?? { start: 0, end: document.text.length },
    });
  } else if (lyrics === '' && !instrumental) {
    const close = document.frontMatter?.closeSpan;
    problems.push({
      code: 'no-lyrics',
      severity: 'error',
      message: localize('No lyrics: gateways may refuse an empty prompt. Write lyrics, or set instrumental: true.'),
      span: style?.keySpan ?? { start: 0, end: 0 },
      ...(close && instrumentalEntry === undefined && { fix: { title: localize('Add instrumental: true'), span: { start: close.start, end: close.start }, text: `instrumental: true${eol}` } }),
    });
  }
  if (instrumental && instrumentalEntry && lyrics !== '') {
    problems.push({
      code: 'lyrics-ignored',
      severity: 'warning',
      message: localize('An instrumental is sent without its lyrics: the text below the front matter is not used.'),
      span: instrumentalEntry.valueSpan,
    });
  }
}

/** Placeholders of the New Song template left in place, wherever they are. */
function checkPlaceholders(document: SongDocument, problems: SongProblem[], localize: Localize, templateLanguages: readonly Localize[]): void {
  for (const match of document.text.matchAll(/<([^<>\r\n]{1,80})>/g)) {
    if (problems.length > MAX_SONG_PROBLEMS) return;
    if (!isTemplatePlaceholder(match[1], [localize, ...templateLanguages])) continue;
    problems.push({
      code: 'placeholder',
      severity: 'error',
      message: localize("Replace the template's placeholder {0} with your own words.", match[0]),
      span: { start: match.index, end: match.index + match[0].length },
    });
  }
}

/** `true`, `false` in any case, or null for anything else. */
function booleanValue(value: string): boolean | null {
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

/** The lyrics as written, without the blank text around them. */
function lyricsSpan(document: SongDocument): TextSpan {
  const { lyrics, lyricsStart } = document;
  const leading = lyrics.length - lyrics.trimStart().length;
  return { start: lyricsStart + leading, end: lyricsStart + lyrics.trimEnd().length };
}

/** The offset `count` sent characters after `start`, where a `\r\n` is sent as one `\n`. */
function offsetAfter(text: string, start: number, count: number): number {
  let offset = start;
  for (let sent = 0; sent < count && offset < text.length; sent++) {
    offset += text[offset] === '\r' && text[offset + 1] === '\n' ? 2 : 1;
  }
  return offset;
}

/** The song key a mistyped or foreign key most likely means, when that is clear. */
function nearestKey(key: string): SongKey | undefined {
  const lower = key.toLowerCase();
  return KEY_ALIASES[lower] ?? (nearestWord(lower, SONG_KEYS) as SongKey | undefined);
}

/** The one candidate within two edits of `word` (compared in lower case), if exactly one is. */
function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 40) return undefined;
  const near = candidates.filter((candidate) => editDistance(word, candidate.toLowerCase()) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

/** Levenshtein distance; both words are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Document text in a message: quoted, one short inert line. */
function quoted(text: string): string {
  return `"${inertText(text, 40)}"`;
}
