import { splitLyricsSections } from '../task/lyricsSections';
import type { SongDocument } from './songDocument';
import { TextPositions } from './textPositions';

/**
 * The sections of a song's lyrics (`[Verse]`, `[Chorus]`…) with their lines counted in the whole
 * document, so that the outline and folding of a song document skip its front matter and agree
 * with those of a lyrics document.
 */
export function songSections(document: SongDocument): ReturnType<typeof splitLyricsSections> {
  const firstLine = new TextPositions(document.text).positionAt(document.lyricsStart).line;
  return splitLyricsSections(document.lyrics).map((section) => ({
    ...section,
    headerLine: section.headerLine === null ? null : section.headerLine + firstLine,
    startLine: section.startLine + firstLine,
    endLine: section.endLine + firstLine,
  }));
}
