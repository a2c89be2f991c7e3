import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';

/** Suno: Show Logs — the "Suno" output channel with every gateway request. */
export function registerShowLogsCommand(services: ExtensionServices): vscode.Disposable {
  return vscode.commands.registerCommand('suno.showLogs', () => services.log.show(true));
}
