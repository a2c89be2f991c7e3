import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { editAsNewSong } from '../create/editAsNewSong';
import type { ExtensionServices } from '../extensionServices';
import { registerCommand } from './typedCommands';

/**
 * `suno.editAsNewSong` on a task or clip (tree, panel, or a task picked from the Command
 * Palette): opens it as a new song document. Returns the document.
 */
export function registerEditAsNewSongCommand(services: ExtensionServices): vscode.Disposable {
  return registerCommand(Commands.editAsNewSong, (argument?: unknown) => editAsNewSong(services, argument));
}
