import * as vscode from 'vscode';
import { songSettings } from '../configuration/songSettings';
import { defaultContinueAt, parseContinueAt } from '../core/song/continueAt';
import { extendProblem } from '../core/song/extendableClip';
import { extendSongBody } from '../core/song/songRequest';
import { formatDuration } from '../core/task/format';
import type { Task } from '../core/task/model';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from '../generate/submitService';
import { songOf } from '../songs/songDocuments';
import { clipLabel } from '../tracker/clipTreeItem';
import { createTexts } from './createTexts';
import { resolveExtendTarget, type ExtendTarget } from './extendTarget';
import { pickSongDocument } from './songDocumentPick';

/** The origin action of a continuation. */
const EXTEND_ACTION = 'extend';

/**
 * Extend…: continues a finished clip from a moment the user chooses (the clip's end unless they
 * say otherwise), with the lyrics of an open song document or none, on the gateway the task is
 * tracked from — the only one that accepts a continuation of it. The body is built by the song
 * core and sent by the submit service. Resolves to the new task, or undefined when nothing was
 * submitted.
 */
export async function extendClip(services: ExtensionServices, submits: SubmitService, argument: unknown): Promise<Task | undefined> {
  const target = await resolveExtendTarget(argument, services.store);
  if (target === undefined) return undefined;
  const { task, clip } = target;
  const problem = extendProblem(task, clip);
  if (problem !== null) {
    void vscode.window.showInformationMessage(createTexts(vscode.l10n.t).extendRefusal(problem));
    return undefined;
  }
  const name = clipLabel(clip, task.clips.indexOf(clip));
  const continueAt = await askContinueAt(target, name);
  if (continueAt === undefined) return undefined;
  const document = await pickSongDocument();
  if (document === undefined) return undefined;

  // The store may have moved on while the user answered: the clip is checked again as it is now.
  const current = services.store.get(task.id);
  const built = extendSongBody(
    { task: current ?? task, clipId: clip.id, continueAt, ...(document !== null && { document: songOf(document) }) },
    songSettings(services.settings),
    vscode.l10n.t,
  );
  if (!built.ok) {
    if (built.problems.length > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showErrorMessage(createTexts(vscode.l10n.t).cannotExtend(built.reason));
    return undefined;
  }
  return submits.submitAndTrack({
    request: { action: 'music', body: built.body },
    baseUrl: task.baseUrl,
    action: EXTEND_ACTION,
    ...(document !== null && { sourceDocument: document.uri }),
    what: createTexts(vscode.l10n.t).extendWhat(name, formatDuration(continueAt)),
  });
}

/** Seconds into the clip, asked with its end as the answer to accept; undefined when cancelled or refused. */
async function askContinueAt({ clip }: ExtendTarget, name: string): Promise<number | undefined> {
  const length = clip.durationSeconds === null ? '' : formatDuration(clip.durationSeconds);
  const answer = await vscode.window.showInputBox({
    title: createTexts(vscode.l10n.t).extendTitle(name),
    prompt: createTexts(vscode.l10n.t).continueAtQuestion(length),
    value: defaultContinueAt(clip.durationSeconds),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseContinueAt(text, clip.durationSeconds, vscode.l10n.t);
      return parsed.ok ? undefined : parsed.reason;
    },
  });
  if (answer === undefined) return undefined;
  // Checked again: whoever answered the box is not bound by its validation.
  const parsed = parseContinueAt(answer, clip.durationSeconds, vscode.l10n.t);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(createTexts(vscode.l10n.t).cannotExtend(parsed.reason));
    return undefined;
  }
  return parsed.seconds;
}
