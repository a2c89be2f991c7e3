import { main, type CliIo } from '../../../src/cli/cli';

/** One in-process run of `suno-task`. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout's lines, without the empty one after the last newline. */
  lines: string[];
}

/** Runs `suno-task argv` with `env` (and any other part of the process in `extra`). */
export async function runCli(argv: string[], env: Record<string, string | undefined>, extra: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    ...extra,
  });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1)) };
}

export function parseLines(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
