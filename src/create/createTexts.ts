import { inertText } from '../core/inertText';

/**
 * What Edit as New Song, Generate Lyrics and Extend say to the user, in one place for
 * translation. Functions take names that are already inert (`taskLabel`, `clipLabel`, `inertText`),
 * except where they say they make text inert themselves.
 */
export const CreateTexts = {
  open: 'Open',

  editAsNewSongPlaceHolder: 'Select a Suno task to edit as a new song',
  nothingToEdit: (name: string): string => `"${name}" has no song to edit yet: it has no clips and no lyrics.`,

  generateLyricsTitle: 'Suno: Generate Lyrics',
  lyricsPromptQuestion: (limit: number): string => `What should the lyrics be about? (up to ${limit} characters)`,
  lyricsPromptExample: 'a bright pop song about the sea',
  cannotGenerateLyrics: 'Cannot generate lyrics:',
  /** How the submit's questions and progress name it; the prompt is the user's, shortened and made inert here. */
  lyricsWhat: (prompt: string): string => `lyrics about “${inertText(prompt, 60)}”`,
  untitledLyrics: 'Untitled lyrics',
  lyricsReady: (name: string): string => `Lyrics ready: ${name}`,
  notAClip: 'The command was given something that is not a Suno clip.',
  noSuchClip: 'That clip is not one of the task’s clips, or the task is no longer tracked.',
  extendTaskPlaceHolder: 'Select the Suno task whose clip to extend',
  extendClipPlaceHolder: 'Select the clip to extend',
  noClipToExtend: 'This task has no finished clip to extend yet.',
  extendTitle: (name: string): string => `Suno: Extend “${name}”`,
  continueAtQuestion: (length: string): string =>
    length === ''
      ? 'Continue from where? Seconds into the clip (80) or minutes and seconds (1:20).'
      : `Continue from where? Seconds into the clip (80) or minutes and seconds (1:20); the clip is ${length} long.`,
  songDocumentPlaceHolder: 'Which song document has the lyrics of the continuation?',
  noNewLyrics: 'No new lyrics',
  noNewLyricsDescription: 'continue without vocals, in the clip’s style',
  songDocumentClosed: 'The song document was closed. Nothing was sent.',
  cannotExtend: (reason: string): string => `Cannot extend the clip: ${reason} Nothing was sent.`,
  /** How the submit's questions and progress name a continuation. */
  extendWhat: (name: string, at: string): string => `a continuation of “${name}” from ${at}`,
  lyricsFailed: (name: string, reason: string | null): string =>
    `The lyrics "${name}" could not be written: ${reason ?? 'the gateway gave no reason and no lyrics.'}`,
} as const;
