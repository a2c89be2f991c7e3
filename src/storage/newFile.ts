/**
 * Writing a download into a folder so that no half-written file ever carries its final name and no
 * existing file is ever overwritten: the bytes go to a hidden temporary file in the same folder,
 * which is then given the first free final name with an exclusive operation (a hard link, or an
 * exclusive copy where the file system has no hard links). A failed or cancelled write removes
 * the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { MAX_FILE_NAME_BYTES, candidateFileName, utf8Length } from '../core/task/safeFileName';

const MAX_NAME_ATTEMPTS = 1000;
/** Where the file system has no hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EINVAL', 'EMLINK']);

/** The hidden name a download is written under until it is complete. */
function temporaryFileName(): string {
  return `.suno-download-${randomBytes(6).toString('hex')}.part`;
}

export function isTemporaryFileName(name: string): boolean {
  return /^\.suno-download-[0-9a-f]{12}\.part$/.test(name);
}

/**
 * Writes a new file `stem` + `extension` (or `stem (2)` + `extension`…) in `folder` and returns
 * its path. `write` fills the temporary file; when it throws, nothing is left behind.
 */
export async function writeNewFile(
  folder: string,
  stem: string,
  extension: string,
  write: (handle: fs.FileHandle) => Promise<void>,
): Promise<string> {
  const temporary = path.join(folder, temporaryFileName());
  const handle = await fs.open(temporary, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL);
  try {
    try {
      await write(handle);
    } finally {
      await handle.close();
    }
    return await claimFreeName(temporary, folder, stem, extension);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** Gives the complete temporary file its final name; the caller removes the temporary name. */
async function claimFreeName(temporary: string, folder: string, stem: string, extension: string): Promise<string> {
  let hardLinks = true;
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt += 1) {
    const name = candidateFileName(stem, extension, attempt);
    const file = path.join(folder, name);
    // The plan sanitised the name; this keeps a future bug from writing outside the folder.
    if (path.dirname(file) !== path.resolve(folder)) throw new Error(`refusing the file name ${name}`);
    if (utf8Length(name) > MAX_FILE_NAME_BYTES) throw new Error(`the file name ${name} is longer than ${MAX_FILE_NAME_BYTES} bytes`);
    try {
      if (hardLinks) await fs.link(temporary, file);
      else await fs.copyFile(temporary, file, fsConstants.COPYFILE_EXCL);
      return file;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') continue;
      if (hardLinks && NO_HARD_LINKS.has(code)) {
        hardLinks = false;
        attempt -= 1;
        continue;
      }
      throw error;
    }
  }
  throw new Error(`no free file name for ${stem}${extension} after ${MAX_NAME_ATTEMPTS} tries`);
}
