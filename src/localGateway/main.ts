/**
 * Runs the local Suno gateway on its own, for the offline demo and for tests in other processes:
 *
 *   node dist/localGateway.js [--port N] [--host 127.0.0.1] [--key K]… [--demo] [--ids-file F] [--cors]
 *
 * Prints `Local Suno gateway listening on http://127.0.0.1:PORT`; with --demo it adds a few tasks
 * and prints one `demo task: <id> <dialect> <outcome> <startStage>` line each. It writes nothing to
 * disk except the --ids-file (JSON: {"url", "keys", "tasks": [{id, dialect, outcome, startStage}]}).
 * Stops cleanly on SIGINT/SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { addDemoTasks, formatDemoTask, type DemoTask } from './demoTasks';
import { LocalGateway } from './localGateway';

interface GatewayArgs {
  readonly port: number;
  readonly keys: string[];
  readonly demo: boolean;
  readonly idsFile: string | null;
  /** Allow cross-origin requests, as VS Code for the web needs. */
  readonly cors: boolean;
}

const USAGE =
  'usage: node dist/localGateway.js [--port N] [--host 127.0.0.1] [--key K]... [--demo] [--ids-file FILE] [--cors]';

/** Parses the command line; throws an Error whose message is fit to print for a bad one. */
export function parseGatewayArgs(argv: readonly string[]): GatewayArgs {
  let port = 0;
  const keys: string[] = [];
  let demo = false;
  let idsFile: string | null = null;
  let cors = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const text = value();
        const parsed = Number(text);
        if (!/^\d+$/.test(text) || parsed > 65_535) throw new Error(`--port must be 0–65535, not ${text}`);
        port = parsed;
        break;
      }
      case '--host': {
        const host = value();
        if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`the local gateway only binds 127.0.0.1, not ${host}`);
        break;
      }
      case '--key':
        keys.push(value());
        break;
      case '--demo':
        demo = true;
        break;
      case '--ids-file':
        idsFile = value();
        break;
      case '--cors':
        cors = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return { port, keys: keys.length > 0 ? keys : ['test-key'], demo, idsFile, cors };
}

async function main(): Promise<void> {
  let args: GatewayArgs;
  try {
    args = parseGatewayArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const gateway = await LocalGateway.start({ port: args.port, host: '127.0.0.1', apiKeys: args.keys, allowCrossOrigin: args.cors });
  console.log(`Local Suno gateway listening on ${gateway.url}`);
  console.log(`API key: ${args.keys.join(', ')}`);
  let tasks: DemoTask[] = [];
  if (args.demo) {
    tasks = addDemoTasks(gateway);
    for (const task of tasks) console.log(formatDemoTask(task));
  }
  if (args.idsFile !== null) {
    writeFileSync(args.idsFile, `${JSON.stringify({ url: gateway.url, keys: args.keys, tasks }, null, 2)}\n`);
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    gateway.close().then(
      () => {
        console.log(`Local Suno gateway stopped (${signal})`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
