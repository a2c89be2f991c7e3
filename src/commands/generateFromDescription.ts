import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { generateFromDescription } from '../generate/generateFromDescription';
import type { SubmitService } from '../generate/submitService';
import { registerCommand } from './typedCommands';

/** `suno.generateFromDescription`: asks for everything; arguments are ignored. */
export function registerGenerateFromDescriptionCommand(services: ExtensionServices, submits: SubmitService): vscode.Disposable {
  return registerCommand(Commands.generateFromDescription, () => generateFromDescription(services, submits));
}
