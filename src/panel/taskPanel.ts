import * as vscode from 'vscode';
import { openExternalUrl } from '../commands/openInBrowser';
import { executeCommand } from '../commands/typedCommands';
import { Commands } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { errorText } from '../core/errorText';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import type { Task, TaskStatus } from '../core/task/model';
import { untitledTaskName } from '../core/task/taskLabel';
import { displayLanguage } from '../l10n/displayLanguage';
import { panelTranslations } from './panelTranslations';
import { originDocumentName } from '../core/task/taskOrigin';
import type { ExtensionServices } from '../extensionServices';
import { parseHostMessage, type HostMessage } from '../shared/hostMessages';
import { parsePageMessage, type PageMessage } from '../shared/panelMessages';
import type { TaskTreeElement } from '../tracker/treeElements';
import { createNonce, panelHtml } from './panelHtml';

/** The page needs scripts and nothing outside media/ (its script, stylesheet). */
export function taskPanelWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The tab's title. Tabs show it as plain text (no links or icons), but bidi overrides would still
 * reorder it and a line break or a megabyte of title would still show: it is made inert like a label.
 */
export function taskPanelTitle(task: Task | undefined, taskId: string): string {
  const title = task?.title == null ? '' : inertText(task.title, INERT_LABEL_MAX_LENGTH).trim();
  return title || untitledTaskName(taskId, vscode.l10n.t);
}

const STATUS_ICONS: Record<TaskStatus, string> = {
  pending: 'clock',
  running: 'sync',
  succeeded: 'music',
  failed: 'error',
  unknown: 'question',
};

/**
 * One task's panel on the host side. The page loads once and is then fed `update` messages: after
 * its `ready` handshake (sent on every load, including when a hidden panel is shown again and
 * VS Code reloads its page), whenever the store changes the task, and when the panel becomes
 * visible (a hidden webview receives nothing).
 */
export class TaskPanel implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly disposeEmitter = this.disposables.add(new vscode.EventEmitter<void>());
  private disposed = false;

  readonly onDidDispose: vscode.Event<void> = this.disposeEmitter.event;

  constructor(
    readonly taskId: string,
    readonly panel: vscode.WebviewPanel,
    private readonly services: ExtensionServices,
  ) {
    this.disposables.add(panel);
    const { webview } = panel;
    const task = services.store.get(taskId);
    const extensionUri = services.context.extensionUri;
    webview.options = taskPanelWebviewOptions(extensionUri);
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', 'panel.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
      nonce: createNonce(),
      gatewayOrigin: task?.baseUrl,
      language: displayLanguage(),
      translations: panelTranslations(),
    });
    this.applyTitle(task);
    this.disposables.add(webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
    this.disposables.add(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible) this.sendState();
      }),
    );
    this.disposables.add(panel.onDidDispose(() => this.dispose()));
  }

  get visible(): boolean {
    return !this.disposed && this.panel.visible;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
    this.sendState();
  }

  /** The store changed this task: update the tab and, if anyone can see the page, the page. */
  refresh(): void {
    if (this.disposed) return;
    this.applyTitle(this.services.store.get(this.taskId));
    if (this.panel.visible) this.sendState();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Listeners (the registry) hear of it while the panel still exists.
    this.disposeEmitter.fire();
    // The subscriptions go before the panel they listen to, and the panel before the emitter.
    this.disposables.dispose();
  }

  private applyTitle(task: Task | undefined): void {
    const title = taskPanelTitle(task, this.taskId);
    if (this.panel.title !== title) this.panel.title = title;
    const icon = STATUS_ICONS[task?.status ?? 'unknown'];
    if (!(this.panel.iconPath instanceof vscode.ThemeIcon) || this.panel.iconPath.id !== icon) {
      this.panel.iconPath = new vscode.ThemeIcon(icon);
    }
  }

  private sendState(): void {
    if (this.disposed) return;
    const task = this.services.store.get(this.taskId);
    if (task === undefined) return;
    const origin = this.services.store.origin(this.taskId);
    const sourceName = origin === undefined ? null : originDocumentName(origin);
    this.post({ type: 'update', task, ...(sourceName !== null && { sourceDocument: inertText(sourceName, INERT_LABEL_MAX_LENGTH) }) });
  }

  /**
   * Every message is checked with the one task schema before it goes: the page trusts its host and
   * checks only the envelope (shared/hostMessageEnvelope.ts), so a task the schema refuses (a
   * parser bug, a stored file from another build) never reaches it.
   */
  private post(message: HostMessage): void {
    const checked = parseHostMessage(message);
    if (!checked.ok) {
      this.services.log.warn(`Task panel ${this.taskId}: did not send the task to the page (${checked.reason}).`);
      return;
    }
    this.panel.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.services.log.debug(`Task panel ${this.taskId}: a message did not reach the page (${String(error)}).`);
    });
  }

  private receive(raw: unknown): void {
    const parsed = parsePageMessage(raw);
    if (!parsed.ok) {
      this.services.log.warn(`Task panel ${this.taskId}: ignored a message from the page (${parsed.reason}).`);
      return;
    }
    this.handle(parsed.message).catch((error: unknown) => {
      this.services.log.error(`Task panel ${this.taskId}: ${parsed.message.type} failed: ${errorText(error)}`);
    });
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.sendState();
        return;
      case 'openLyrics':
        await executeCommand(Commands.openLyrics, this.element(message.clipId));
        return;
      case 'download':
        await executeCommand(Commands.download, this.element(message.clipId));
        return;
      case 'editAsNewSong':
        await executeCommand(Commands.editAsNewSong, this.element(undefined));
        return;
      case 'extendClip':
        await executeCommand(Commands.extendClip, this.element(message.clipId));
        return;
      case 'openSourceDocument':
        await executeCommand(Commands.openSourceDocument, this.element(undefined));
        return;
      case 'copyLink': {
        const clip = this.services.store.get(this.taskId)?.clips.find((candidate) => candidate.id === message.clipId);
        if (clip?.audioUrl == null) {
          void vscode.window.showWarningMessage(vscode.l10n.t('This clip has no audio link yet.'));
          return;
        }
        await vscode.env.clipboard.writeText(clip.audioUrl);
        vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied the audio link.')}`, 3000);
        return;
      }
      case 'openVideo': {
        const clip = this.services.store.get(this.taskId)?.clips.find((candidate) => candidate.id === message.clipId);
        if (clip?.videoUrl == null) {
          void vscode.window.showWarningMessage(vscode.l10n.t('This clip has no video link.'));
          return;
        }
        // The stored URL passed the parser's http(s) check; openExternalUrl checks it again.
        if (!(await openExternalUrl(clip.videoUrl))) {
          // False also when the person declined VS Code's "open external website" prompt.
          this.services.log.debug(`Task panel ${this.taskId}: the video of clip ${message.clipId} was not opened (${clip.videoUrl}).`);
        }
        return;
      }
      case 'mediaError': {
        const clip = this.services.store.get(this.taskId)?.clips.find((candidate) => candidate.id === message.clipId);
        const url = message.media === 'audio' ? clip?.audioUrl : message.media === 'video' ? clip?.videoUrl : (clip?.imageLargeUrl ?? clip?.imageUrl);
        this.services.log.warn(`Task panel ${this.taskId}: the ${message.media} of clip ${message.clipId} did not load${url ? ` (${url})` : ''}.`);
        return;
      }
    }
  }

  private element(clipId: string | undefined): TaskTreeElement {
    return clipId === undefined ? { kind: 'task', taskId: this.taskId } : { kind: 'clip', taskId: this.taskId, clipId };
  }
}
