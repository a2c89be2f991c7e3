import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { Clock } from '../core/clock';
import { errorText } from '../core/errorText';
import { downloadMedia } from '../core/gateway/mediaDownload';
import { inertText } from '../core/inertText';
import {
  availableDownloadKinds,
  chooseExtension,
  planDownloads,
  type DownloadItem,
  type DownloadKind,
  type SkippedDownload,
} from '../core/task/downloadPlan';
import type { ExtensionServices } from '../extensionServices';
import type { DownloadResult } from './download';
import { openExternalUrl } from './openInBrowser';
import { kindName, kindNoun, skippedNote } from './downloadKindWords';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/**
 * `suno.download` in a browser (VS Code for the web), where there is no folder on disk to write
 * into: each file goes where the user saves it (a save dialog, written through
 * `vscode.workspace.fs`). Media come from the same hosts, within the same idle timeout and size
 * cap as on the desktop (core/gateway/mediaDownload.ts), and each is held in memory until it is
 * written. A file the browser may not read (its host allows no cross-origin requests) or whose
 * URL redirects (a browser hides where to, so the redirect cannot be checked and is not followed)
 * is offered in the browser instead, where it can be saved.
 *
 * Options from callers are ignored: every file is saved where the user says, never where a caller
 * names.
 */
export function downloadHandler(services: ExtensionServices, clock?: Clock): CommandHandler<typeof Commands.download> {
  return async (argument?: unknown): Promise<DownloadResult | undefined> => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Select a Suno task to download'));
    if (resolved === undefined) return undefined;
    const { task } = resolved;
    const clipId = resolved.clip?.id;
    const name = inertText(resolved.clip?.title ?? task.title ?? task.id);
    const kinds = await pickKinds(availableDownloadKinds(task, clipId), name);
    if (kinds === undefined) return undefined;
    const plan = planDownloads(task, clipId, kinds, vscode.l10n.t);

    const saved: SavedFile[] = [];
    const failed: { kind: DownloadKind; clipId: string | null; reason: string }[] = [];
    let cancelled = false;
    for (const item of plan.items) {
      const target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save {0} of "{1}"', kindNoun(item.kind), name),
        defaultUri: defaultTarget(item),
        saveLabel: vscode.l10n.t('Save'),
      });
      if (target === undefined) {
        cancelled = true;
        break;
      }
      try {
        await vscode.workspace.fs.writeFile(target, await bytesOf(item, task.baseUrl, clock));
        saved.push({ file: target.toString(), kind: item.kind });
        services.log.info(`Downloaded ${item.kind} of ${item.clipId ?? 'the task'} to ${target.toString()}`);
      } catch (error) {
        const reason = errorText(error);
        services.log.error(`Download of ${item.kind} (${item.url ?? 'text'}) failed: ${reason}`);
        failed.push({ kind: item.kind, clipId: item.clipId, reason });
        if (item.url !== null) offerInBrowser(item.url, item.kind, reason);
      }
    }
    report(saved, plan.skipped, name, cancelled);
    return { folder: '', files: saved.map((entry) => entry.file), skipped: plan.skipped, failed, cancelled };
  };
}

/** With its kind: the last message names what was saved, which is not always what was picked first. */
interface SavedFile {
  readonly file: string;
  readonly kind: DownloadKind;
}

/**
 * The last message of a download: what was saved and, as the desktop's says it, what was skipped
 * and why. Failures are not repeated: each had its own warning, with the offer to open it in the
 * browser.
 */
function report(saved: readonly SavedFile[], skipped: readonly SkippedDownload[], name: string, cancelled: boolean): void {
  const suffix = skipped.length > 0 ? ` — ${skippedNote(skipped)}` : '';
  if (saved.length > 0) {
    const what = saved.length === 1 ? kindNoun(saved[0].kind) : vscode.l10n.t('{0} files', saved.length);
    void vscode.window.showInformationMessage(inertText(vscode.l10n.t('Saved {0} of "{1}"{2}.', what, name, suffix)));
  } else if (suffix !== '' && !cancelled) {
    void vscode.window.showInformationMessage(inertText(vscode.l10n.t('Nothing was downloaded{0}.', suffix)));
  }
}

async function pickKinds(available: readonly DownloadKind[], name: string): Promise<DownloadKind[] | undefined> {
  if (available.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to download for "{0}" yet.', name));
    return undefined;
  }
  if (available.length === 1) return [...available];
  const picked = await vscode.window.showQuickPick(
    // Not `kind`: QuickPickItem already has a `kind` (separator or not).
    available.map((kind) => ({ label: kindName(kind), picked: kind === 'audio', downloadKind: kind })),
    { canPickMany: true, title: vscode.l10n.t('Download "{0}"', name), placeHolder: vscode.l10n.t('What to download') },
  );
  return picked === undefined || picked.length === 0 ? undefined : picked.map((item) => item.downloadKind);
}

/** Next to the open folder when there is one; the plan made the name safe for any file system. */
function defaultTarget(item: DownloadItem): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${item.stem}${chooseExtension(item.kind, item.url, null)}`;
  return folder === undefined ? undefined : vscode.Uri.joinPath(folder, fileName);
}

async function bytesOf(item: DownloadItem, gatewayBaseUrl: string, clock: Clock | undefined): Promise<Uint8Array> {
  if (item.text !== null) return new TextEncoder().encode(item.text.endsWith('\n') ? item.text : `${item.text}\n`);
  if (item.url === null) throw new Error('nothing to download');
  const chunks: Uint8Array[] = [];
  await downloadMedia(item.url, { gatewayBaseUrl, signal: new AbortController().signal, clock }, async (body) => {
    for await (const chunk of body.chunks) chunks.push(chunk);
  });
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Not awaited: the command returns while the notification waits for the user. */
function offerInBrowser(url: string, kind: DownloadKind, reason: string): void {
  const open = vscode.l10n.t('Open in Browser');
  void vscode.window
    .showWarningMessage(inertText(vscode.l10n.t('Could not download {0} here ({1}). Open it in the browser to save it from there?', kindNoun(kind), reason)), open)
    .then((choice) => (choice === open ? openExternalUrl(url) : undefined));
}
