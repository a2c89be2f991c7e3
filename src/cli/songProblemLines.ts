/**
 * A song document's problems as compilers print them, one per line, so that terminals and
 * editors can jump to them: `song.suno:3:8: error: Unknown key "tag": …`. Lines and columns
 * count from 1, as editors show them.
 */

import type { SongProblem } from '../core/song/songValidation';
import { TextPositions } from '../core/song/textPositions';
import { terminalLine } from './terminalText';

export function songProblemLines(name: string, text: string, problems: readonly SongProblem[]): string[] {
  const positions = new TextPositions(text);
  return problems.map((problem) => {
    const { line, character } = positions.positionAt(problem.span.start);
    return `${name}:${line + 1}:${character + 1}: ${problem.severity}: ${terminalLine(problem.message)}`;
  });
}
