import type * as vscode from 'vscode';
import { activateExtension, type SunoExtensionApi } from './activation';
import { globalStorageFiles } from './storage/globalStorageFiles';

export type { SunoExtensionApi } from './activation';

/** The entry point of Node's extension host (desktop, remote, code-server). */
export function activate(context: vscode.ExtensionContext): SunoExtensionApi | undefined {
  return activateExtension(context, { sharedFiles: globalStorageFiles, env: process.env, loadDownload: () => import('./commands/download') });
}

export function deactivate(): void {
  // Everything activate built is in its DisposableStore, in context.subscriptions; VS Code disposes it.
}
