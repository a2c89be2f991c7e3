import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { extendClip } from '../create/extendClip';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from '../generate/submitService';
import { registerCommand } from './typedCommands';

/** `suno.extendClip` on a clip (tree, panel) or a task's clip: a continuation, tracked as a new task. */
export function registerExtendClipCommand(services: ExtensionServices, submits: SubmitService): vscode.Disposable {
  return registerCommand(Commands.extendClip, (argument?: unknown) => extendClip(services, submits, argument));
}
