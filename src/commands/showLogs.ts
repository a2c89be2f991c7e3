import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { registerCommand } from './typedCommands';

/** Suno: Show Logs — the "Suno" output channel with every gateway request. */
export function registerShowLogsCommand(services: ExtensionServices): vscode.Disposable {
  return registerCommand(Commands.showLogs, () => services.log.show(true));
}
