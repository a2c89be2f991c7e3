import * as vscode from 'vscode';
import { songSettings } from '../configuration/songSettings';
import { errorText } from '../core/errorText';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { customSongBody } from '../core/song/songRequest';
import type { Task } from '../core/task/model';
import { showGatewayError } from '../commands/gatewayErrorMessage';
import { setContext } from '../commands/typedCommands';
import { ContextKeys } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { songOf } from '../songs/songDocuments';
import { songEditorDocument } from './songEditorDocument';
import type { SubmitService } from './submitService';

/**
 * Suno: Generate Song. The song document (given, or the active editor's) is checked by the one
 * validator the diagnostics use: with an error, the Problems view shows why and nothing is sent.
 * Otherwise its body goes through the submit service, which asks what needs asking, tracks the
 * new task and remembers the document it came from. The document itself is never changed.
 */
export async function generateSong(services: ExtensionServices, submits: SubmitService, argument: unknown): Promise<Task | undefined> {
  const document = songEditorDocument(argument);
  if (document === undefined) return undefined;
  const built = customSongBody(songOf(document), songSettings(services.settings), vscode.l10n.t);
  if (!built.ok) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showErrorMessage(vscode.l10n.t('The song cannot be generated yet: {0} Nothing was sent.', inertText(built.reason)));
    return undefined;
  }
  let baseUrl: string;
  try {
    baseUrl = services.settings.baseUrl();
  } catch (error) {
    services.log.warn(`Generate Song: ${errorText(error)}`);
    void showGatewayError(error, { prefix: vscode.l10n.t('Cannot generate the song:'), showLogs: false });
    return undefined;
  }
  const title = inertText(built.body.title, INERT_LABEL_MAX_LENGTH).trim();
  const task = await submits.submitAndTrack({
    request: { action: 'music', body: built.body },
    baseUrl,
    action: 'generateSong',
    sourceDocument: document.uri,
    what: title === '' ? vscode.l10n.t('the song') : vscode.l10n.t('the song “{0}”', title),
  });
  // Checks off the walkthrough's "Write a song and generate it", however it was generated: the
  // CodeLens runs the command inside the extension host, unseen by the workbench's onCommand.
  if (task !== undefined) void setContext(ContextKeys.hasGeneratedSong, true);
  return task;
}
