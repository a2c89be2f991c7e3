import type * as vscode from 'vscode';
import { activateExtension, type SunoExtensionApi } from '../activation';
import { systemClock } from '../core/clock';
import { explainingCrossOriginRefusals } from '../core/gateway/crossOriginRefusal';
import { sha256Hex } from '../core/store/sha256';
import { WorkspaceSharedFiles } from '../storage/workspaceSharedFiles';

/**
 * The entry point of a browser's web worker extension host (vscode.dev, github.dev, code-server's
 * web extensions), bundled as one CommonJS file (`dist/web/extension.js`). It brings what the
 * browser has instead of Node: the global storage folder through `vscode.workspace.fs`, the
 * core's own SHA-256, no environment (the test and demo switches stay off), a fetch that says when
 * a gateway refuses cross-origin requests, a gateway check that checks them too, and downloads
 * through a save dialog.
 */
export function activate(context: vscode.ExtensionContext): SunoExtensionApi | undefined {
  return activateExtension(context, {
    sharedFiles: (globalStorageUri) => new WorkspaceSharedFiles(globalStorageUri, sha256Hex),
    env: {},
    fetch: explainingCrossOriginRefusals(globalThis.fetch, systemClock),
    loadDownload: () => import('../commands/webDownload'),
    inBrowser: true,
  });
}

export function deactivate(): void {
  // Everything activate built is in its DisposableStore, in context.subscriptions; VS Code disposes it.
}
