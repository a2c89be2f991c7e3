import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { formatClipLine, formatTask, formatTaskLine } from '../../src/cli/humanOutput';
import { terminalBlock, terminalLine } from '../../src/cli/terminalText';
import { bundleLocalize } from '../../src/core/localize';
import { songTemplate } from '../../src/core/song/songTemplate';
import type { Clip, Task } from '../../src/core/task/model';
import { LocalGateway, type Dialect, type Fault } from '../../src/localGateway/localGateway';
import { parseLines, runCli } from './support/cliRun';
import { buildClip, buildTask } from './support/taskBuilders';

const KEY = 'test-key';
const DIALECTS: Dialect[] = ['native', 'flat', 'goapi', 'newapi', 'lyrics'];
const ROOT = resolve(__dirname, '..', '..', '..');

const run = runCli;

describe('suno-task', () => {
  let gateway: LocalGateway;
  let env: Record<string, string | undefined>;

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    env = { SUNO_API_KEY: KEY, SUNO_BASE_URL: gateway.url };
  });

  afterEach(async () => {
    await gateway.close();
  });

  describe('usage', () => {
    it('prints help with --help, -h and help, exit 0', async () => {
      for (const argv of [['--help'], ['-h'], ['help'], ['fetch', '--help']]) {
        const result = await run(argv, env);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /suno-task fetch <id>\.\.\./);
        assert.match(result.stdout, /suno-task watch <id>\.\.\./);
        assert.match(result.stdout, /suno-task submit FILE/);
        assert.match(result.stdout, /suno-task extend TASK_ID CLIP_ID/);
        assert.match(result.stdout, /SUNO_API_KEY/);
        assert.equal(result.stderr, '');
      }
    });

    it('prints the package version', async () => {
      const result = await run(['--version'], env);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
    });

    it('exits 2 with a message on stderr for a wrong command line', async () => {
      const cases: [string[], RegExp][] = [
        [[], /Usage:/],
        [['play', 'abc'], /unknown command 'play'/],
        [['fetch'], /at least one task id/],
        [['fetch', '--nope', '2a145658-3342-4228-b779-b8323a2b77df'], /--nope/],
        [['fetch', '--raw', '--json', '2a145658-3342-4228-b779-b8323a2b77df'], /--json or --raw/],
        [['watch', '--raw', '2a145658-3342-4228-b779-b8323a2b77df'], /--raw works with fetch only/],
        [['fetch', '--interval', '10', '2a145658-3342-4228-b779-b8323a2b77df'], /--interval works with watch and --watch only/],
        [['watch', '--interval', '2', '2a145658-3342-4228-b779-b8323a2b77df'], /at least 5 seconds/],
        [['watch', '--interval', 'soon', '2a145658-3342-4228-b779-b8323a2b77df'], /number of seconds/],
        [['fetch', '--base-url', 'ftp://x', '2a145658-3342-4228-b779-b8323a2b77df'], /--base-url: .*http:\/\/ or https:\/\//],
      ];
      for (const [argv, message] of cases) {
        const result = await run(argv, env);
        assert.equal(result.code, 2, `exit code for ${argv.join(' ')}`);
        assert.match(result.stderr, message, `stderr for ${argv.join(' ')}`);
        assert.equal(result.stdout, '', `stdout for ${argv.join(' ')}`);
      }
      assert.equal(gateway.requests.length, 0);
    });

    it('refuses a bad SUNO_BASE_URL with exit 2', async () => {
      const result = await run(['fetch', '2a145658-3342-4228-b779-b8323a2b77df'], { ...env, SUNO_BASE_URL: 'not a url' });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /SUNO_BASE_URL/);
    });
  });

  describe('fetch --json', () => {
    for (const dialect of DIALECTS) {
      it(`prints a ${dialect} task as one JSON line, exit 0`, async () => {
        const id = gateway.addTask({ dialect, startStage: 'SUCCESS', title: 'City Lights' });
        const result = await run(['fetch', id, '--json'], env);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.lines.length, 1);
        const [task] = parseLines(result.lines);
        assert.equal(task.id, id);
        assert.equal(task.status, 'succeeded');
        assert.equal(task.title, 'City Lights');
        assert.equal(task.baseUrl, gateway.url);
      });
    }

    it('fetches several ids with one batch request and prints a line per id, in order', async () => {
      const ids = DIALECTS.slice(0, 3).map((dialect) => gateway.addTask({ dialect, startStage: 'SUCCESS' }));
      const result = await run(['fetch', ids[2], ids[0], ids[1], '--json'], env);
      assert.equal(result.code, 0);
      assert.deepEqual(
        parseLines(result.lines).map((line) => line.id),
        [ids[2], ids[0], ids[1]],
      );
      assert.deepEqual(
        gateway.requests.map((request) => `${request.method} ${request.path}`),
        ['POST /suno/fetch'],
      );
    });

    it('prints an error object for an unknown id among good ones, exit 1', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', id, 'unknown-task-123', '--json'], env);
      assert.equal(result.code, 1);
      const [good, bad] = parseLines(result.lines);
      assert.equal(good.id, id);
      assert.deepEqual(Object.keys(bad), ['id', 'error']);
      assert.equal(bad.id, 'unknown-task-123');
      const error = bad.error as { kind: string; message: string; httpStatus: number | null };
      assert.equal(error.kind, 'not_found');
      assert.match(error.message, /unknown-task-123/);
    });

    it('takes ids from pasted URLs and JSON, each once', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const other = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', `${gateway.url}/suno/fetch/${id}`, `{"code":"success","data":"${other}"}`, id, '--json'], env);
      assert.equal(result.code, 0);
      assert.deepEqual(
        parseLines(result.lines).map((line) => line.id),
        [id, other],
      );
    });

    it('takes --base-url over SUNO_BASE_URL, and a pasted /v1 on it', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', id, '--json', '--base-url', `${gateway.url}/v1/`], { ...env, SUNO_BASE_URL: 'http://127.0.0.1:9' });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(parseLines(result.lines)[0].baseUrl, gateway.url);
    });

    const faults: [string, Fault | null, string, number | null][] = [
      ['HTTP 500', { kind: 'status', status: 500 }, 'server', 500],
      ['an HTML 502 page', { kind: 'html', status: 502 }, 'server', 502],
      ['an HTML page with 200', { kind: 'html', status: 200 }, 'bad_response', 200],
      ['HTTP 429', { kind: 'rate_limit', retryAfterSeconds: 30 }, 'rate_limited', 429],
      ['a dropped connection', { kind: 'drop' }, 'network', null],
      ['garbage', { kind: 'garbage' }, 'bad_response', 200],
    ];
    for (const [name, fault, kind, httpStatus] of faults) {
      for (const count of [1, 2]) {
        it(`reports ${name} for each of ${count} id(s) with exit 1`, async () => {
          const ids = Array.from({ length: count }, () => gateway.addTask({ startStage: 'SUCCESS' }));
          gateway.setFault(fault);
          const result = await run(['fetch', ...ids, '--json'], env);
          assert.equal(result.code, 1);
          const lines = parseLines(result.lines);
          assert.deepEqual(
            lines.map((line) => line.id),
            ids,
          );
          for (const line of lines) {
            const error = line.error as { kind: string; message: string; httpStatus: number | null };
            assert.equal(error.kind, kind);
            assert.equal(error.httpStatus, httpStatus);
            assert.ok(error.message.includes(gateway.url), error.message);
          }
        });
      }
    }

    it('reports a refused key as auth with exit 1, and never prints the key', async () => {
      const secret = 'sk-cli-SECRET-0123456789';
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', id, 'other-task-id', '--json', '--verbose'], { ...env, SUNO_API_KEY: secret });
      assert.equal(result.code, 1);
      for (const line of parseLines(result.lines)) {
        const error = line.error as { kind: string; message: string; httpStatus: number };
        assert.equal(error.kind, 'auth');
        assert.equal(error.httpStatus, 401);
        assert.match(error.message, /refused the API key/);
      }
      assert.ok(!result.stdout.includes(secret));
      assert.ok(!result.stderr.includes(secret));
      assert.match(result.stderr, /HTTP 401/);
    });

    it('reports a missing SUNO_API_KEY per id without a request', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', id, '--json'], { SUNO_BASE_URL: gateway.url });
      assert.equal(result.code, 1);
      const [line] = parseLines(result.lines);
      assert.equal((line.error as { kind: string }).kind, 'auth');
      assert.equal((line.error as { httpStatus: number | null }).httpStatus, null);
      assert.match((line.error as { message: string }).message, /SUNO_API_KEY/);
      assert.equal(gateway.requests.length, 0);
    });

    it('falls back to single fetches on a gateway without a batch route', async () => {
      gateway.setBatch(false);
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      const result = await run(['fetch', ...ids, '--json'], env);
      assert.equal(result.code, 0);
      assert.equal(result.lines.length, 2);
    });
  });

  describe('fetch for people', () => {
    it('prints a summary line and a line per clip', async () => {
      const id = gateway.addTask({ dialect: 'native', startStage: 'SUCCESS', title: 'City Lights' });
      const result = await run(['fetch', id], env);
      assert.equal(result.code, 0);
      assert.match(result.lines[0], new RegExp(`^${id}  succeeded  100%  "City Lights"  2 clips$`));
      assert.equal(result.lines.length, 3);
      for (const line of result.lines.slice(1)) {
        assert.match(line, /^ {4}"City Lights" {2}\d+:\d\d {2}\S+ {2}http:\/\/127\.0\.0\.1:\d+\/\S+$/);
      }
    });

    it('prints the text of a lyrics task', async () => {
      const id = gateway.addTask({ dialect: 'lyrics', startStage: 'SUCCESS', title: 'Tram', lyrics: '[Verse]\nLine one' });
      const result = await run(['fetch', id], env);
      assert.equal(result.code, 0);
      assert.match(result.lines[0], /succeeded {2}100% {2}"Tram" {2}lyrics$/);
      assert.deepEqual(result.lines.slice(1), ['    [Verse]', '    Line one']);
    });

    it('prints a line per failed id and the reason on stderr, a request-wide one once', async () => {
      const ids = [gateway.addTask(), gateway.addTask()];
      gateway.setFault({ kind: 'status', status: 503 });
      const result = await run(['fetch', ...ids], env);
      assert.equal(result.code, 1);
      assert.deepEqual(
        result.lines,
        ids.map((id) => `${id}  error  server`),
      );
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.match(result.stderr, /^suno-task: The gateway .* had trouble \(HTTP 503/);
    });
  });

  describe('one line per id given', () => {
    it('fetches the good id and gives the bad one an invalid_input line, without a request for it, exit 1', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', id, '../x', '--json'], env);
      assert.equal(result.code, 1);
      const [good, bad] = parseLines(result.lines);
      assert.equal(result.lines.length, 2);
      assert.equal(good.id, id);
      assert.equal(bad.id, '../x');
      assert.equal((bad.error as { kind: string }).kind, 'invalid_input');
      assert.deepEqual(
        gateway.requests.map((request) => request.path),
        [`/suno/fetch/${id}`],
      );
    });

    it('prints the same for people: a line per id, the reason on stderr', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS', title: 'City Lights' });
      const result = await run(['fetch', '..', id], env);
      assert.equal(result.code, 1);
      assert.equal(result.lines[0], '..  error  invalid_input');
      assert.match(result.lines[1], new RegExp(`^${id}  succeeded`));
      assert.match(result.stderr, /'\.\.' is not a task id/);
    });

    it('sends nothing when no id is valid', async () => {
      const result = await run(['fetch', '.', '%2e%2e', 'a/b', '--json'], env);
      assert.equal(result.code, 1);
      assert.deepEqual(
        parseLines(result.lines).map((line) => [line.id, (line.error as { kind: string }).kind]),
        [
          ['.', 'invalid_input'],
          ['%2e%2e', 'invalid_input'],
          ['a/b', 'invalid_input'],
        ],
      );
      assert.equal(gateway.requests.length, 0);
    });

    it('watch reports the bad id once, follows the good one, and exits 1', async () => {
      const id = gateway.addTask({ startStage: 'IN_PROGRESS' });
      const result = await run(['watch', 'x!', id, '--json', '--interval', '0.01'], { ...env, SUNO_ALLOW_FAST_POLL: '1' });
      assert.equal(result.code, 1);
      const lines = parseLines(result.lines);
      assert.deepEqual(lines.filter((line) => line.id === 'x!').map((line) => (line.error as { kind: string }).kind), ['invalid_input']);
      assert.equal(lines.filter((line) => line.id === id).pop()?.status, 'succeeded');
    });

    it('watch with no valid id ends at once without a request', async () => {
      const result = await run(['watch', '..', '--json'], env);
      assert.equal(result.code, 1);
      assert.equal(result.lines.length, 1);
      assert.equal(gateway.requests.length, 0);
    });
  });

  describe('plain http', () => {
    const recordingFetch = (): { calls: string[]; fetch: typeof globalThis.fetch } => {
      const calls: string[] = [];
      return {
        calls,
        fetch: (input) => {
          calls.push(String(input));
          return Promise.resolve(new Response('{"code":"task_not_exist","message":"task_not_exist","data":null}', { status: 400 }));
        },
      };
    };

    it('refuses to send the key over plain http to a remote host, exit 2 and no request', async () => {
      for (const baseUrl of ['http://api.example.com', 'http://8.8.8.8', 'http://[2001:db8::1]']) {
        const { calls, fetch } = recordingFetch();
        const result = await run(['fetch', 'abcdefgh-1', '--base-url', baseUrl], env, { fetch });
        assert.equal(result.code, 2, baseUrl);
        assert.match(result.stderr, /--allow-insecure-http/);
        assert.deepEqual(calls, []);
      }
    });

    it('sends it with --allow-insecure-http, and to loopback or private addresses without', async () => {
      const cases: [string, string[]][] = [
        ['http://api.example.com', ['--allow-insecure-http']],
        ['http://localhost:3000', []],
        ['http://192.168.1.20:3000', []],
        ['http://10.0.0.7', []],
        ['http://172.20.1.1', []],
        ['http://[::1]:8080', []],
        ['https://api.example.com', []],
      ];
      for (const [baseUrl, flags] of cases) {
        const { calls, fetch } = recordingFetch();
        const result = await run(['fetch', 'abcdefgh-1', '--base-url', baseUrl, ...flags], env, { fetch });
        assert.equal(result.code, 1, `${baseUrl}: ${result.stderr}`);
        assert.equal(calls.length, 1, baseUrl);
      }
    });
  });

  describe('fetch --raw', () => {
    it('blanks the key out of the body it prints', async () => {
      const secret = 'sk-raw-SECRET-123456';
      const fetch: typeof globalThis.fetch = () => Promise.resolve(new Response(`{"error":{"message":"invalid token ${secret}"}}`, { status: 401 }));
      const result = await run(['fetch', 'abcdefgh-1', '--raw'], { ...env, SUNO_API_KEY: secret }, { fetch });
      assert.equal(result.code, 1);
      assert.ok(!result.stdout.includes(secret), result.stdout);
      assert.match(result.stdout, /invalid token \*\*\*/);
    });

    it('says which arguments are no ids, and fetches the rest', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['fetch', id, '..', '--raw'], env);
      assert.equal(result.code, 1);
      assert.equal((JSON.parse(result.stdout) as { data: { task_id: string } }).data.task_id, id);
      assert.match(result.stderr, /'\.\.' is not a task id/);
    });

    it('prints the gateway body untouched', async () => {
      const id = gateway.addTask({ dialect: 'goapi', startStage: 'SUCCESS' });
      const result = await run(['fetch', id, '--raw'], env);
      assert.equal(result.code, 0);
      const body = JSON.parse(result.stdout) as { code: number; data: { task_id: string } };
      assert.equal(body.code, 200);
      assert.equal(body.data.task_id, id);
    });

    it('posts a batch for several ids', async () => {
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      const result = await run(['fetch', ...ids, '--raw'], env);
      assert.equal(result.code, 0);
      assert.equal((JSON.parse(result.stdout) as { data: unknown[] }).data.length, 2);
    });

    it('prints an error body too, with exit 1', async () => {
      gateway.setFault({ kind: 'html', status: 502 });
      const result = await run(['fetch', 'abcdefgh-1234', '--raw'], env);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /<h1>502 Bad Gateway<\/h1>/);
      assert.match(result.stderr, /HTTP 502/);
    });
  });

  describe('watch', () => {
    const fast = (): Record<string, string | undefined> => ({ ...env, SUNO_ALLOW_FAST_POLL: '1' });

    for (const dialect of DIALECTS) {
      it(`follows a ${dialect} task to success, printing each change once, exit 0`, async () => {
        const id = gateway.addTask({ dialect, startStage: 'NOT_START', pollsPerStage: 2 });
        const result = await run(['watch', id, '--json', '--interval', '0.01'], fast());
        assert.equal(result.code, 0, result.stderr);
        const states = parseLines(result.lines);
        assert.ok(states.every((state) => state.id === id));
        assert.equal(states[states.length - 1].status, 'succeeded');
        assert.ok(states.length >= 2, `expected several states, got ${states.length}`);
        // A line is printed only when something changed.
        const contents = states.map((state) => JSON.stringify({ ...state, fetchedAt: null }));
        assert.equal(new Set(contents).size, contents.length);
        // Polled more often than printed: unchanged answers print nothing.
        assert.ok(gateway.requests.length > states.length);
      });
    }

    it('watches several tasks in one batch per round and exits 1 when one fails', async () => {
      const good = gateway.addTask({ startStage: 'QUEUED' });
      const bad = gateway.addTask({ dialect: 'flat', startStage: 'QUEUED', outcome: 'failure', failReason: '任务超时（10分钟）' });
      const result = await run(['watch', good, bad, '--json', '--interval', '0.01'], fast());
      assert.equal(result.code, 1);
      const states = parseLines(result.lines);
      const last = (id: string): Record<string, unknown> => states.filter((state) => state.id === id).pop() as Record<string, unknown>;
      assert.equal(last(good).status, 'succeeded');
      assert.equal(last(bad).status, 'failed');
      assert.equal(last(bad).failReason, '任务超时（10分钟）');
      assert.ok(gateway.requests.every((request) => request.method === 'POST'));
    });

    it('prints the first state of a task that is already finished and exits', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await run(['watch', id, '--json'], env);
      assert.equal(result.code, 0);
      assert.equal(result.lines.length, 1);
      assert.equal(gateway.requests.length, 1);
    });

    it('keeps polling through passing errors, reporting them on stderr', async () => {
      const id = gateway.addTask({ startStage: 'IN_PROGRESS' });
      gateway.setFault({ kind: 'status', status: 502, count: 1 });
      const first = await run(['watch', id, '--json', '--interval', '0.01'], fast());
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /HTTP 502/);
      assert.match(first.stderr, /Trying again in \d+ s/);

      const other = gateway.addTask({ startStage: 'IN_PROGRESS' });
      gateway.setFault({ kind: 'rate_limit', retryAfterSeconds: 1, count: 1 });
      const second = await run(['watch', other, '--json', '--interval', '0.01'], fast());
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stderr, /HTTP 429/);

      const third = gateway.addTask({ startStage: 'IN_PROGRESS' });
      gateway.setFault({ kind: 'drop', count: 1 });
      const dropped = await run(['watch', third, '--json', '--interval', '0.01'], fast());
      assert.equal(dropped.code, 0, dropped.stderr);
      assert.match(dropped.stderr, /Could not reach the gateway/);

      const fourth = gateway.addTask({ startStage: 'IN_PROGRESS' });
      gateway.setFault({ kind: 'html', status: 200, count: 1 });
      const html = await run(['watch', fourth, '--json', '--interval', '0.01'], fast());
      assert.equal(html.code, 0, html.stderr);
      assert.match(html.stderr, /may be wrong/);
      assert.equal(parseLines(html.lines).pop()?.status, 'succeeded');
    });

    it('ends with exit 1 and a clear message when the key is refused', async () => {
      const id = gateway.addTask({ startStage: 'QUEUED' });
      const result = await run(['watch', id, '--json', '--interval', '0.01'], { ...fast(), SUNO_API_KEY: 'wrong-key-42' });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /refused the API key \(HTTP 401.*set a new key/);
      const [line] = parseLines(result.lines);
      assert.equal((line.error as { kind: string }).kind, 'auth');
      assert.equal(gateway.requests.length, 1);
    });

    it('ends an unknown id with an error line and exit 1, and still follows the others', async () => {
      const id = gateway.addTask({ startStage: 'IN_PROGRESS' });
      const result = await run(['watch', id, 'unknown-task-77', '--json', '--interval', '0.01'], fast());
      assert.equal(result.code, 1);
      const lines = parseLines(result.lines);
      assert.ok(lines.some((line) => line.id === 'unknown-task-77' && (line.error as { kind: string }).kind === 'not_found'));
      assert.equal(lines.filter((line) => line.id === id).pop()?.status, 'succeeded');
    });

    it('exits 1 without a request when SUNO_API_KEY is missing', async () => {
      const id = gateway.addTask();
      const result = await run(['watch', id], { SUNO_BASE_URL: gateway.url });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /SUNO_API_KEY/);
      assert.equal(gateway.requests.length, 0);
    });

    it('prints readable lines without --json, clips once the task is done', async () => {
      const id = gateway.addTask({ startStage: 'IN_PROGRESS', title: 'Night Drive' });
      const result = await run(['watch', id, '--interval', '0.01'], fast());
      assert.equal(result.code, 0);
      assert.match(result.lines[0], new RegExp(`^${id}  running`));
      const done = result.lines.findIndex((line) => line.includes('succeeded'));
      assert.ok(done > 0);
      assert.equal(result.lines.length, done + 3);
      assert.ok(result.lines.slice(done + 1).every((line) => line.startsWith('    "Night Drive"')));
    });
  });

  describe('the built dist/cli.js', () => {
    // Built from the current sources into a folder of its own: a dist/cli.js left by an older
    // build would test yesterday's CLI.
    // Laid out as in the repository: dist/cli.js, with the extension's translations in l10n/.
    const folder = mkdtempSync(join(tmpdir(), 'suno-cli-'));
    const cli = join(folder, 'dist', 'cli.js');

    after(() => rmSync(folder, { recursive: true, force: true }));

    before(async function () {
      this.timeout(60_000);
      const esbuild = (await import('esbuild')) as typeof import('esbuild');
      await esbuild.build({
        entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
        outfile: cli,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        banner: { js: '#!/usr/bin/env node' },
        logLevel: 'silent',
      });
      mkdirSync(join(folder, 'l10n'));
      copyFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), join(folder, 'l10n', 'bundle.l10n.zh-cn.json'));
    });

    it('fetches a task as a child process: one JSON line, exit 0; exit 1 for an unknown id', async function () {
      this.timeout(20_000);
      const id = gateway.addTask({ startStage: 'SUCCESS', dialect: 'newapi' });
      const childEnv = { PATH: process.env.PATH ?? '', SUNO_API_KEY: KEY, SUNO_BASE_URL: gateway.url };
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'fetch', id, '--json'], { env: childEnv });
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 1);
      assert.equal((JSON.parse(lines[0]) as Task).id, id);

      await assert.rejects(promisify(execFile)(process.execPath, [cli, 'fetch', 'unknown-task-id', '--json'], { env: childEnv }), (error: {
        code: number;
        stdout: string;
      }) => {
        assert.equal(error.code, 1);
        assert.equal((JSON.parse(error.stdout) as { error: { kind: string } }).error.kind, 'not_found');
        return true;
      });
    });

    it('submits a song document read from its standard input', async function () {
      this.timeout(20_000);
      const childEnv = { PATH: process.env.PATH ?? '', SUNO_API_KEY: KEY, SUNO_BASE_URL: gateway.url };
      const child = promisify(execFile)(process.execPath, [cli, 'submit', '-', '--json'], { env: childEnv });
      child.child.stdin?.end('---\ntitle: Piped\nstyle: folk\n---\n[Verse]\nFrom a pipe\n');
      const { stdout } = await child;
      const [submit] = gateway.submits;
      assert.deepEqual(JSON.parse(stdout), { id: submit.taskId, action: 'music', baseUrl: gateway.url });
      assert.equal((submit.body as { prompt: string }).prompt, '[Verse]\nFrom a pipe');
    });

    it('refuses a song left with the placeholders of the Chinese template, read from the translations beside it', async function () {
      this.timeout(20_000);
      const chinese = bundleLocalize(JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')));
      const template = songTemplate('chirp-v4', chinese);
      const submitsBefore = gateway.submits.length;
      const childEnv = { PATH: process.env.PATH ?? '', SUNO_API_KEY: KEY, SUNO_BASE_URL: gateway.url };
      const child = promisify(execFile)(process.execPath, [cli, 'submit', '-'], { env: childEnv });
      child.child.stdin?.end(template);
      await assert.rejects(child, (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /^<stdin>:2:8: error: Replace the template's placeholder <歌曲标题> with your own words\.$/m);
        assert.match(error.stderr, /<stdin> has 6 errors: nothing was submitted\.$/m);
        return true;
      });
      assert.equal(gateway.submits.length, submitsBefore, 'nothing reached the gateway');
    });
  });
});

