import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { generateSong } from '../generate/generateSong';
import type { SubmitService } from '../generate/submitService';
import { registerCommand } from './typedCommands';

/** `suno.generateSong`: the song document given (editor title, CodeLens) or the active one. */
export function registerGenerateSongCommand(services: ExtensionServices, submits: SubmitService): vscode.Disposable {
  return registerCommand(Commands.generateSong, (argument?: unknown) => generateSong(services, submits, argument));
}
