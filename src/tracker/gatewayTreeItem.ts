import * as vscode from 'vscode';
import { gatewayName } from '../core/gateway/knownGateways';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { isFinished, type Task } from '../core/task/model';
import { spokenGatewayGroupLabel } from './spokenLabels';

/**
 * The group node of one gateway, shown when tasks from several gateways are tracked:
 * `api.gpt.ge  3 tasks · 1 running`, with what is wrong with the gateway while polling it fails.
 * The address came in with a task, so everything shown is inert text in plain strings.
 */
export function createGatewayTreeItem(baseUrl: string, tasks: readonly Task[], problem: string | undefined): vscode.TreeItem {
  const name = inertText(gatewayName(baseUrl), INERT_LABEL_MAX_LENGTH);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Expanded);
  // Stable across refreshes and independent of the tasks below, so VS Code keeps its expansion.
  item.id = `gateway:${baseUrl}`;
  const running = tasks.filter((task) => !isFinished(task.status)).length;
  const counts = [tasks.length === 1 ? vscode.l10n.t('1 task') : vscode.l10n.t('{0} tasks', tasks.length)];
  if (running > 0) counts.push(vscode.l10n.t('{0} running', running));
  if (problem !== undefined) counts.push(problem);
  item.description = inertText(counts.join(' · '), INERT_LABEL_MAX_LENGTH);
  item.iconPath = problem !== undefined ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('server');
  item.tooltip = [vscode.l10n.t('Gateway: {0}', inertText(baseUrl)), ...counts.map((line) => inertText(line))].join('\n');
  item.contextValue = 'gateway';
  item.accessibilityInformation = { label: spokenGatewayGroupLabel(name, { tasks: tasks.length, running }, problem, vscode.l10n.t) };
  return item;
}
