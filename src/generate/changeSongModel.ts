import * as vscode from 'vscode';
import { songSettings } from '../configuration/songSettings';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { modelEdit } from '../core/song/modelEdit';
import { songField } from '../core/song/songDocument';
import type { ExtensionServices } from '../extensionServices';
import { songOf } from '../songs/songDocuments';
import { songEditorDocument } from './songEditorDocument';

/**
 * "Change Model" on a song's CodeLens: a pick of `suno.models` (the song's current model marked)
 * that writes the choice into the song's front matter as an ordinary, undoable edit.
 */
export async function changeSongModel(services: ExtensionServices, argument: unknown): Promise<boolean> {
  const document = songEditorDocument(argument);
  if (document === undefined) return false;
  const settings = songSettings(services.settings);
  const current = songField(songOf(document), 'model')?.value || settings.defaultModel;
  const items = settings.models.map((model) => ({
    label: inertText(model.label, INERT_LABEL_MAX_LENGTH),
    description: model.id === current ? vscode.l10n.t('current') : undefined,
    id: model.id,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Change the Song’s Model'), placeHolder: vscode.l10n.t('The model the song is generated with') });
  if (picked === undefined || picked.id === current) return false;
  // Parsed again: the document may have changed while the pick was open.
  const edit = modelEdit(songOf(document), picked.id);
  if (edit === null) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The song’s front matter is not closed with a "---" line: close it, then change the model.'));
    return false;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
  return vscode.workspace.applyEdit(workspaceEdit);
}
