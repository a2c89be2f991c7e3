import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { Commands } from '../contributionIds';
import type { Clock } from '../core/clock';
import {
  DOWNLOAD_KINDS,
  availableDownloadKinds,
  chooseExtension,
  planDownloads,
  type DownloadItem,
  type DownloadKind,
  type SkippedDownload,
} from '../core/task/downloadPlan';
import { inertText } from '../core/inertText';
import { downloadMedia } from '../core/gateway/mediaDownload';
import type { Task } from '../core/task/model';
import { writeNewFile } from '../storage/newFile';
import { safeParseInEnglish } from '../core/schemaIssues';
import type { ExtensionServices } from '../extensionServices';
import { resolveTaskArgument } from './taskArgument';
import { kindName, kindNoun, skippedNote } from './downloadKindWords';
import type { CommandHandler } from './typedCommands';

/**
 * `suno.download`: audio, video, cover art and lyrics of a clip (or of every clip of a task) into
 * a folder: `suno.downloadFolder`, else one the user picks. Never overwrites: each file is written
 * under a temporary name and then gets the first free name (`City Lights (2).mp3`). Media come
 * only from hosts the task's gateway may point at, within an idle timeout and a size cap
 * (core/gateway/mediaDownload.ts).
 *
 * For tests and automation the command takes `(element | taskId, { kinds?, folder? })`, which
 * skips the pickers after the user confirms (the Suno views never pass options), and returns what
 * it did.
 */
export interface DownloadResult {
  readonly folder: string;
  /** Absolute paths of the files written, in plan order. */
  readonly files: readonly string[];
  readonly skipped: readonly SkippedDownload[];
  readonly failed: readonly { readonly kind: DownloadKind; readonly clipId: string | null; readonly reason: string }[];
  readonly cancelled: boolean;
}

const optionsSchema = z.optional(
  z.object({
    kinds: z.optional(z.array(z.enum(DOWNLOAD_KINDS as [DownloadKind, ...DownloadKind[]])).check(z.minLength(1))),
    folder: z.optional(z.string().check(z.minLength(1))),
  }),
);

type DownloadOptions = z.infer<typeof optionsSchema>;

const LAST_KINDS_KEY = 'suno.download.lastKinds';

/** Functions, not constants: `vscode.l10n.t` is asked when the words are shown. */
function kindLabel(kind: DownloadKind): { label: string; description: string } {
  switch (kind) {
    case 'audio':
      return { label: `$(unmute) ${kindName(kind)}`, description: vscode.l10n.t('the song file') };
    case 'video':
      return { label: `$(device-camera-video) ${kindName(kind)}`, description: vscode.l10n.t('MP4 with the cover art') };
    case 'cover':
      return { label: `$(file-media) ${kindName(kind)}`, description: vscode.l10n.t('the large image') };
    case 'lyrics':
      return { label: `$(note) ${kindName(kind)}`, description: vscode.l10n.t('a .txt file') };
  }
}

