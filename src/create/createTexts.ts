import { inertText } from '../core/inertText';
import { english, type Localize } from '../core/localize';
import type { ExtendProblem } from '../core/song/extendableClip';

/**
 * What Edit as New Song, Generate Lyrics and Extend say to the user, in one place for
 * translation, worded by `localize` (the commands pass `vscode.l10n.t`; the tests keep English).
 * Functions take names that are already inert (`taskLabel`, `clipLabel`, `inertText`), except
 * where they say they make text inert themselves.
 */
export function createTexts(localize: Localize = english): ReturnType<typeof wordings> {
  return wordings(localize);
}

function wordings(localize: Localize) {
  return {
    open: localize('Open'),

    editAsNewSongPlaceHolder: localize('Select a Suno task to edit as a new song'),
    nothingToEdit: (name: string): string => localize('"{0}" has no song to edit yet: it has no clips and no lyrics.', name),

    generateLyricsTitle: localize('Suno: Generate Lyrics'),
    lyricsPromptQuestion: (limit: number): string => localize('What should the lyrics be about? (up to {0} characters)', limit),
    lyricsPromptExample: localize('a bright pop song about the sea'),
    cannotGenerateLyrics: localize('Cannot generate lyrics:'),
    /** How the submit's questions and progress name it; the prompt is the user's, shortened and made inert here. */
    lyricsWhat: (prompt: string): string => localize('lyrics about “{0}”', inertText(prompt, 60)),
    untitledLyrics: localize('Untitled lyrics'),
    lyricsReady: (name: string): string => localize('Lyrics ready: {0}', name),
    notAClip: localize('The command was given something that is not a Suno clip.'),
    noSuchClip: localize('That clip is not one of the task’s clips, or the task is no longer tracked.'),
    extendTaskPlaceHolder: localize('Select the Suno task whose clip to extend'),
    extendClipPlaceHolder: localize('Select the clip to extend'),
    noClipToExtend: localize('This task has no finished clip to extend yet.'),
    extendRefusal: (problem: ExtendProblem): string => {
      switch (problem) {
        case 'lyrics_task':
          return localize('A lyrics task has no song to extend.');
        case 'unfinished':
          return localize('Only a finished clip can be extended: wait until it is complete.');
        case 'unusable_id':
          return localize('This clip has no id a gateway would accept.');
      }
    },
    extendTitle: (name: string): string => localize('Suno: Extend “{0}”', name),
    continueAtQuestion: (length: string): string =>
      length === ''
        ? localize('Continue from where? Seconds into the clip (80) or minutes and seconds (1:20).')
        : localize('Continue from where? Seconds into the clip (80) or minutes and seconds (1:20); the clip is {0} long.', length),
    songDocumentPlaceHolder: localize('Which song document has the lyrics of the continuation?'),
    noNewLyrics: localize('No new lyrics'),
    noNewLyricsDescription: localize('continue without vocals, in the clip’s style'),
    songDocumentClosed: localize('The song document was closed. Nothing was sent.'),
    cannotExtend: (reason: string): string => localize('Cannot extend the clip: {0} Nothing was sent.', reason),
    /** How the submit's questions and progress name a continuation. */
    extendWhat: (name: string, at: string): string => localize('a continuation of “{0}” from {1}', name, at),
    lyricsFailed: (name: string, reason: string | null): string =>
      localize('The lyrics "{0}" could not be written: {1}', name, reason ?? localize('the gateway gave no reason and no lyrics.')),
  } as const;
}
