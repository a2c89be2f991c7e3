/**
 * A folder of small files that every VS Code window of the machine sees: the extension's global
 * storage folder. The task store keeps one file per task there and the polling leases one file
 * per gateway, so a write costs what changed and a window learns about the others' changes by
 * looking at the folder. The extension backs it with `vscode.workspace.fs` (desktop, code-server
 * and the web alike); unit tests and the CLI use `MemorySharedFiles`.
 *
 * Paths are `folder/name`, built by the core from names it made safe (see `fileNames.ts`), never
 * from text it was given.
 */

import { sha256Hex } from './sha256';

export interface SharedFileEntry {
  readonly name: string;
  /** Modification time in ms; with `size`, tells a changed file from an unchanged one. */
  readonly modified: number;
  readonly size: number;
}

export interface SharedFiles {
  /** The files directly in `folder`; empty when the folder does not exist. */
  list(folder: string): Promise<SharedFileEntry[]>;
  /** The file's text, or undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
  /** Replaces the whole file, creating its folder; readers see the old or the new text, never half. */
  write(path: string, text: string): Promise<void>;
  /** Deletes the file; a missing file is no error. */
  delete(path: string): Promise<void>;
  /**
   * SHA-256 of the text's UTF-8 bytes in lowercase hex, which names the files (`fileNames.ts`).
   * Each platform brings its own: `node:crypto` in the extension host, the core's portable
   * `sha256.ts` in memory, so the extension's bundle does not carry a second implementation.
   */
  readonly sha256Hex: (text: string) => string;
}

/**
 * `SharedFiles` in memory. Two stores given the same instance behave like two windows sharing a
 * folder. Every write gets a new modification stamp, so a rewrite with the same size is still
 * seen as a change.
 */
export class MemorySharedFiles implements SharedFiles {
  readonly sha256Hex = sha256Hex;
  private readonly files = new Map<string, { text: string; modified: number }>();
  private stamp = 0;

  list(folder: string): Promise<SharedFileEntry[]> {
    const prefix = `${folder}/`;
    const entries: SharedFileEntry[] = [];
    for (const [path, file] of this.files) {
      const name = path.slice(prefix.length);
      if (path.startsWith(prefix) && !name.includes('/')) {
        entries.push({ name, modified: file.modified, size: file.text.length });
      }
    }
    return Promise.resolve(entries);
  }

  read(path: string): Promise<string | undefined> {
    return Promise.resolve(this.files.get(path)?.text);
  }

  write(path: string, text: string): Promise<void> {
    this.files.set(path, { text, modified: ++this.stamp });
    return Promise.resolve();
  }

  delete(path: string): Promise<void> {
    this.files.delete(path);
    return Promise.resolve();
  }

  /** A file's text at once, for tests; undefined when there is none. */
  textOf(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  /** Every path, for tests that look at what was written. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}
