import * as vscode from 'vscode';
import type { Clip, Task } from '../core/task/model';
import { moreClipsNotShown } from '../core/task/displayLimits';
import { isExtendable } from '../core/song/extendableClip';
import { formatDuration, formatStatus } from '../core/task/format';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { displayLanguage } from '../l10n/displayLanguage';
import { spokenClipLabel } from './spokenLabels';
import { statusIcon, withRawStatus } from './taskTreeItem';

/** The tree item of one clip under its task. Gateway text is shown as inert plain text only. */

interface ClipTreeItemOptions {
  readonly openCommand?: string;
}

export function clipLabel(clip: Clip, index: number): string {
  const title = clip.title === null ? '' : inertText(clip.title, INERT_LABEL_MAX_LENGTH).trim();
  return title ? title : vscode.l10n.t('Clip {0}', index + 1);
}

export function createClipTreeItem(task: Task, clip: Clip, options: ClipTreeItemOptions = {}): vscode.TreeItem {
  const index = Math.max(0, task.clips.findIndex((candidate) => candidate.id === clip.id));
  const item = new vscode.TreeItem(clipLabel(clip, index), vscode.TreeItemCollapsibleState.None);
  item.id = `clip:${task.id}:${clip.id}`;
  item.iconPath = clip.isStreaming ? new vscode.ThemeIcon('broadcast') : statusIcon(clip.status);
  item.description = clipDescription(clip);
  item.tooltip = clipTooltip(clip);
  item.contextValue = clipContextValue(task, clip);
  item.accessibilityInformation = { label: spokenClipLabel(clip, clipLabel(clip, index), { index, count: task.clips.length }, displayLanguage()) };
  if (options.openCommand) {
    item.command = {
      command: options.openCommand,
      title: vscode.l10n.t('Open Task'),
      arguments: [{ kind: 'clip', taskId: task.id, clipId: clip.id }],
    };
  }
  return item;
}

/** The row after the shown clips of a task that has more (core/task/displayLimits.ts). */
export function createMoreClipsTreeItem(task: Task, notShown: number): vscode.TreeItem {
  const item = new vscode.TreeItem(moreClipsNotShown(notShown, displayLanguage()), vscode.TreeItemCollapsibleState.None);
  item.id = `more-clips:${task.id}`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.tooltip = vscode.l10n.t('The panel and the tree show the first clips of a task only.');
  item.contextValue = 'moreClips';
  return item;
}

/** `3:12 · chirp-v4 · Succeeded` (streaming clips say so instead of a duration). */
function clipDescription(clip: Clip): string {
  const parts: string[] = [];
  if (clip.durationSeconds !== null) parts.push(formatDuration(clip.durationSeconds));
  else if (clip.isStreaming) parts.push(vscode.l10n.t('streaming'));
  if (clip.model) parts.push(clip.model);
  parts.push(formatStatus(clip.status, clip.rawStatus, vscode.l10n.t));
  return inertText(parts.join(' · '), INERT_LABEL_MAX_LENGTH);
}

function clipContextValue(task: Task, clip: Clip): string {
  const tokens = ['clip', clip.status];
  if (isExtendable(task, clip)) tokens.push('extendable');
  if (clip.audioUrl !== null) tokens.push('hasAudio');
  if (clip.videoUrl !== null) tokens.push('hasVideo');
  if (clip.lyrics !== null && clip.lyrics.trim() !== '') tokens.push('hasLyrics');
  if (clip.isStreaming) tokens.push('streaming');
  return tokens.join(' ');
}

/** Plain text, one field a line: VS Code shows a string tooltip as it is, never as Markdown. */
function clipTooltip(clip: Clip): string {
  const lines: string[] = [];
  const add = (name: string, value: string | null): void => {
    if (value !== null && value.trim() !== '') lines.push(`${name}: ${inertText(value)}`);
  };
  add(vscode.l10n.t('Clip'), clip.id);
  add(vscode.l10n.t('Status'), withRawStatus(formatStatus(clip.status, clip.rawStatus, vscode.l10n.t), clip.rawStatus));
  add(vscode.l10n.t('Duration'), clip.durationSeconds === null ? null : formatDuration(clip.durationSeconds));
  add(vscode.l10n.t('Model'), clip.model);
  add(vscode.l10n.t('Tags'), clip.tags);
  add(vscode.l10n.t('Error'), clip.errorMessage);
  return lines.join('\n');
}
