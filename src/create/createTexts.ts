/**
 * What Edit as New Song, Generate Lyrics and Extend say to the user, in one place for
 * translation. Functions take names that are already inert (`taskLabel`, `clipLabel`, `inertText`).
 */
export const CreateTexts = {
  editAsNewSongPlaceHolder: 'Select a Suno task to edit as a new song',
  nothingToEdit: (name: string): string => `"${name}" has no song to edit yet: it has no clips and no lyrics.`,
} as const;
