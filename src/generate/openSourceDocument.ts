import * as vscode from 'vscode';
import { errorText } from '../core/errorText';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { originDocumentName } from '../core/task/taskOrigin';
import type { ExtensionServices } from '../extensionServices';

/**
 * Shows the song document a task was generated from. Only the origin the store recorded for
 * that task is ever opened: the panel and the tree name a task, never a URI, so a page or a
 * link cannot make this open something else. An untitled document lives only while it is open:
 * when it was closed, the user is told so.
 */
export async function openSourceDocument(services: ExtensionServices, taskId: string): Promise<vscode.TextDocument | undefined> {
  const origin = services.store.origin(taskId);
  if (origin?.documentUri == null) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This task was not generated from a song document in VS Code.'));
    return undefined;
  }
  const name = inertText(originDocumentName(origin) ?? '', INERT_LABEL_MAX_LENGTH);
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(origin.documentUri, true);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('The song document this task came from cannot be found.'));
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (uri.scheme === 'untitled' && open === undefined) {
    // Saving an untitled document makes another document: the link cannot follow it.
    void vscode.window.showWarningMessage(vscode.l10n.t('The untitled song document this task came from ({0}) is no longer open: it was closed, or saved under a file name.', name));
    return undefined;
  }
  try {
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  } catch (error) {
    services.log.warn(`Could not open the song document of task ${taskId}: ${errorText(error)}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The song document this task came from ({0}) could not be opened: it may have been moved or deleted.', name));
    return undefined;
  }
}
