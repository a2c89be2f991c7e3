import type * as vscode from 'vscode';
import type { DownloadModule } from './commands/commandRegistrations';
import type { SharedFiles } from './core/store/sharedFiles';

/** The test and demo switches (`SUNO_TEST_MODE`, `SUNO_DEMO_API_KEY`, …) by name. */
export type HostEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * What differs between the two extension hosts the extension runs in: Node's (desktop, remote,
 * code-server) and a browser's web worker (vscode.dev, github.dev). Each entry point picks its
 * own (`extension.ts`, `web/extension.ts`), so shared code never asks where it runs and the web
 * bundle never contains a Node module.
 */
export interface ExtensionHost {
  /** The folder every window shares (the global storage folder), written as this host can. */
  sharedFiles(globalStorageUri: vscode.Uri): SharedFiles;
  /** Where the test and demo switches come from: Node's environment; nothing in a browser. */
  readonly env: HostEnvironment;
  /** The fetch gateway requests go through; the global one when undefined. */
  readonly fetch?: typeof globalThis.fetch;
  /**
   * True in a browser's web worker, where requests are a page's and cross-origin rules apply
   * (the gateway check then checks them); false in Node's host, even when the workbench itself
   * is in a browser (code-server, remote), since requests then go out from Node.
   */
  readonly inBrowser?: boolean;
  /** The Download command: into a folder on disk in Node, through a save dialog in a browser. */
  loadDownload(): Promise<DownloadModule>;
}
