/**
 * The `suno-task` command: `fetch` and `watch` on top of the same core the extension uses
 * (GatewayClient, TaskStore, Poller). Everything the process provides — arguments, environment,
 * output streams, fetch, time — comes in through `main`'s parameters, so tests run the whole
 * command in-process; `main.ts` only passes the real ones and exits with the code.
 *
 * Output contract:
 * - Every id given yields a line of its own, in the order given, also when it is no id at all
 *   (`invalid_input`, and no request is sent for it) or when the whole request failed.
 * - `--json`: `fetch` prints exactly one line per distinct id given: the Task as one JSON object,
 *   or `{"id", "error": {"kind", "message", "httpStatus"}}` (httpStatus null when no answer
 *   arrived). `watch` prints a Task line for the first state of each task and for every change
 *   after it, and ends each id with its finished Task or an error object.
 * - Without `--json`: a compact summary line per task (indented clip lines under a finished one),
 *   `<id>  error  <kind>` for an id that failed; the reasons on stderr, each once.
 * - Exit codes: 0 all good; 1 an id failed (fetch: could not be fetched or is no id; watch: did
 *   not succeed, or the key was refused); 2 a wrong command line or song document (message on
 *   stderr, nothing sent), which includes sending the key over plain http to a remote host
 *   without `--allow-insecure-http`.
 *
 * `submit` and `extend` (submitCommand.ts) send one new task and print its id, or with `--json`
 * `{"id", "action", "baseUrl"}`; `--watch` then follows it exactly as `watch` does. A refusal is
 * exit 1 (with `--json`, `{"error": {"kind", "message", "httpStatus"}}`); a document or arguments
 * that cannot be sent are exit 2 with nothing sent. A submit is never repeated.
 *
 * Hidden testing switch: `watch --interval` below 5 seconds is refused unless the environment
 * has SUNO_ALLOW_FAST_POLL=1. Then the poller runs on a clock sped up so that its 5 s minimum
 * lasts the interval asked for (`--interval 0.05` polls every 50 ms), which lets tests follow
 * a task through its stages quickly. It is not in `--help`: real gateways refresh every ~15 s.
 */

