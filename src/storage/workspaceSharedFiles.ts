import * as vscode from 'vscode';
import type { SharedFileEntry, SharedFiles } from '../core/store/sharedFiles';

/**
 * The core's `SharedFiles` through `vscode.workspace.fs`, for a global storage folder that is not
 * on a local disk (VS Code for the web); on disk, `NodeSharedFiles` does better. The host brings
 * its SHA-256 (`node:crypto` in Node, the core's portable one in a browser).
 *
 * A write goes to a temporary name first and is then renamed over the file, so a reader never
 * sees half a file; `workspace.fs` renames by deleting the target first, though, so a reader may
 * briefly find no file. Temporary names do not look like the core's file names, which is how
 * readers skip them.
 */
export class WorkspaceSharedFiles implements SharedFiles {
  constructor(
    private readonly root: vscode.Uri,
    readonly sha256Hex: (text: string) => string,
  ) {}

  async list(folder: string): Promise<SharedFileEntry[]> {
    let children: [string, vscode.FileType][];
    try {
      children = await vscode.workspace.fs.readDirectory(this.uri(folder));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const files = children.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    const entries = await Promise.all(
      files.map(async (name): Promise<SharedFileEntry | undefined> => {
        try {
          const stat = await vscode.workspace.fs.stat(this.uri(`${folder}/${name}`));
          return { name, modified: stat.mtime, size: stat.size };
        } catch (error) {
          // Deleted between the listing and the stat: as if it had not been listed.
          if (isNotFound(error)) return undefined;
          throw error;
        }
      }),
    );
    return entries.filter((entry): entry is SharedFileEntry => entry !== undefined);
  }

  async read(path: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(path)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async write(path: string, text: string): Promise<void> {
    const target = this.uri(path);
    const temporary = this.uri(`${path}.${Math.random().toString(36).slice(2)}.tmp`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    try {
      await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  }

  async delete(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(path));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private uri(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...path.split('/'));
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}
