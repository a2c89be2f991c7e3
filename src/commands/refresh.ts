import * as vscode from 'vscode';
import { inertText } from '../core/inertText';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { isFinished } from '../core/model';
import type { ExtensionServices } from '../extensionServices';
import { isTaskTreeElement } from '../tracker/treeElements';
import { TRACKER_VIEW_ID } from '../tracker/taskTracker';
import { showGatewayError } from './gatewayErrorMessage';

/**
 * Suno: Refresh — polls now instead of waiting for the next round. From the view title it
 * polls every gateway with running tasks; on a task it polls that task's gateway, or re-fetches
 * the task itself when it has finished (the poller no longer looks at finished tasks).
 */
export function registerRefreshCommand(services: ExtensionServices): vscode.Disposable {
  return vscode.commands.registerCommand('suno.refresh', (argument?: unknown) =>
    vscode.window.withProgress({ location: { viewId: TRACKER_VIEW_ID } }, () => refresh(services, argument)),
  );
}

async function refresh(services: ExtensionServices, argument: unknown): Promise<void> {
  const taskId = isTaskTreeElement(argument) ? argument.taskId : typeof argument === 'string' ? argument : undefined;
  const task = taskId === undefined ? undefined : services.store.get(taskId);
  if (!task) {
    await services.poller.pollNow();
    return;
  }
  if (!isFinished(task.status)) {
    await services.poller.pollNow(task.baseUrl);
    return;
  }
  const client = await services.clientFor(task.baseUrl);
  if (!client) {
    void vscode.window
      .showWarningMessage(`No API key is set for the gateway ${inertText(task.baseUrl)}.`, 'Set API Key…')
      .then((answer) => (answer ? vscode.commands.executeCommand('suno.setApiKey', new ApiKeyRequest(task.baseUrl)) : undefined));
    return;
  }
  try {
    await services.store.upsert([await client.fetchTask(task.id)]);
  } catch (error) {
    void showGatewayError(error, {
      prefix: `Could not refresh Suno task ${task.id}:`,
      baseUrl: task.baseUrl,
      retry: () => vscode.commands.executeCommand('suno.refresh', task.id),
    });
  }
}