import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL, normaliseBaseUrl } from '../core/gateway/baseUrl';
import { systemClock, type Clock } from '../core/clock';
import type { Localize } from '../core/localize';
import { DisposableStore } from '../core/disposables';
import { errorText } from '../core/errorText';
import { BatchSupportMemory, GatewayClient, type RequestLogEntry } from '../core/gateway/gatewayClient';
import { GatewayError, isGatewayError } from '../core/gatewayError';
import { isFinished, notFetchedYet, type Task } from '../core/task/model';
import { DEFAULT_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../core/polling/pollInterval';
import { Poller } from '../core/polling/poller';
import { sendsKeyInClearText } from '../core/gateway/plainHttp';
import { MemorySharedFiles } from '../core/store/sharedFiles';
import { submitAdviceFor, OUTCOME_UNKNOWN_ADVICE } from '../core/gateway/submitAdvice';
import { extractTaskIds, validateTaskIdInput } from '../core/task/taskIds';
import { TaskStore } from '../core/store/taskStore';
import { fastClock } from './fastClock';
import { formatTask } from './humanOutput';
import { planSubmit, requestFor, type SubmitArguments } from './submitCommand';
import { terminalLine } from './terminalText';
import { USAGE } from './usage';
import { InvalidInputError, UsageError } from './usageError';
import { packageVersion } from './version';

interface CliOutput {
  write(chunk: string): unknown;
}

export interface CliIo {
  /** The environment: SUNO_API_KEY, SUNO_BASE_URL, SUNO_ALLOW_FAST_POLL. */
  env: Readonly<Record<string, string | undefined>>;
  /** Where `submit -` reads the song document from. */
  stdin?: AsyncIterable<Uint8Array | string>;
  stdout: CliOutput;
  stderr: CliOutput;
  fetch?: typeof globalThis.fetch;
  /** The poller's clock for `watch` (default: the real one, or a fast one, see above). */
  clock?: Clock;
  /**
   * The languages besides English a song's template placeholders may be written in (main.ts
   * reads the extension's l10n bundles); none by default.
   */
  templateLanguages?: readonly Localize[];
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const PROGRAM = 'suno-task';

/** One id taken from the command line, or an argument that holds none (and why). */
type GivenId = { readonly id: string; readonly error?: undefined } | { readonly id: string; readonly error: GatewayError };

/** Where requests go and how the answers are printed: what every command needs. */
interface Connection {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly json: boolean;
  readonly verbose: boolean;
}

interface CommonOptions extends Connection {
  /** In the order given, each once: what is fetched and reported. */
  readonly given: GivenId[];
  /** The valid ids among them. */
  readonly ids: string[];
}

const COMMANDS = ['fetch', 'watch', 'submit', 'extend'] as const;
type Command = (typeof COMMANDS)[number];

/** Options that belong to some commands only. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly Command[]>> = {
  raw: ['fetch'],
  model: ['submit'],
  describe: ['submit'],
  lyrics: ['submit'],
  instrumental: ['submit'],
  watch: ['submit', 'extend'],
  at: ['extend'],
};

/** Runs `suno-task` with `argv` (the arguments after the program name); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  const err = (line: string): void => void io.stderr.write(`${line}\n`);
  try {
    const { values, positionals, tokens } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        'base-url': { type: 'string' },
        json: { type: 'boolean' },
        raw: { type: 'boolean' },
        interval: { type: 'string' },
        verbose: { type: 'boolean' },
        'allow-insecure-http': { type: 'boolean' },
        model: { type: 'string' },
        describe: { type: 'string' },
        lyrics: { type: 'string' },
        instrumental: { type: 'boolean' },
        watch: { type: 'boolean' },
        at: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    const repeated = repeatedValueOption(tokens);
    if (repeated !== null) throw new UsageError(`--${repeated} is given more than once: give it once.`);
    if (values.version === true) {
      out(packageVersion());
      return EXIT_OK;
    }
    const [command, ...rest] = positionals;
    if (values.help === true || command === 'help') {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (command === undefined) {
      io.stderr.write(USAGE);
      return EXIT_USAGE;
    }
    if (!isCommand(command)) throw new UsageError(`unknown command '${terminalLine(command)}'.`);
    for (const [option, commands] of Object.entries(COMMAND_OPTIONS)) {
      if (values[option as keyof typeof values] !== undefined && !commands.includes(command)) {
        throw new UsageError(`--${option} works with ${commands.join(' and ')} only.`);
      }
    }
    if (values.raw === true && values.json === true) throw new UsageError('use --json or --raw, not both.');
    if (values.interval !== undefined && command !== 'watch' && values.watch !== true) throw new UsageError('--interval works with watch and --watch only.');

    const connection: Connection = {
      baseUrl: baseUrlFrom(values['base-url'], io.env),
      apiKey: nonEmpty(io.env.SUNO_API_KEY),
      json: values.json === true,
      verbose: values.verbose === true,
    };
    if (connection.apiKey !== undefined && values['allow-insecure-http'] !== true && sendsKeyInClearText(connection.baseUrl)) {
      throw new UsageError(
        `${connection.baseUrl} is plain http to a host that is not this machine or a private network: the API key would travel ` +
          'readable by anyone on the way. Use https, or add --allow-insecure-http if you accept that.',
      );
    }
    if (command === 'submit' || command === 'extend') {
      const submitArgs: SubmitArguments = {
        command,
        positionals: rest,
        model: values.model,
        describe: values.describe,
        lyrics: values.lyrics,
        instrumental: values.instrumental === true,
        at: values.at,
      };
      const watchIntervalMs = values.watch === true ? intervalFrom(values.interval, io.env) : null;
      return await submitAndFollow(submitArgs, connection, watchIntervalMs, io, out, err);
    }
    const given = idsFrom(rest);
    const options: CommonOptions = { ...connection, given, ids: given.filter((entry) => entry.error === undefined).map((entry) => entry.id) };
    if (command === 'fetch') {
      return values.raw === true ? await fetchRaw(options, io, err) : await fetchTasks(options, io, out, err);
    }
    const intervalMs = intervalFrom(values.interval, io.env);
    return await watchTasks(options, intervalMs, io, out, err);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      err(`${PROGRAM}: ${(error as Error).message}`);
      err(`Run '${PROGRAM} --help' for usage.`);
      return EXIT_USAGE;
    }
    if (error instanceof InvalidInputError) {
      err(`${PROGRAM}: ${error.message}`);
      return EXIT_USAGE;
    }
    err(`${PROGRAM}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_FAILED;
  }
}

/**
 * The first option with a value that is given twice. parseArgs would keep the last one silently;
 * which one was meant is a guess, and here a guess can send the key elsewhere or pay for a model
 * nobody chose.
 */
function repeatedValueOption(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): string | null {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || token.value === undefined) continue;
    if (seen.has(token.name)) return token.name;
    seen.add(token.name);
  }
  return null;
}

