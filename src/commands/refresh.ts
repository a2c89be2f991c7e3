import * as vscode from 'vscode';
import { inertText } from '../core/inertText';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { Commands, Views } from '../contributionIds';
import { isFinished } from '../core/task/model';
import type { ExtensionServices } from '../extensionServices';
import { isTaskTreeElement } from '../tracker/treeElements';
import { showGatewayError } from './gatewayErrorMessage';
import { executeCommand, type CommandHandler } from './typedCommands';

/**
 * Suno: Refresh — polls now instead of waiting for the next round. From the view title it
 * polls every gateway with running tasks; on a task it polls that task's gateway, or re-fetches
 * the task itself when it has finished (the poller no longer looks at finished tasks).
 */
export function refreshHandler(services: ExtensionServices): CommandHandler<typeof Commands.refresh> {
  return (argument?: unknown) => vscode.window.withProgress({ location: { viewId: Views.tasks } }, () => refresh(services, argument));
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
      .showWarningMessage(vscode.l10n.t('No API key is set for the gateway {0}.', inertText(task.baseUrl)), vscode.l10n.t('Set API Key…'))
      .then((answer) => (answer ? executeCommand(Commands.setApiKey, new ApiKeyRequest(task.baseUrl)) : undefined));
    return;
  }
  try {
    await services.store.upsert([await client.fetchTask(task.id)]);
  } catch (error) {
    void showGatewayError(error, {
      prefix: vscode.l10n.t('Could not refresh Suno task {0}:', task.id),
      baseUrl: task.baseUrl,
      retry: () => executeCommand(Commands.refresh, task.id),
    });
  }
}
