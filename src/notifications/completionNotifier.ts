import * as vscode from 'vscode';
import type { NotifyOnCompletion } from '../configuration/settings';
import { DisposableStore } from '../core/disposables';
import { inertText } from '../core/inertText';
import type { Task } from '../core/task/model';
import type { Poller } from '../core/polling/poller';
import { taskLabel } from '../tracker/taskTreeItem';

/** Finishes this close together (several gateways, one round each) make one notification. */
const COALESCE_MS = 1000;

interface CompletionNotifierOptions {
  readonly poller: Poller;
  readonly mode: () => NotifyOnCompletion;
  /** "Don't Show Again". */
  readonly disable: () => Promise<void>;
  /** Whether the task's panel is on screen: then the user sees the result there already. */
  readonly isPanelVisible: (taskId: string) => boolean;
  readonly isWindowFocused?: () => boolean;
  readonly open: (task: Task) => unknown;
  readonly play: (task: Task) => unknown;
  readonly showTasks: () => unknown;
}

/**
 * One notification when tracked tasks finish (per `suno.notifyOnCompletion`), never one per
 * task: tasks that finish within a second of each other share a notification.
 */
export interface CompletionNotice {
  /** The tasks the notification is about. */
  readonly taskIds: readonly string[];
  readonly message: string;
  readonly actions: readonly string[];
}

export class CompletionNotifier implements vscode.Disposable {
  private pending: Task[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables = new DisposableStore();
  private readonly noticeEmitter = this.disposables.add(new vscode.EventEmitter<CompletionNotice>());

  /** Fires as each notification is shown (the integration tests watch it). */
  readonly onDidNotify: vscode.Event<CompletionNotice> = this.noticeEmitter.event;

  constructor(private readonly options: CompletionNotifierOptions) {
    this.disposables.add(
      options.poller.onDidUpdate((update) => {
        if (update.finished.length > 0) this.enqueue(update.finished);
      }),
    );
    this.disposables.addCallback(() => {
      if (this.timer !== undefined) clearTimeout(this.timer);
    });
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private enqueue(tasks: readonly Task[]): void {
    this.pending.push(...tasks);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const finished = this.pending;
      this.pending = [];
      void this.notify(finished);
    }, COALESCE_MS);
  }

  private async notify(finished: readonly Task[]): Promise<void> {
    const mode = this.options.mode();
    if (mode === 'never') return;
    const focused = this.options.isWindowFocused?.() ?? vscode.window.state.focused;
    if (mode === 'whenUnfocused' && focused) return;
    const unique = [...new Map(finished.map((task) => [task.id, task])).values()];
    const tasks = unique.filter((task) => !this.options.isPanelVisible(task.id));
    if (tasks.length === 0) return;

    const dontShowAgain = vscode.l10n.t("Don't Show Again");
    if (tasks.length === 1) {
      const [task] = tasks;
      const open = vscode.l10n.t('Open');
      const play = vscode.l10n.t('Play');
      // Titles and fail reasons come from the gateway: inert, so no link or icon in them renders.
      const name = `“${taskLabel(task)}”`;
      if (task.status === 'failed') {
        const message = task.failReason
          ? vscode.l10n.t('Suno task {0} failed: {1}', name, inertText(task.failReason))
          : vscode.l10n.t('Suno task {0} failed.', name);
        this.noticeEmitter.fire({ taskIds: [task.id], message, actions: [open, dontShowAgain] });
        const answer = await vscode.window.showWarningMessage(message, open, dontShowAgain);
        if (answer === open) await this.options.open(task);
        if (answer === dontShowAgain) await this.options.disable();
        return;
      }
      const actions = task.clips.some((clip) => clip.audioUrl !== null) ? [open, play, dontShowAgain] : [open, dontShowAgain];
      const message = task.action === 'lyrics' ? vscode.l10n.t('Lyrics {0} are ready.', name) : vscode.l10n.t('Song {0} is ready.', name);
      this.noticeEmitter.fire({ taskIds: [task.id], message, actions });
      const answer = await vscode.window.showInformationMessage(message, ...actions);
      if (answer === open) await this.options.open(task);
      if (answer === play) await this.options.play(task);
      if (answer === dontShowAgain) await this.options.disable();
      return;
    }

    const failed = tasks.filter((task) => task.status === 'failed').length;
    const succeeded = tasks.length - failed;
    const summary = failed === 0
      ? vscode.l10n.t('all succeeded')
      : succeeded === 0
        ? vscode.l10n.t('all failed')
        : vscode.l10n.t('{0} succeeded, {1} failed', succeeded, failed);
    const names = tasks.slice(0, 3).map((task) => `“${taskLabel(task)}”`).join(', ');
    const show = vscode.l10n.t('Show Tasks');
    const message = tasks.length > 3
      ? vscode.l10n.t('{0} Suno tasks finished ({1}): {2} and {3} more.', tasks.length, summary, names, tasks.length - 3)
      : vscode.l10n.t('{0} Suno tasks finished ({1}): {2}.', tasks.length, summary, names);
    this.noticeEmitter.fire({ taskIds: tasks.map((task) => task.id), message, actions: [show, dontShowAgain] });
    const answer = failed > 0
      ? await vscode.window.showWarningMessage(message, show, dontShowAgain)
      : await vscode.window.showInformationMessage(message, show, dontShowAgain);
    if (answer === show) await this.options.showTasks();
    if (answer === dontShowAgain) await this.options.disable();
  }
}