function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Each argument may be an id, a fetch URL or pasted JSON/text. An argument with no id in it is
 * kept, as given, with the reason it is none: it gets its own `invalid_input` line.
 */
function idsFrom(args: readonly string[]): GivenId[] {
  if (args.length === 0) throw new UsageError('give at least one task id.');
  const given = new Map<string, GivenId>();
  for (const arg of args) {
    const found = extractTaskIds(arg);
    if (found.length === 0 && !given.has(arg)) {
      given.set(arg, { id: arg, error: new GatewayError('invalid_input', validateTaskIdInput(arg) ?? `'${arg}' is not a task id.`) });
    }
    for (const id of found) if (!given.has(id)) given.set(id, { id });
  }
  return [...given.values()];
}

function baseUrlFrom(option: string | undefined, env: CliIo['env']): string {
  const input = option ?? nonEmpty(env.SUNO_BASE_URL) ?? DEFAULT_BASE_URL;
  try {
    return normaliseBaseUrl(input);
  } catch (error) {
    const source = option !== undefined ? '--base-url' : 'SUNO_BASE_URL';
    throw new UsageError(`${source}: ${terminalLine(errorText(error))}`);
  }
}

/** The poll interval in real milliseconds. */
function intervalFrom(option: string | undefined, env: CliIo['env']): number {
  if (option === undefined) return DEFAULT_POLL_INTERVAL_SECONDS * 1000;
  const seconds = Number(option.trim());
  if (option.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--interval needs a number of seconds, not '${terminalLine(option)}'.`);
  }
  if (seconds < MIN_POLL_INTERVAL_SECONDS && env.SUNO_ALLOW_FAST_POLL !== '1') {
    throw new UsageError(`--interval must be at least ${MIN_POLL_INTERVAL_SECONDS} seconds: gateways refresh their tasks only every ~15 s.`);
  }
  return seconds * 1000;
}

function makeClient(options: Connection, io: CliIo, err: (line: string) => void): GatewayClient {
  return new GatewayClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    fetch: io.fetch,
    // One command is one process: what it learns about batch routes lives as long as the run.
    batchSupport: new BatchSupportMemory(),
    onRequest: options.verbose ? (entry) => err(formatRequest(entry)) : undefined,
  });
}

function formatRequest(entry: RequestLogEntry): string {
  const status = entry.httpStatus === null ? 'no answer' : `HTTP ${entry.httpStatus}`;
  const error = entry.error === null ? '' : ` — ${entry.error}`;
  return `${PROGRAM}: ${entry.method} ${entry.url} → ${status} (${Math.round(entry.durationMs)} ms)${error}`;
}

function missingKeyError(baseUrl: string): GatewayError {
  return new GatewayError(
    'auth',
    `No API key: set the SUNO_API_KEY environment variable to the key ${baseUrl} gave you.`,
    { url: baseUrl },
  );
}

function errorLine(id: string, error: GatewayError): string {
  return JSON.stringify({ id, error: error.toJSON() });
}

function asGatewayError(error: unknown, baseUrl: string): GatewayError {
  if (isGatewayError(error)) return error;
  return new GatewayError('bad_response', `Fetching from ${baseUrl} failed: ${errorText(error)}`, {
    cause: error,
  });
}

/**
 * Sends the submit `args` describe, once, and prints the new task's id; with `watchIntervalMs`,
 * then follows the task as `watch` does. Everything that can be checked is checked first, so
 * that a wrong command line or document sends nothing.
 */
async function submitAndFollow(
  args: SubmitArguments,
  connection: Connection,
  watchIntervalMs: number | null,
  io: CliIo,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const plan = await planSubmit(args, { stdin: io.stdin, err, templateLanguages: io.templateLanguages ?? [] });
  const refused = (error: GatewayError): number => {
    if (connection.json) out(JSON.stringify({ error: error.toJSON() }));
    const advice = submitAdviceFor(error);
    err(`${PROGRAM}: ${terminalLine(error.message)}${advice === null ? '' : ` ${advice}`}`);
    return EXIT_FAILED;
  };
  if (connection.apiKey === undefined) return refused(missingKeyError(connection.baseUrl));
  const client = makeClient(connection, io, err);
  let request;
  try {
    request = await requestFor(plan, client, err);
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    return refused(asGatewayError(error, connection.baseUrl));
  }
  let id: string;
  try {
    id = await client.submit(request);
  } catch (error) {
    if (isGatewayError(error)) return refused(error);
    // Whatever broke, it broke while the submit was under way: it may have been charged.
    return refused(new GatewayError('outcome_unknown', `Submitting to ${connection.baseUrl} failed: ${errorText(error)}. ${OUTCOME_UNKNOWN_ADVICE}`, { cause: error }));
  }
  out(connection.json ? JSON.stringify({ id, action: request.action, baseUrl: client.baseUrl }) : id);
  if (watchIntervalMs === null) return EXIT_OK;
  return watchTasks({ ...connection, given: [{ id }], ids: [id] }, watchIntervalMs, io, out, err);
}

async function fetchTasks(options: CommonOptions, io: CliIo, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let results = new Map<string, Task | GatewayError>();
  let shared: GatewayError | null = null;
  if (options.ids.length === 0) {
    // Nothing to ask: no key needed and no request.
  } else if (options.apiKey === undefined) {
    shared = missingKeyError(options.baseUrl);
  } else {
    try {
      results = await makeClient(options, io, err).fetchTasks(options.ids);
    } catch (error) {
      shared = asGatewayError(error, options.baseUrl);
    }
  }

  const report = failureReporter(options.json, out, err);
  for (const { id, error } of options.given) {
    const result =
      error ??
      results.get(id) ??
      shared ??
      new GatewayError('bad_response', `${options.baseUrl} gave no answer for task ${id}.`, { url: options.baseUrl });
    if (isGatewayError(result)) report(id, result);
    else if (options.json) out(JSON.stringify(result));
    else for (const line of formatTask(result, true)) out(line);
  }
  return report.count() > 0 ? EXIT_FAILED : EXIT_OK;
}

/**
 * Reports a failed id: its error object with --json; else `<id>  error  <kind>` on stdout and the
 * reason on stderr, each reason once (a request-wide failure is one message, not one per id).
 */
function failureReporter(json: boolean, out: (line: string) => void, err: (line: string) => void): ((id: string, error: GatewayError) => void) & { count(): number } {
  const explained = new Set<string>();
  let failures = 0;
  const report = (id: string, error: GatewayError): void => {
    failures++;
    if (json) {
      out(errorLine(id, error));
      return;
    }
    out(`${terminalLine(id)}  error  ${error.kind}`);
    if (explained.has(error.message)) return;
    explained.add(error.message);
    err(`${PROGRAM}: ${terminalLine(error.message)}`);
  };
  return Object.assign(report, { count: () => failures });
}

async function fetchRaw(options: CommonOptions, io: CliIo, err: (line: string) => void): Promise<number> {
  // No body to print for what is no id: say so, and ask only about the others.
  const invalid = options.given.filter((entry) => entry.error !== undefined);
  for (const entry of invalid) err(`${PROGRAM}: ${terminalLine(entry.error?.message ?? '')}`);
  if (options.ids.length === 0) return EXIT_FAILED;
  if (options.apiKey === undefined) {
    err(`${PROGRAM}: ${missingKeyError(options.baseUrl).message}`);
    return EXIT_FAILED;
  }
  const client = makeClient(options, io, err);
  try {
    const raw = options.ids.length === 1 ? await client.fetchRaw(options.ids[0]) : await client.fetchRawBatch(options.ids);
    // The body as it came; a final newline only so that the shell prompt starts on its own line.
    io.stdout.write(raw.body.endsWith('\n') || raw.body === '' ? raw.body : `${raw.body}\n`);
    if (raw.httpStatus < 200 || raw.httpStatus >= 300) {
      err(`${PROGRAM}: ${raw.url} answered HTTP ${raw.httpStatus}.`);
      return EXIT_FAILED;
    }
    return invalid.length > 0 ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    err(`${PROGRAM}: ${terminalLine(asGatewayError(error, options.baseUrl).message)}`);
    return EXIT_FAILED;
  }
}


/** What a task looks like, minus when it was fetched: a change is a change of this. */
function contentKey(task: Task): string {
  return JSON.stringify({ ...task, fetchedAt: null });
}

async function watchTasks(
  options: CommonOptions,
  intervalMs: number,
  io: CliIo,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { ids, json } = options;
  const report = failureReporter(json, out, err);
  for (const entry of options.given) if (entry.error !== undefined) report(entry.id, entry.error);
  if (ids.length === 0) return EXIT_FAILED;
  if (options.apiKey === undefined) {
    const error = missingKeyError(options.baseUrl);
    for (const id of ids) report(id, error);
    return EXIT_FAILED;
  }
  const someInvalid = report.count() > 0;

  // See the file comment: below the poller's 5 s minimum only with the testing switch.
  const speed = intervalMs < MIN_POLL_INTERVAL_SECONDS * 1000 ? (MIN_POLL_INTERVAL_SECONDS * 1000) / intervalMs : 1;
  const clock = io.clock ?? (speed > 1 ? fastClock(speed) : systemClock);
  const client = makeClient(options, io, err);
  const store = new TaskStore({ files: new MemorySharedFiles(), onProblem: (message) => err(`${PROGRAM}: ${message}`) });
  const poller = new Poller({
    store,
    clientFor: () => Promise.resolve(client),
    intervalMs: () => intervalMs * speed,
    clock,
  });

  const wanted = new Set(ids);
  const printed = new Map<string, string>();
  const outcome = new Map<string, boolean>(); // id → succeeded
  // What finish() tears down: the subscriptions below, then the poller they listen to.
  const disposables = new DisposableStore();
  disposables.add(poller);

  await store.upsert(ids.map((id) => notFetchedYet(id, client.baseUrl)));

  return new Promise<number>((resolve) => {
    let done = false;
    const finish = (code: number): void => {
      if (done) return;
      done = true;
      // Leave the poller's own event dispatch before tearing it down.
      void Promise.resolve().then(() => {
        disposables.dispose();
        resolve(code);
      });
    };
    const settle = (id: string, succeeded: boolean): void => {
      if (outcome.has(id)) return;
      outcome.set(id, succeeded);
      if (outcome.size === wanted.size) finish(!someInvalid && [...outcome.values()].every(Boolean) ? EXIT_OK : EXIT_FAILED);
    };
    const failId = (id: string, error: GatewayError): void => {
      if (outcome.has(id)) return;
      report(id, error);
      settle(id, false);
    };

    disposables.add(
      poller.onDidUpdate(({ tasks }) => {
        for (const task of tasks) {
          if (!wanted.has(task.id) || outcome.has(task.id)) continue;
          const key = contentKey(task);
          const finished = isFinished(task.status);
          if (printed.get(task.id) !== key) {
            printed.set(task.id, key);
            if (json) out(JSON.stringify(task));
            else for (const line of formatTask(task, finished)) out(line);
          }
          if (finished) settle(task.id, task.status === 'succeeded');
        }
      }),
    );
    disposables.add(
      poller.onDidFail(({ baseUrl, error, taskIds }) => {
        if (error.kind === 'not_found' || error.kind === 'invalid_input') {
          // The gateway does not know the id: waiting will not help a one-off command.
          for (const id of taskIds) if (wanted.has(id)) failId(id, error);
          return;
        }
        if (error.kind === 'auth') {
          for (const id of ids) if (!outcome.has(id)) report(id, error);
          // Also with --json: the one thing to do next (set a new key) is said on stderr.
          if (json) err(`${PROGRAM}: ${terminalLine(error.message)}`);
          finish(EXIT_FAILED);
          return;
        }
        const next = poller.gatewayState(baseUrl).nextPollAt;
        const wait = next === null ? '' : ` Trying again in ${Math.max(1, Math.round((next - clock.now()) / 1000))} s.`;
        err(`${PROGRAM}: ${terminalLine(error.message)}${wait}`);
      }),
    );
    poller.start();
    void poller.pollNow();
  });
}