export function downloadHandler(services: ExtensionServices, clock?: Clock): CommandHandler<typeof Commands.download> {
  return async (argument?: unknown, rawOptions?: unknown): Promise<DownloadResult | undefined> => {
    // A context-menu command on several selected tree rows gets the selection as its second
    // argument: that is the views, not options. (The download is of the focused row.)
    const parsedOptions = safeParseInEnglish(optionsSchema, Array.isArray(rawOptions) ? undefined : rawOptions);
    if (!parsedOptions.success) {
      services.log.error(`suno.download: ignored invalid options ${JSON.stringify(rawOptions)}: ${parsedOptions.error.message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Suno: Download was called with invalid options.'));
      return undefined;
    }
    return download(services, argument, parsedOptions.data, clock);
  };
}

async function download(
  services: ExtensionServices,
  argument: unknown,
  options: DownloadOptions,
  clock: Clock | undefined,
): Promise<DownloadResult | undefined> {
  const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Select a Suno task to download'));
  if (resolved === undefined) return undefined;
  const { task } = resolved;
  const clipId = resolved.clip?.id;
  const name = inertText(resolved.clip?.title ?? task.title ?? task.id);

  const kinds = options?.kinds ?? (await pickKinds(services, task, clipId, name));
  if (kinds === undefined) return undefined;

  const plan = planDownloads(task, clipId, kinds, vscode.l10n.t);
  if (plan.items.length === 0) {
    const reasons = inertText(plan.skipped.map((skip) => `${kindName(skip.kind)}: ${skip.reason}`).join('; '));
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to download for "{0}" yet ({1}).', name, reasons));
    return { folder: '', files: [], skipped: plan.skipped, failed: [], cancelled: false };
  }

  const folder = options?.folder !== undefined ? path.resolve(expandHome(options.folder)) : await chooseFolder(services);
  if (folder === undefined) return undefined;
  if (options !== undefined && !(await confirmScriptedDownload(name, kinds, folder))) return undefined;
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    void vscode.window.showErrorMessage(inertText(vscode.l10n.t('Suno: cannot use the download folder {0}: {1}', folder, describe(error))));
    return undefined;
  }

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading "{0}"', name), cancellable: true },
    (progress, token) => runPlan(services, { items: plan.items, folder, gatewayBaseUrl: task.baseUrl, clock }, progress, token),
  );
  const outcome: DownloadResult = { folder, skipped: plan.skipped, ...result };
  report(services, outcome);
  return outcome;
}

/**
 * Options skip both pickers, and the Suno views never pass any: a download with options comes
 * from another extension, a keybinding or a link. Such a caller must not be able to write files
 * into any folder it names (a shell profile's, a startup folder) without the user agreeing.
 */
async function confirmScriptedDownload(name: string, kinds: readonly DownloadKind[], folder: string): Promise<boolean> {
  const what = new Intl.ListFormat(vscode.env.language, { type: 'conjunction' }).format(kinds.map(kindNoun));
  const confirm = vscode.l10n.t('Download');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Save {0} of "{1}" into {2}?', what, name, inertText(folder)),
    {
      modal: true,
      detail: vscode.l10n.t('This download was requested by another extension or a link, not from the Suno views. New files never replace existing ones.'),
    },
    confirm,
  );
  return answer === confirm;
}

async function pickKinds(
  services: ExtensionServices,
  task: Task,
  clipId: string | undefined,
  name: string,
): Promise<DownloadKind[] | undefined> {
  const available = availableDownloadKinds(task, clipId);
  if (available.length === 0) {
    const { skipped } = planDownloads(task, clipId, DOWNLOAD_KINDS, vscode.l10n.t);
    const audio = skipped.find((skip) => skip.kind === 'audio');
    void vscode.window.showInformationMessage(audio ? vscode.l10n.t('Nothing to download for "{0}" yet ({1}).', name, audio.reason) : vscode.l10n.t('Nothing to download for "{0}" yet.', name));
    return undefined;
  }
  const remembered = services.context.globalState.get<unknown>(LAST_KINDS_KEY);
  const previous = Array.isArray(remembered) ? remembered.filter((kind): kind is DownloadKind => available.includes(kind)) : [];
  const preselected = previous.length > 0 ? previous : available.includes('audio') ? ['audio'] : [available[0]];
  // Not `kind`: QuickPickItem already has a `kind` (separator or not).
  const items: (vscode.QuickPickItem & { downloadKind: DownloadKind })[] = available.map((kind) => ({
    ...kindLabel(kind),
    downloadKind: kind,
    picked: preselected.includes(kind),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Download "{0}"', name),
    placeHolder: vscode.l10n.t('What to download'),
  });
  if (picked === undefined || picked.length === 0) return undefined;
  const kinds = picked.map((item) => item.downloadKind);
  await services.context.globalState.update(LAST_KINDS_KEY, kinds);
  return kinds;
}

function expandHome(folder: string): string {
  return folder === '~' || folder.startsWith('~/') || folder.startsWith('~\\') ? path.join(os.homedir(), folder.slice(1)) : folder;
}

/** `suno.downloadFolder` when set (relative to the first workspace folder), else ask. */
async function chooseFolder(services: ExtensionServices): Promise<string | undefined> {
  const setting = services.settings.downloadFolder();
  if (setting !== '') {
    const expanded = expandHome(setting);
    if (path.isAbsolute(expanded)) return path.normalize(expanded);
    const workspace = vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file');
    if (workspace !== undefined) return path.resolve(workspace.uri.fsPath, expanded);
    services.log.warn(`suno.downloadFolder "${setting}" is relative and no folder is open: asking instead.`);
  }
  const defaultUri = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Download Here'),
    title: vscode.l10n.t('Download Suno files to…'),
    ...(defaultUri ? { defaultUri } : {}),
  });
  const uri = picked?.[0];
  if (uri === undefined) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Suno: downloads need a folder on disk, not {0}.', uri.toString()));
    return undefined;
  }
  return uri.fsPath;
}

interface RunPlanInput {
  readonly items: readonly DownloadItem[];
  readonly folder: string;
  /** The task's gateway: which hosts its media may come from. */
  readonly gatewayBaseUrl: string;
  readonly clock: Clock | undefined;
}

async function runPlan(
  services: ExtensionServices,
  input: RunPlanInput,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<Pick<DownloadResult, 'files' | 'failed' | 'cancelled'>> {
  const { items } = input;
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  const files: string[] = [];
  const failed: { kind: DownloadKind; clipId: string | null; reason: string }[] = [];
  const step = 100 / items.length;
  try {
    for (const [index, item] of items.entries()) {
      if (controller.signal.aborted) break;
      // The stem is a file name made from the title: safe for a disk, not for markup.
      progress.report({ message: inertText(vscode.l10n.t('{0} ({1} of {2})', item.stem, index + 1, items.length)) });
      try {
        const file = await writeItem(item, input, controller.signal);
        files.push(file);
        services.log.info(`Downloaded ${item.kind} of ${item.clipId ?? 'the task'} to ${file}`);
      } catch (error) {
        if (controller.signal.aborted) break;
        services.log.error(`Download of ${item.kind} (${item.url ?? 'text'}) failed: ${describe(error)}`);
        failed.push({ kind: item.kind, clipId: item.clipId, reason: describe(error) });
      }
      progress.report({ increment: step });
    }
  } finally {
    subscription.dispose();
  }
  return { files, failed, cancelled: controller.signal.aborted };
}

async function writeItem(item: DownloadItem, input: RunPlanInput, signal: AbortSignal): Promise<string> {
  if (item.text !== null) {
    const text = item.text.endsWith('\n') ? item.text : `${item.text}\n`;
    return writeNewFile(input.folder, item.stem, chooseExtension(item.kind, null, null), async (handle) => {
      await handle.writeFile(text, 'utf8');
    });
  }
  const url = item.url;
  if (url === null) throw new Error('nothing to download');
  let file: string | undefined;
  await downloadMedia(url, { gatewayBaseUrl: input.gatewayBaseUrl, signal, clock: input.clock }, async (body) => {
    const extension = chooseExtension(item.kind, body.url, body.contentType);
    file = await writeNewFile(input.folder, item.stem, extension, async (handle) => {
      for await (const chunk of body.chunks) await handle.write(chunk);
    });
  });
  if (file === undefined) throw new Error(`nothing was written for ${url}`);
  return file;
}

function report(services: ExtensionServices, result: DownloadResult): void {
  const count = result.files.length;
  const where = result.folder;
  const notes: string[] = [];
  if (result.skipped.length > 0) notes.push(skippedNote(result.skipped));
  if (result.failed.length > 0) notes.push(vscode.l10n.t('failed: {0}', result.failed.map((fail) => `${kindName(fail.kind)} (${fail.reason})`).join(', ')));
  const suffix = notes.length > 0 ? ` — ${notes.join('; ')}` : '';

  if (count === 0) {
    const message = result.cancelled ? vscode.l10n.t('Download cancelled.') : inertText(vscode.l10n.t('Nothing was downloaded{0}.', suffix));
    if (result.cancelled) void vscode.window.showInformationMessage(message);
    else void showWithLogs(services, message);
    return;
  }
  const files = count === 1 ? `"${path.basename(result.files[0])}"` : vscode.l10n.t('{0} files', count);
  // File names come from titles, the folder may come from a caller, reasons from the gateway.
  const message = inertText(
    result.cancelled
      ? vscode.l10n.t('Download cancelled after saving {0} to {1}{2}.', files, where, suffix)
      : vscode.l10n.t('Saved {0} to {1}{2}.', files, where, suffix),
  );
  const reveal = revealAction();
  // Not awaited: the command returns while the notification waits for the user.
  void vscode.window.showInformationMessage(message, reveal.label).then((choice) => {
    if (choice === reveal.label) void reveal.run(result.files[0], where);
  });
}

async function showWithLogs(services: ExtensionServices, message: string): Promise<void> {
  const showLogs = vscode.l10n.t('Show Logs');
  const choice = await vscode.window.showWarningMessage(message, showLogs);
  if (choice === showLogs) services.log.show();
}

function revealAction(): { label: string; run: (file: string, folder: string) => Thenable<unknown> } {
  // The OS file manager is only reachable when the extension runs on the user's machine.
  if (vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop) {
    const label =
      process.platform === 'darwin'
        ? vscode.l10n.t('Reveal in Finder')
        : process.platform === 'win32'
          ? vscode.l10n.t('Reveal in File Explorer')
          : vscode.l10n.t('Open Containing Folder');
    return { label, run: (file) => vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(file)) };
  }
  return {
    label: vscode.l10n.t('Open Folder'),
    run: (_file, folder) => vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(folder), { forceNewWindow: true }),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
