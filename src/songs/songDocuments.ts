import * as vscode from 'vscode';
import { parseSongDocument, type SongDocument } from '../core/song/songDocument';
import { songSections } from '../core/song/songSections';
import type { TextSpan } from '../core/song/textPositions';

/**
 * The parsed song of an editor document, parsed once per version: diagnostics, completion,
 * hover, quick fixes and the outline all ask for the same document while the user types.
 */
const parsed = new WeakMap<vscode.TextDocument, { readonly version: number; readonly song: SongDocument }>();

export function songOf(document: vscode.TextDocument): SongDocument {
  const cached = parsed.get(document);
  if (cached?.version === document.version) return cached.song;
  const song = parseSongDocument(document.getText());
  parsed.set(document, { version: document.version, song });
  return song;
}

/** The editor range of a span of the document's text. */
export function spanRange(document: vscode.TextDocument, span: TextSpan): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** Where the sections of a song document are: in its lyrics, below the front matter. */
export function songDocumentSections(document: vscode.TextDocument): ReturnType<typeof songSections> {
  return songSections(songOf(document));
}
