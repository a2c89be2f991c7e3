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
  lyricsFailed: (name: string, reason: string | null): string =>
    `The lyrics "${name}" could not be written: ${reason ?? 'the gateway gave no reason and no lyrics.'}`,
} as const;