describe('human output', () => {
  const clip = (overrides: Partial<Clip> = {}): Clip =>
    buildClip({ audioUrl: 'https://cdn1.suno.ai/clip-1.mp3', durationSeconds: 219.28, model: 'chirp-v4', ...overrides });
  const task = (overrides: Partial<Task> = {}): Task =>
    buildTask({ clips: [clip(), clip({ id: 'clip-2' })], fetchedAt: '2024-09-21T12:00:00.000Z', ...overrides });

  it('formats the summary and clip lines', () => {
    assert.equal(formatTaskLine(task()), 'task-1  succeeded  100%  "City Lights"  2 clips');
    assert.equal(formatClipLine(clip()), '    "City Lights"  3:39  chirp-v4  https://cdn1.suno.ai/clip-1.mp3');
    assert.equal(
      formatClipLine(clip({ status: 'running', isStreaming: true, durationSeconds: null, audioUrl: 'https://audiopipe.suno.ai/?item_id=clip-1' })),
      '    "City Lights"  streaming  chirp-v4  https://audiopipe.suno.ai/?item_id=clip-1',
    );
  });

  it('shows a failure reason instead of a meaningless 100%', () => {
    assert.equal(
      formatTaskLine(task({ status: 'failed', rawStatus: 'FAILURE', failReason: 'time out', clips: [] })),
      'task-1  failed  "City Lights"  — time out',
    );
  });

  it('leaves out what is unknown', () => {
    assert.equal(formatTaskLine(task({ title: null, progress: null, clips: [], status: 'unknown', rawStatus: 'PAUSED' })), 'task-1  unknown (PAUSED)');
  });

  it('neutralises escape sequences and bidi overrides from the gateway', () => {
    const evil = task({ title: 'Song\u001b]0;pwned\u0007\u001b[2J\u202eevil\nnext' });
    const line = formatTaskLine(evil);
    const unsafe = [...line].filter((character) => {
      const code = character.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e);
    });
    assert.deepEqual(unsafe, [], JSON.stringify(line));
    assert.match(line, /"Song\]0;pwned\[2Jevil next"/);
    assert.equal(terminalLine('a\r\nb\tc'), 'a b c');
    assert.equal(terminalBlock('a\r\nb\u001b[31m'), 'a\nb[31m');
    const lyrics = formatTask(task({ action: 'lyrics', clips: [], lyrics: 'one\u001b[1A\ntwo' }));
    assert.deepEqual(lyrics.slice(1), ['    one[1A', '    two']);
  });
});
