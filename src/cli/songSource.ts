/**
 * Reading the song document a submit sends: a file, or standard input for `-`. The size is
 * bounded before and while reading, so a huge file, a device or an endless pipe is refused
 * instead of filling memory; the text must be UTF-8, so a binary file is refused rather than
 * sent as garbled lyrics.
 */

import { open } from 'node:fs/promises';
import { InvalidInputError } from './usageError';
import { terminalLine } from './terminalText';

/** Far above any song (a model takes at most a few thousand characters of lyrics). */
export const MAX_SONG_BYTES = 1_000_000;

/** What stands for standard input among the arguments. */
const STDIN_ARGUMENT = '-';

/** A document as read, and the name its problems are reported under. */
export interface SongSource {
  readonly name: string;
  readonly text: string;
}

type ByteChunks = AsyncIterable<Uint8Array | string>;

const STDIN_NAME = '<stdin>';
const READ_CHUNK_BYTES = 64 * 1024;

/** Reads `argument` (a path, or `-` for `stdin`); throws InvalidInputError with the reason. */
export async function readSongSource(argument: string, stdin: ByteChunks | undefined): Promise<SongSource> {
  if (argument === STDIN_ARGUMENT) return { name: STDIN_NAME, text: decode(await readBounded(stdin ?? emptyChunks(), STDIN_NAME), STDIN_NAME) };
  const name = shownName(argument);
  return { name, text: decode(await readFileBounded(argument, name), name) };
}

async function readFileBounded(path: string, name: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InvalidInputError(`cannot read ${name}: ${fileProblem(error)}.`);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InvalidInputError(`${name} is a folder, not a song file.`);
    if (stats.isFile() && stats.size > MAX_SONG_BYTES) throw tooLarge(name);
    // Not only regular files: a pipe (`<(…)`) has no size to check, so the reading is bounded too.
    return await readBounded(handleChunks(handle), name);
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(`cannot read ${name}: ${fileProblem(error)}.`);
  } finally {
    await handle.close();
  }
}

async function* handleChunks(handle: Awaited<ReturnType<typeof open>>): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = new Uint8Array(READ_CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

// eslint-disable-next-line require-yield -- an input with nothing in it
async function* emptyChunks(): AsyncGenerator<Uint8Array> {
  return;
}

/** The chunks joined, refused as soon as they pass MAX_SONG_BYTES. */
async function readBounded(chunks: ByteChunks, name: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > MAX_SONG_BYTES) throw tooLarge(name);
    parts.push(bytes);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** The path as a message shows it: one inert line, and not all of a path made to flood the terminal. */
function shownName(path: string): string {
  const characters = Array.from(terminalLine(path));
  return characters.length > MAX_SHOWN_NAME ? `${characters.slice(0, MAX_SHOWN_NAME - 1).join('')}…` : characters.join('');
}

const MAX_SHOWN_NAME = 200;

function decode(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidInputError(`${name} is not UTF-8 text.`);
  }
}

function tooLarge(name: string): InvalidInputError {
  return new InvalidInputError(`${name} is larger than ${MAX_SONG_BYTES} bytes: that is no song document.`);
}

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
};

function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(FILE_PROBLEMS, code)) return FILE_PROBLEMS[code];
  return terminalLine(error instanceof Error ? error.message : String(error));
}
