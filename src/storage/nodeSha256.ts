import { createHash } from 'node:crypto';

/** SHA-256 of the text's UTF-8 bytes in lowercase hex (a lone surrogate counts as U+FFFD). */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
