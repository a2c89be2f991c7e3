import * as vscode from 'vscode';
import { SONG_KEYS, type SongDocument } from '../core/song/songDocument';
import type { SongModel, SongSettings } from '../core/song/songModels';
import { songOf } from './songDocuments';
import { keyDocumentation, modelDocumentation } from './songHover';

/**
 * Completion inside a song's front matter: the keys not set yet (with what each means), and the
 * values of `model` (from `suno.models`) and `instrumental`. Lyrics get no suggestions here.
 */
export class SongCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly songSettings: () => SongSettings) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const song = songOf(document);
    const line = document.lineAt(position.line).text;
    const before = line.slice(0, position.character);
    if (!inFrontMatter(song, document, position, before)) return undefined;
    const colon = before.indexOf(':');
    if (colon < 0) return keyItems(song, position, before);
    const key = before.slice(0, colon).trim().toLowerCase();
    const afterColon = line.slice(colon + 1);
    const valueStart = colon + 1 + (afterColon.length - afterColon.trimStart().length);
    if (position.character < valueStart) return undefined;
    // The value written so far is replaced; a completion right after the colon brings its space.
    const valueEnd = Math.max(valueStart, position.character, line.trimEnd().length);
    const value = { range: new vscode.Range(position.line, valueStart, position.line, valueEnd), prefix: valueStart === colon + 1 ? ' ' : '' };
    if (key === 'model') return this.songSettings().models.map((model, index) => modelItem(model, index, value));
    if (key === 'instrumental') return ['true', 'false'].map((word) => valueItem(word, value));
    return undefined;
  }
}

/**
 * Whether the cursor is on a line of the front matter. In a block that is not closed yet, the
 * line where the parser saw the lyrics start also counts while it is a word being typed: that
 * word is the key the user is writing.
 */
function inFrontMatter(song: SongDocument, document: vscode.TextDocument, position: vscode.Position, before: string): boolean {
  const frontMatter = song.frontMatter;
  if (frontMatter === null) return false;
  if (position.line <= document.positionAt(frontMatter.openSpan.start).line) return false;
  if (frontMatter.closeSpan !== null) return position.line < document.positionAt(frontMatter.closeSpan.start).line;
  const lyricsLine = document.positionAt(song.lyricsStart).line;
  return position.line < lyricsLine || (position.line === lyricsLine && /^\s*[A-Za-z_]*$/.test(before));
}

function keyItems(song: SongDocument, position: vscode.Position, before: string): vscode.CompletionItem[] | undefined {
  if (!/^\s*[A-Za-z_]*$/.test(before)) return undefined;
  const present = new Set(song.frontMatter?.entries.filter((entry) => entry.line !== position.line).map((entry) => entry.songKey));
  const typed = new vscode.Range(position.line, before.length - before.trimStart().length, position.line, position.character);
  return SONG_KEYS.filter((key) => !present.has(key)).map((key, index) => {
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
    item.insertText = `${key}: `;
    item.range = typed;
    item.sortText = String(index);
    item.documentation = keyDocumentation(key);
    // Straight on to the value's suggestions where there are some.
    if (key === 'model' || key === 'instrumental') item.command = { title: vscode.l10n.t('Suggest'), command: 'editor.action.triggerSuggest' };
    return item;
  });
}

/** Where a value goes, and what it needs before it. */
interface ValuePlace {
  readonly range: vscode.Range;
  readonly prefix: string;
}

function modelItem(model: SongModel, index: number, place: ValuePlace): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: model.id, description: model.label }, vscode.CompletionItemKind.EnumMember);
  item.insertText = `${place.prefix}${model.id}`;
  item.filterText = `${place.prefix}${model.id}`;
  item.range = place.range;
  item.sortText = String(index).padStart(4, '0');
  item.documentation = modelDocumentation(model);
  return item;
}

function valueItem(value: string, place: ValuePlace): vscode.CompletionItem {
  const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.Value);
  item.insertText = `${place.prefix}${value}`;
  item.filterText = `${place.prefix}${value}`;
  item.range = place.range;
  return item;
}
