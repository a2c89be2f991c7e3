import * as vscode from 'vscode';
import { errorText } from '../core/errorText';
import { DisposableStore } from '../core/disposables';
import type { ExtensionServices } from '../extensionServices';

/**
 * How long after an untitled song closes, or before, its file may open for the two to be taken
 * for one document saved under a name. Saving makes both happen in one step of the workbench.
 */
const SAVE_WINDOW_MS = 5_000;

/** An untitled song submitted from this window: its words as last seen, and its tasks. */
interface FollowedSong {
  text: string;
  readonly taskIds: Set<string>;
}

/** An untitled song that closed with tasks from it, waiting a moment for its file to open. */
interface ClosedSong {
  readonly uri: string;
  /** Its words as `comparable` gives them. */
  readonly text: string;
  readonly taskIds: readonly string[];
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Keeps the link from a task to the untitled song it was generated from when that song is saved
 * under a file name. Saving makes another document: the workbench opens the file (empty at first,
 * then filled), empties the untitled one and closes it; the API links the two nowhere. So the
 * words of each followed song are kept as it is edited, and a file that opened within a few
 * seconds of the song closing, with the same words and nothing unsaved, is taken for it; with two
 * such files, no guess is made. "The same words" allows for what saving itself may change (see
 * `comparable`).
 *
 * Only the tasks submitted from this window are relinked: `untitled:Untitled-1` names a different
 * document in each window, and the tasks are shared by all of them.
 */
export class SavedSongFollower implements vscode.Disposable {
  /** The untitled songs followed, by URI. */
  private readonly followed = new Map<string, FollowedSong>();
  private readonly openedAt = new Map<string, number>();
  private readonly closed = new Map<string, ClosedSong>();
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly services: Pick<ExtensionServices, 'store' | 'log'>,
    private readonly now: () => number = Date.now,
  ) {
    this.disposables.add(vscode.workspace.onDidOpenTextDocument((document) => this.opened(document)));
    this.disposables.add(vscode.workspace.onDidChangeTextDocument(({ document }) => this.changed(document)));
    this.disposables.add(vscode.workspace.onDidCloseTextDocument((document) => this.closedDocument(document)));
  }

  /** Follows an untitled document task `taskId` was just generated from; other documents need nothing. */
  follow(uri: vscode.Uri, taskId: string): void {
    if (uri.scheme !== 'untitled') return;
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === key);
    if (document === undefined) return;
    const song = this.followed.get(key) ?? { text: '', taskIds: new Set<string>() };
    song.text = document.getText();
    song.taskIds.add(taskId);
    this.followed.set(key, song);
  }

  dispose(): void {
    for (const song of this.closed.values()) clearTimeout(song.timer);
    this.closed.clear();
    this.disposables.dispose();
  }

  private opened(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'untitled') return;
    this.openedAt.set(document.uri.toString(), this.now());
    this.forgetOldOpenings();
    this.match(document);
  }

  private changed(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const song = this.followed.get(uri);
    if (song !== undefined) {
      // Saving under a name empties the untitled song just before it closes: keep its last words.
      const text = document.getText();
      if (text !== '') song.text = text;
    } else if (this.openedAt.has(uri)) this.match(document);
  }

  /** A file that has just opened, or was just filled, may be a closed song saved. */
  private match(document: vscode.TextDocument): void {
    if (this.closed.size === 0 || document.isDirty) return;
    const text = comparable(document.getText());
    for (const song of this.closed.values()) {
      if (text === song.text) this.settle(song);
    }
  }

  private closedDocument(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    this.openedAt.delete(uri);
    const followed = this.followed.get(uri);
    if (followed === undefined) return;
    this.followed.delete(uri);
    const song: ClosedSong = { uri, text: comparable(followed.text), taskIds: [...followed.taskIds], timer: setTimeout(() => this.settle(song), SAVE_WINDOW_MS) };
    this.closed.set(uri, song);
    // Usually the file opened first, in the same step.
    if (this.candidates(song).length > 0) this.settle(song);
  }

  /** Relinks the song to its one candidate file, if there is exactly one, and stops waiting. */
  private settle(song: ClosedSong): void {
    clearTimeout(song.timer);
    if (this.closed.get(song.uri) !== song) return;
    this.closed.delete(song.uri);
    const candidates = this.candidates(song);
    if (candidates.length !== 1) {
      if (candidates.length > 1) this.services.log.info(`An untitled song closed as ${candidates.length} files with its words opened: its tasks keep their link.`);
      return;
    }
    const target = candidates[0]!.uri.toString();
    void this.services.store
      .relinkOrigins(song.taskIds, song.uri, target)
      .then(undefined, (error: unknown) => this.services.log.warn(`Could not record that a song was saved: ${errorText(error)}`));
  }

  private candidates(song: ClosedSong): vscode.TextDocument[] {
    const since = this.now() - SAVE_WINDOW_MS;
    return vscode.workspace.textDocuments.filter(
      (document) =>
        document.uri.scheme !== 'untitled' &&
        !document.isClosed &&
        !document.isDirty &&
        (this.openedAt.get(document.uri.toString()) ?? -Infinity) >= since &&
        comparable(document.getText()) === song.text,
    );
  }

  private forgetOldOpenings(): void {
    const since = this.now() - SAVE_WINDOW_MS;
    for (const [uri, at] of this.openedAt) if (at < since) this.openedAt.delete(uri);
  }
}

/**
 * The words of a song as saving leaves them alone: the settings `files.trimTrailingWhitespace`,
 * `files.insertFinalNewline` and `files.eol` change the file as it is saved, so line ends,
 * trailing blanks and final newlines do not count.
 */
function comparable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
