import * as vscode from 'vscode';
import { resolveTaskArgument } from '../commands/taskArgument';
import { songFromTask } from '../core/song/songFromTask';
import type { ExtensionServices } from '../extensionServices';
import { taskLabel } from '../tracker/taskTreeItem';
import { createTexts } from './createTexts';
import { openUntitledSong } from './untitledSong';

/**
 * Edit as New Song: the task (or the clip it was invoked on) as a new untitled song document —
 * title, style, model and lyrics — to change and generate again. Gateway text goes into the
 * document as values the song core escapes, so it can never add a front matter line of its own.
 */
export async function editAsNewSong(services: ExtensionServices, argument: unknown): Promise<vscode.TextDocument | undefined> {
  const resolved = await resolveTaskArgument(argument, services.store, createTexts(vscode.l10n.t).editAsNewSongPlaceHolder);
  if (resolved === undefined) return undefined;
  const { task, clip } = resolved;
  if (task.clips.length === 0 && (task.lyrics ?? '').trim() === '') {
    void vscode.window.showInformationMessage(createTexts(vscode.l10n.t).nothingToEdit(taskLabel(task)));
    return undefined;
  }
  const content = songFromTask(task, { clipId: clip?.id, defaultModel: services.settings.defaultModel() });
  return openUntitledSong(content);
}
