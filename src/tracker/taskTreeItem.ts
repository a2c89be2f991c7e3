import * as vscode from 'vscode';
import type { Clip, Task, TaskStatus } from '../core/task/model';
import { formatProgress, formatRelativeTime, formatStatus } from '../core/task/format';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { shortTaskId } from '../core/task/taskLabel';
import { displayLanguage } from '../l10n/displayLanguage';
import { originActionName, originDocumentName, type TaskOrigin } from '../core/task/taskOrigin';
import { spokenTaskLabel } from './spokenLabels';

/**
 * The tree item of one tracked task. Everything shown comes from the gateway and is untrusted:
 * the label, description and tooltip are plain strings (no Markdown) of inert text, so that a
 * title can show neither a link nor an icon, nor hide or reorder characters.
 */

interface TaskTreeItemOptions {
  /** Epoch milliseconds, for "3 min ago". */
  readonly now: number;
  /** The command run on click (the task panel), when it exists. */
  readonly openCommand?: string;
  /** Where the task was generated from, when it was generated here. */
  readonly origin?: TaskOrigin;
}

/** The task's title, or its short id: inert, for every place that names a task to the user. */
export function taskLabel(task: Task): string {
  const title = task.title === null ? '' : inertText(task.title, INERT_LABEL_MAX_LENGTH).trim();
  return title ? title : inertText(shortTaskId(task.id));
}

export function createTaskTreeItem(task: Task, options: TaskTreeItemOptions): vscode.TreeItem {
  const item = new vscode.TreeItem(
    taskLabel(task),
    task.clips.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `task:${task.id}`;
  item.iconPath = statusIcon(task.status);
  item.description = taskDescription(task, options.now);
  item.tooltip = taskTooltip(task, options.now, options.origin);
  item.contextValue = taskContextValue(task, options.origin);
  item.accessibilityInformation = { label: spokenTaskLabel(task, taskLabel(task), options.now, displayLanguage()) };
  if (options.openCommand) {
    item.command = {
      command: options.openCommand,
      title: vscode.l10n.t('Open Task'),
      arguments: [{ kind: 'task', taskId: task.id }],
    };
  }
  return item;
}

/** `Running · 30% · 2 min ago`: status, progress while it means something, the latest time. */
function taskDescription(task: Task, now: number): string {
  const parts = [formatStatus(task.status, task.rawStatus, vscode.l10n.t)];
  if (task.status === 'running' || task.status === 'pending') {
    const progress = formatProgress(task.progress);
    if (progress) parts.push(progress);
  }
  const time = latestTime(task);
  if (time) parts.push(formatRelativeTime(time, now, vscode.env.language));
  return inertText(parts.join(' · '), INERT_LABEL_MAX_LENGTH);
}

/**
 * Space-separated tokens matched by the menus' `when` clauses with regexes, e.g.
 * `viewItem =~ /\btask\b/ && viewItem =~ /\bhasAudio\b/`.
 */
function taskContextValue(task: Task, origin: TaskOrigin | undefined): string {
  const tokens = ['task', task.status];
  tokens.push(task.status === 'succeeded' || task.status === 'failed' ? 'finished' : 'unfinished');
  if (task.clips.length > 0) tokens.push('hasClips');
  if (task.clips.some((clip) => clip.audioUrl !== null)) tokens.push('hasAudio');
  if (task.clips.some((clip) => clip.videoUrl !== null)) tokens.push('hasVideo');
  if (hasLyrics(task)) tokens.push('hasLyrics');
  if (origin?.documentUri) tokens.push('hasSourceDocument');
  return tokens.join(' ');
}

function hasLyrics(task: Task): boolean {
  return nonEmpty(task.lyrics) || task.clips.some((clip: Clip) => nonEmpty(clip.lyrics));
}

export function statusIcon(status: TaskStatus): vscode.ThemeIcon {
  switch (status) {
    case 'pending':
    case 'running':
      return new vscode.ThemeIcon('loading~spin');
    case 'succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'unknown':
      return new vscode.ThemeIcon('question');
  }
}

/** Plain text, one field a line: VS Code shows a string tooltip as it is, never as Markdown. */
function taskTooltip(task: Task, now: number, origin: TaskOrigin | undefined): string {
  const lines = [taskLabel(task), ''];
  const field = (name: string, value: string): void => {
    lines.push(`${name}: ${inertText(value)}`);
  };
  const timeField = (name: string, iso: string | null): void => {
    const time = iso ? Date.parse(iso) : Number.NaN;
    if (iso && !Number.isNaN(time)) field(name, `${localDateTime(time)} (${formatRelativeTime(iso, now, vscode.env.language)})`);
  };
  field(vscode.l10n.t('Task'), task.id);
  field(vscode.l10n.t('Gateway'), task.baseUrl);
  field(vscode.l10n.t('Status'), withRawStatus(formatStatus(task.status, task.rawStatus, vscode.l10n.t), task.rawStatus));
  const progress = formatProgress(task.progress);
  if (progress !== '' && !(task.status === 'succeeded' || task.status === 'failed')) field(vscode.l10n.t('Progress'), progress);
  if (task.action !== 'other') field(vscode.l10n.t('Kind'), task.action === 'lyrics' ? vscode.l10n.t('Lyrics') : vscode.l10n.t('Music'));
  if (task.clips.length > 0) field(vscode.l10n.t('Clips'), String(task.clips.length));
  if (origin !== undefined) {
    const document = originDocumentName(origin);
    field(vscode.l10n.t('Created with'), document === null ? originActionName(origin, vscode.l10n.t) : vscode.l10n.t('{0} from {1}', originActionName(origin, vscode.l10n.t), document));
  }
  timeField(vscode.l10n.t('Submitted'), task.submittedAt);
  timeField(vscode.l10n.t('Started'), task.startedAt);
  timeField(vscode.l10n.t('Finished'), task.finishedAt);
  timeField(vscode.l10n.t('Checked'), task.fetchedAt);
  const failure = task.failReason ?? task.clips.find((clip) => clip.errorMessage)?.errorMessage ?? null;
  if (task.status === 'failed' || failure) field(vscode.l10n.t('Failure'), failure ?? vscode.l10n.t('The gateway gave no reason.'));
  return lines.join('\n');
}

/** The date and time in VS Code's display language; the runtime's own locale if `Intl` refuses that tag. */
function localDateTime(time: number): string {
  try {
    return new Date(time).toLocaleString(vscode.env.language);
  } catch {
    return new Date(time).toLocaleString();
  }
}

/** `running (IN_PROGRESS)`: the gateway's own word next to ours, unless formatStatus added it. */
export function withRawStatus(status: string, rawStatus: string | null): string {
  const raw = rawStatus?.trim();
  if (!raw || status.includes(`(${raw})`) || raw.toLowerCase() === status) return status;
  return `${status} (${raw})`;
}

/** The most recent of the task's own times: finished, else started, else submitted. */
function latestTime(task: Task): string | null {
  return task.finishedAt ?? task.startedAt ?? task.submittedAt ?? null;
}

function nonEmpty(text: string | null): boolean {
  return text !== null && text.trim() !== '';
}
