import type * as vscode from 'vscode';
import type { SharedFiles } from '../core/store/sharedFiles';
import { NodeSharedFiles } from './nodeSharedFiles';
import { nodeSha256Hex } from './nodeSha256';
import { WorkspaceSharedFiles } from './workspaceSharedFiles';

/**
 * The folder every window of the machine shares: the extension's global storage folder
 * (`context.globalStorageUri`). On a disk (desktop, remote, code-server) it is written with
 * Node's file system, whose rename replaces a file in one step; elsewhere through
 * `vscode.workspace.fs`. (This is Node's extension host; a browser's is `web/extension.ts`.)
 */
export function globalStorageFiles(globalStorageUri: vscode.Uri): SharedFiles {
  return globalStorageUri.scheme === 'file' ? new NodeSharedFiles(globalStorageUri.fsPath) : new WorkspaceSharedFiles(globalStorageUri, nodeSha256Hex);
}
