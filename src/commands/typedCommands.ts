import * as vscode from 'vscode';
import { Commands, type CommandId, type ContextKey } from '../contributionIds';
import type { GatewayCheckReport } from '../core/gateway/gatewayCheck';
import type { Task } from '../core/task/model';
import type { DownloadResult } from './download';

/**
 * What each command resolves to. Callers (our own UI, the tests, other extensions) rely on these
 * results, so they are part of the command's contract: `registerCommand` checks the handler
 * against this table and `executeCommand` hands the same type to the caller. `void` means the
 * result is nothing to rely on.
 */
interface CommandResults {
  /** The tasks now tracked; empty when nothing was fetched. */
  [Commands.fetchTask]: Task[];
  /** Whether a key was stored. */
  [Commands.setApiKey]: boolean;
  /** Whether a key was removed. */
  [Commands.clearApiKey]: boolean;
  /** How many finished tasks were removed. */
  [Commands.clearFinished]: number;
  /** The new untitled document, when one was opened. */
  [Commands.copyLyricsToEditor]: vscode.TextDocument | undefined;
  /** The new untitled song document. */
  [Commands.newSong]: vscode.TextDocument;
  /** The new untitled song document made from the task, when one was opened. */
  [Commands.editAsNewSong]: vscode.TextDocument | undefined;
  /** The lyrics task now tracked; undefined when nothing was submitted. */
  [Commands.generateLyrics]: Task | undefined;
  /** The continuation's task now tracked; undefined when nothing was submitted. */
  [Commands.extendClip]: Task | undefined;
  /** What was written, skipped and failed; undefined when nothing was attempted. */
  [Commands.download]: DownloadResult | undefined;
  /** The report shown; undefined when the check could not run. */
  [Commands.checkGateway]: GatewayCheckReport | undefined;
  /** The normalised base URL now configured; undefined when nothing was chosen. */
  [Commands.switchGateway]: string | undefined;
  /** The new task, tracked; undefined when nothing was submitted or the submit failed. */
  [Commands.generateSong]: Task | undefined;
  /** The new task, tracked; undefined when nothing was submitted or the submit failed. */
  [Commands.generateFromDescription]: Task | undefined;
  /** Whether the song's model line was changed. */
  [Commands.changeSongModel]: boolean;
  /** The document shown; undefined when it could not be (closed, deleted, no origin). */
  [Commands.openSourceDocument]: vscode.TextDocument | undefined;
  [Commands.refresh]: void;
  [Commands.copyTaskId]: void;
  [Commands.copyAudioUrl]: void;
  [Commands.openInBrowser]: void;
  [Commands.removeTask]: void;
  [Commands.showLogs]: void;
  [Commands.openTask]: void;
  [Commands.openLyrics]: void;
  [Commands.openWalkthrough]: void;
}

/** The handler of one of our commands: its result must be what `CommandResults` says. */
export type CommandHandler<Id extends CommandId> = (...args: unknown[]) => CommandResults[Id] | Thenable<CommandResults[Id]>;

/** Registers the handler of one of our commands. */
export function registerCommand<Id extends CommandId>(id: Id, handler: CommandHandler<Id>): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler);
}

/** Runs one of our commands and resolves to its result as `CommandResults` describes it. */
export function executeCommand<Id extends CommandId>(id: Id, ...args: unknown[]): Thenable<CommandResults[Id]> {
  return vscode.commands.executeCommand<CommandResults[Id]>(id, ...args);
}

/** Sets one of the context keys the manifest's `when` clauses read. */
export function setContext(key: ContextKey, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
