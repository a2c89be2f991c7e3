import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { SharedFileEntry, SharedFiles } from '../core/store/sharedFiles';
import { nodeSha256Hex } from './nodeSha256';

/**
 * The core's `SharedFiles` in a folder on this machine's disk, for an extension host that runs in
 * Node (desktop, remote, code-server). A write goes to a temporary file that is then renamed over
 * the real one: the operating system replaces it in one step, so a window reading at that moment
 * sees the old text or the new one, never half of it and never no file. (`vscode.workspace.fs`
 * cannot promise that: its rename deletes the target first.) Temporary names do not look like the
 * core's file names, which is how readers skip them.
 */
export class NodeSharedFiles implements SharedFiles {
  readonly sha256Hex = nodeSha256Hex;

  constructor(private readonly root: string) {}

  async list(folder: string): Promise<SharedFileEntry[]> {
    let names: string[];
    try {
      names = (await readdir(this.resolve(folder), { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const entries = await Promise.all(
      names.map(async (name): Promise<SharedFileEntry | undefined> => {
        try {
          const info = await stat(this.resolve(`${folder}/${name}`));
          return { name, modified: info.mtimeMs, size: info.size };
        } catch (error) {
          // Deleted between the listing and the stat: as if it had not been listed.
          if (isNotFound(error)) return undefined;
          throw error;
        }
      }),
    );
    return entries.filter((entry): entry is SharedFileEntry => entry !== undefined);
  }

  async read(file: string): Promise<string | undefined> {
    try {
      return await readFile(this.resolve(file), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async write(file: string, text: string): Promise<void> {
    const target = this.resolve(file);
    const temporary = `${target}.${randomUUID()}.tmp`;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temporary, text, 'utf8');
    try {
      await renameRetrying(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async delete(file: string): Promise<void> {
    try {
      await unlink(this.resolve(file));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private resolve(file: string): string {
    return path.join(this.root, ...file.split('/'));
  }
}

/** Windows refuses to replace a file another process is reading at that moment; it is brief. */
const BUSY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_ATTEMPTS = 5;

async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (attempt >= RENAME_ATTEMPTS || code === undefined || !BUSY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
