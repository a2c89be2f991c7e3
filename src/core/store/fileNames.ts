/**
 * File names for things named by text from outside: a task id, a gateway URL. The name is the
 * SHA-256 of the text in lowercase hex, so whatever the text holds (`..`, slashes, a drive
 * letter, 10,000 characters) the file stays inside its folder, fits every file system's name
 * limit, and two texts that differ only by case never share a file on a case-insensitive disk.
 * The file itself says which id it holds; readers check that the name matches it.
 */

const NAME_PATTERN = /^[0-9a-f]{64}\.json$/;

/** `sha256Hex` is the platform's (`SharedFiles.sha256Hex`): every one gives the same names. */
export function hashedFileName(text: string, sha256Hex: (text: string) => string): string {
  return `${sha256Hex(text)}.json`;
}

/** Whether `name` could have come from `hashedFileName`: anything else in the folder is ignored. */
export function isHashedFileName(name: string): boolean {
  return NAME_PATTERN.test(name);
}
