// Text generators for property tests of what users and gateways write.
import * as fc from 'fast-check';

/**
 * Characters that matter to the front matter's syntax, or hide or break lines, among ordinary
 * ones: lone surrogate halves, controls, separators, quotes, escapes and fences.
 */
export const awkwardCharacter = fc.oneof(
  fc.constantFrom('"', "'", '\\', '\n', '\r', '#', ':', ' ', '\t', '-', '\u202e', '\u2028', '\uFEFF', '\u0000', '\u007f', '\u0085', 'é', '\u3000', '\ud83c', '\udfb5', '🎵'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
