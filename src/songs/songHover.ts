import * as vscode from 'vscode';
import type { SongKey } from '../core/song/songDocument';
import { lookUpModel, type SongModel, type SongSettings } from '../core/song/songModels';
import { songOf, spanRange } from './songDocuments';
import { songKeyDocumentation } from './songKeyDocumentation';

/**
 * Hover on a front matter key: what it means and what it is sent as. On the model's value: the
 * model's name and limits, or that it is not in the list.
 */
export class SongHoverProvider implements vscode.HoverProvider {
  constructor(private readonly songSettings: () => SongSettings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = songOf(document).frontMatter?.entries.find((candidate) => candidate.line === position.line);
    if (entry === undefined || entry.songKey === null) return undefined;
    const keyRange = spanRange(document, entry.keySpan);
    if (keyRange.contains(position)) return new vscode.Hover(keyDocumentation(entry.songKey), keyRange);
    const valueRange = spanRange(document, entry.valueSpan);
    if (entry.songKey !== 'model' || entry.value === '' || !valueRange.contains(position)) return undefined;
    const lookup = lookUpModel(this.songSettings().models, entry.value);
    if (lookup.kind !== 'unlisted') return new vscode.Hover(modelDocumentation(lookup.model), valueRange);
    return new vscode.Hover(new vscode.MarkdownString(vscode.l10n.t('Not in the **suno.models** setting: sent as written, with no check of the lyrics’ and style’s lengths.')), valueRange);
  }
}

export function keyDocumentation(key: SongKey): vscode.MarkdownString {
  const { summary, details, example } = songKeyDocumentation(key);
  return new vscode.MarkdownString(`${summary}\n\n${details}`).appendCodeblock(example, 'suno-song');
}

/** The model's label (set by the user: shown as text, never as Markdown) and limits. */
export function modelDocumentation(model: SongModel): vscode.MarkdownString {
  return new vscode.MarkdownString()
    .appendText(model.label)
    .appendMarkdown(`\n\n${vscode.l10n.t('Lyrics up to {0} characters, style up to {1}.', localNumber(model.lyricsLimit), localNumber(model.styleLimit))}`);
}

/** `5,000` in the display language's digits and grouping; English grouping for a tag `Intl` refuses. */
function localNumber(value: number): string {
  try {
    return value.toLocaleString(vscode.env.language);
  } catch {
    return value.toLocaleString('en');
  }
}
