import * as vscode from 'vscode';
import { DisposableStore } from '../core/disposables';
import type { TaskStore } from '../core/store/taskStore';
import { resolveLyrics } from './lyricsSource';
import { parseLyricsUri } from './lyricsUri';

/**
 * Serves `suno-lyrics:` documents from the task store. Read-only by nature (a content provider's
 * documents cannot be saved); when the store changes a task, every open lyrics document of that
 * task is refreshed.
 */
export class LyricsContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changeEmitter = this.disposables.add(new vscode.EventEmitter<vscode.Uri>());

  readonly onDidChange: vscode.Event<vscode.Uri> = this.changeEmitter.event;

  constructor(private readonly store: TaskStore) {
    this.disposables.add(
      store.onDidChange(({ changed, removed }) => {
        const affected = new Set([...changed, ...removed]);
        if (affected.size === 0) return;
        for (const document of vscode.workspace.textDocuments) {
          const reference = parseLyricsUri(document.uri);
          if (reference !== undefined && affected.has(reference.taskId)) this.changeEmitter.fire(document.uri);
        }
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const reference = parseLyricsUri(uri);
    if (reference === undefined) return '';
    const task = this.store.get(reference.taskId);
    if (task === undefined) return `${vscode.l10n.t('The Suno task {0} is no longer tracked.', reference.taskId)}\n`;
    if (reference.clipId !== undefined && !task.clips.some((clip) => clip.id === reference.clipId)) {
      return `${vscode.l10n.t('The clip {0} is no longer part of this task.', reference.clipId)}\n`;
    }
    const { text } = resolveLyrics(task, reference.clipId);
    return text ?? '';
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
