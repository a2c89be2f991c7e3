import * as vscode from 'vscode';
import { resolveTaskArgument } from '../commands/taskArgument';
import { inertText } from '../core/inertText';
import { isExtendable } from '../core/song/extendableClip';
import { formatDuration } from '../core/task/format';
import type { Clip, Task } from '../core/task/model';
import { clipLabel } from '../tracker/clipTreeItem';
import { isTaskTreeElement } from '../tracker/treeElements';
import { createTexts } from './createTexts';

interface TaskLookup {
  get(id: string): Task | undefined;
  all(): Task[];
}

export interface ExtendTarget {
  readonly task: Task;
  readonly clip: Clip;
}

/**
 * The clip Extend acts on: the clip element it was run on (the tree, the panel), or a clip picked
 * from a task (a task element, a task id, or a task picked from the Command Palette). A clip
 * element must name a clip of its task: one from another task, or a task no longer tracked, is
 * refused rather than replaced by another clip. Undefined when there is none; the user was told.
 */
export async function resolveExtendTarget(argument: unknown, store: TaskLookup): Promise<ExtendTarget | undefined> {
  if (isTaskTreeElement(argument) && argument.kind === 'clip') {
    const task = store.get(argument.taskId);
    const clip = task?.clips.find((candidate) => candidate.id === argument.clipId);
    if (task === undefined || clip === undefined) {
      void vscode.window.showWarningMessage(createTexts(vscode.l10n.t).noSuchClip);
      return undefined;
    }
    return { task, clip };
  }
  if (argument !== undefined && typeof argument !== 'string' && !isTaskTreeElement(argument)) {
    // Not echoed: the argument may come from a link or another extension.
    void vscode.window.showWarningMessage(createTexts(vscode.l10n.t).notAClip);
    return undefined;
  }
  const resolved = await resolveTaskArgument(argument, store, createTexts(vscode.l10n.t).extendTaskPlaceHolder);
  if (resolved === undefined) return undefined;
  return pickClip(resolved.task);
}

interface ClipQuickPickItem extends vscode.QuickPickItem {
  readonly clipId: string;
}

/** The task's one extendable clip, or the one the user picks; none says why. */
async function pickClip(task: Task): Promise<ExtendTarget | undefined> {
  const clips = task.clips.filter((clip) => isExtendable(task, clip));
  if (clips.length === 0) {
    void vscode.window.showInformationMessage(createTexts(vscode.l10n.t).noClipToExtend);
    return undefined;
  }
  if (clips.length === 1) return { task, clip: clips[0] };
  const items: ClipQuickPickItem[] = clips.map((clip) => ({
    clipId: clip.id,
    label: clipLabel(clip, task.clips.indexOf(clip)),
    description: formatDuration(clip.durationSeconds),
    detail: inertText(clip.id),
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: createTexts(vscode.l10n.t).extendClipPlaceHolder, matchOnDetail: true });
  const clip = clips.find((candidate) => candidate.id === picked?.clipId);
  return clip === undefined ? undefined : { task, clip };
}
