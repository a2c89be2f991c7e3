import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { changeSongModel } from '../generate/changeSongModel';
import { registerCommand } from './typedCommands';

/** `suno.changeSongModel`: the song document given (CodeLens) or the active one. */
export function registerChangeSongModelCommand(services: ExtensionServices): vscode.Disposable {
  return registerCommand(Commands.changeSongModel, (argument?: unknown) => changeSongModel(services, argument));
}
