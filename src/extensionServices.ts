import type * as vscode from 'vscode';
import type { ApiKeys } from './auth/apiKeys';
import type { Settings } from './configuration/settings';
import type { GatewayClient } from './core/gateway/gatewayClient';
import type { Poller } from './core/polling/poller';
import type { TaskStore } from './core/store/taskStore';

/**
 * Everything the extension's features share, built once in `activate`. Features take this
 * object instead of reaching for globals, so a test can reach the same store and poller through
 * the API `activate` returns.
 */
export interface ExtensionServices {
  readonly context: vscode.ExtensionContext;
  readonly store: TaskStore;
  readonly poller: Poller;
  readonly apiKeys: ApiKeys;
  readonly settings: Settings;
  readonly log: vscode.LogOutputChannel;
  /**
   * A client for the gateway a task belongs to, with that gateway's key; undefined when no key
   * is stored for it (or the URL is unusable). Clients share one memory of batch support.
   */
  clientFor(baseUrl: string): Promise<GatewayClient | undefined>;
}

/** The task panel webviews, as the commands and notifications use them. */
export interface TaskPanels {
  open(taskId: string, options?: { preserveFocus?: boolean }): void;
  isVisible(taskId: string): boolean;
}

/** Lyrics as read-only documents. */
export interface LyricsDocuments {
  open(taskId: string, clipId?: string): Promise<void>;
}

/** The editor-facing features built on top of the services. */
export interface ExtensionUi {
  readonly panels: TaskPanels;
  readonly lyrics: LyricsDocuments;
}
