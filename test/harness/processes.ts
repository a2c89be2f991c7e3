// Child processes that must never outlive the test run: each starts in its own process group
// (`detached: true`), so stopping it also stops everything it spawned (code-server's extension
// host, Chromium's renderers). Groups still running when this process exits are killed then,
// whether the run passed, failed, threw or was interrupted.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const liveGroups = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      // The conventional exit code for a signal: 128 + its number.
      process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
    });
  }
}

export interface GroupProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited, with its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the leader has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnGroupOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of output, e.g. to echo it or to look for a "listening" line. */
  onOutput?: (text: string) => void;
}

/** Starts `command` in a new process group that is killed at the latest when this process exits. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnGroupOptions = {}): GroupProcess {
  installExitHooks();
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  const child = spawn(command, [...args], spawnOptions);
  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  let output = '';
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output += text;
    options.onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      output += `${String(error)}\n`;
      resolve(null);
    });
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    if (pid === undefined) return;
    killGroup(pid, 'SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([exited, timer])) === 'timeout') killGroup(pid, 'SIGKILL');
    await exited;
    // Members of the group may outlive the leader (an extension host finishing its shutdown).
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
  };
  return { child, output: () => output, exited, stop };
}

/** Runs a command to completion and returns its exit code and combined output. */
export async function runToCompletion(
  command: string,
  args: readonly string[],
  options: SpawnGroupOptions = {},
): Promise<{ code: number | null; output: string }> {
  const group = spawnGroup(command, args, options);
  const code = await group.exited;
  await group.stop(0);
  return { code, output: group.output() };
}
