import type * as vscode from 'vscode';
import { parsePanelState } from '../shared/panelMessages';

/**
 * Brings task panels back after a window reload. The page saved only `{ taskId }`; the task is
 * re-read from the store, and a panel whose task is gone (removed meanwhile, or state from another
 * build) is closed instead of showing stale data.
 */
export class TaskPanelSerializer implements vscode.WebviewPanelSerializer {
  /** `adopt` takes ownership of the panel for `taskId`, or returns false when it cannot. */
  constructor(private readonly adopt: (taskId: string, panel: vscode.WebviewPanel) => boolean | Promise<boolean>) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePanelState(state);
    if (saved === undefined || !(await this.adopt(saved.taskId, panel))) panel.dispose();
  }
}
