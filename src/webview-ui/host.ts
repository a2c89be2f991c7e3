/**
 * The page's one handle on the extension host. VS Code hands it out once per page
 * (`acquireVsCodeApi` throws the second time), so every view posts through this module.
 */
import type { PageMessage } from '../shared/panelMessages';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: { taskId: string }): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export function post(message: PageMessage): void {
  vscode.postMessage(message);
}

/** Kept by VS Code while the panel is hidden, and handed to the serializer when it reopens. */
export function saveState(state: { taskId: string }): void {
  vscode.setState(state);
}
