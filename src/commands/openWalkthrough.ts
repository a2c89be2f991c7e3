import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { openWalkthrough } from '../walkthrough/walkthrough';
import { registerCommand } from './typedCommands';

/** Suno: Get Started — the walkthrough again, whenever the user asks for it. */
export function registerOpenWalkthroughCommand(services: ExtensionServices): vscode.Disposable {
  return registerCommand(Commands.openWalkthrough, async () => {
    await openWalkthrough(services.context.extension.id, 'focused');
  });
}
