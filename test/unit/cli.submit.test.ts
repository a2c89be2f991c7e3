import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BatchSupportMemory, GatewayClient } from '../../src/core/gateway/gatewayClient';
import { DEFAULT_MODEL_ID } from '../../src/core/song/modelId';
import type { Task } from '../../src/core/task/model';
import { LocalGateway } from '../../src/localGateway/localGateway';
import type { SubmitFault } from '../../src/localGateway/submitFaults';
import { parseLines, runCli, type CliRun } from './support/cliRun';

const KEY = 'test-key';

const SONG = ['---', 'title: City Lights', 'style: emotional punk, female vocals', 'exclude: country', 'model: chirp-v4', '---', '[Verse]', 'City lights are calling', ''].join('\n');

/** Characters no terminal line may carry: C0 (but tab), DEL, C1, bidi controls. */
function unsafeCharacters(text: string): string[] {
  return [...text].filter((character) => {
    const code = character.codePointAt(0) ?? 0;
    return (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  });
}

describe('suno-task submit and extend', () => {
  let gateway: LocalGateway;
  let env: Record<string, string | undefined>;
  let folder: string;

  const run = (argv: string[], extra: Parameters<typeof runCli>[2] = {}, environment = env): Promise<CliRun> => runCli(argv, environment, extra);
  const fast = (): Record<string, string | undefined> => ({ ...env, SUNO_ALLOW_FAST_POLL: '1' });
  const stdinOf = (text: string | Buffer): Readable => Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);

  function songFile(text: string | Buffer, name = 'song.suno'): string {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  }

  /** The body of the only submit the gateway received. */
  function onlySubmit(): { path: string; body: Record<string, unknown> } {
    assert.equal(gateway.submits.length, 1, 'exactly one submit');
    const [record] = gateway.submits;
    return { path: record.path, body: record.body as Record<string, unknown> };
  }

  function assertNothingSent(result: CliRun): void {
    assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.deepEqual(gateway.submits, []);
    assert.deepEqual(gateway.requests, []);
  }

  async function finishedTask(id: string): Promise<Task> {
    const client = new GatewayClient({ baseUrl: gateway.url, apiKey: KEY, batchSupport: new BatchSupportMemory() });
    gateway.setStage(id, 'SUCCESS');
    return client.fetchTask(id);
  }

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    env = { SUNO_API_KEY: KEY, SUNO_BASE_URL: gateway.url };
    folder = mkdtempSync(join(tmpdir(), 'suno-task-submit-'));
  });

  afterEach(async () => {
    await gateway.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('a song document', () => {
    it('sends every field of the document and prints the new task id, exit 0', async () => {
      const result = await run(['submit', songFile(SONG)]);
      assert.equal(result.code, 0, result.stderr);
      const { path, body } = onlySubmit();
      assert.equal(path, '/suno/submit/music');
      assert.deepEqual(Object.keys(body).sort(), ['make_instrumental', 'mv', 'negative_tags', 'prompt', 'tags', 'title']);
      assert.equal(body.prompt, '[Verse]\nCity lights are calling');
      assert.equal(body.mv, 'chirp-v4');
      assert.equal(body.title, 'City Lights');
      assert.equal(body.tags, 'emotional punk, female vocals');
      assert.equal(body.negative_tags, 'country');
      assert.equal(body.make_instrumental, false);
      assert.deepEqual(result.lines, [gateway.submits[0].taskId]);
      assert.equal(result.stderr, '');
    });

    it('sends an instrumental without its lyrics', async () => {
      const result = await run(['submit', songFile('---\nstyle: ambient piano\ninstrumental: true\n---\n')]);
      assert.equal(result.code, 0, result.stderr);
      const { body } = onlySubmit();
      assert.equal(body.prompt, '');
      assert.equal(body.make_instrumental, true);
      assert.equal(body.tags, 'ambient piano');
      assert.equal(body.title, '');
      assert.equal(body.mv, DEFAULT_MODEL_ID);
      assert.equal('negative_tags' in body, false);
    });

    it('reads the document from standard input with -', async () => {
      const result = await run(['submit', '-', '--json'], { stdin: stdinOf(SONG) });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(onlySubmit().body.prompt, '[Verse]\nCity lights are calling');
      assert.equal(parseLines(result.lines)[0].id, gateway.submits[0].taskId);
    });

    it('takes the model from --model, else the document, else the default, and checks lengths against the one sent', async () => {
      const long = `---\nmodel: chirp-v4\n---\n${'la '.repeat(1300)}`;
      const refused = await run(['submit', songFile(long)]);
      assertNothingSent(refused);
      assert.match(refused.stderr, /song\.suno:4:3001: error: The lyrics have 3899 characters; v4 \(chirp-v4\) takes at most 3000/);

      const overridden = await run(['submit', songFile(long), '--model', 'chirp-auk']);
      assert.equal(overridden.code, 0, overridden.stderr);
      assert.equal(onlySubmit().body.mv, 'chirp-auk');

      gateway.clearSubmits();
      const noModelLine = songFile('[Verse]\nOne line', 'plain.suno');
      assert.equal((await run(['submit', noModelLine])).code, 0);
      assert.equal(onlySubmit().body.mv, DEFAULT_MODEL_ID);

      gateway.clearSubmits();
      assert.equal((await run(['submit', noModelLine, '--model', 'chirp-crow'])).code, 0);
      assert.equal(onlySubmit().body.mv, 'chirp-crow');
    });

    it('prints each problem with its line and column and sends nothing when one is an error, exit 2', async () => {
      const text = ['---', 'title: <Song title>', 'tag: rock', 'Model: chirp-auk', '---', '[Verse]', 'One line', ''].join('\n');
      const result = await run(['submit', songFile(text)]);
      assertNothingSent(result);
      const lines = result.stderr.trim().split('\n');
      assert.deepEqual(lines.slice(0, 3), [
        `${join(folder, 'song.suno')}:2:8: error: Replace the template's placeholder <Song title> with your own words.`,
        `${join(folder, 'song.suno')}:3:1: error: Unknown key "tag": it would not be sent. The keys are title, style, exclude, model, instrumental.`,
        `${join(folder, 'song.suno')}:4:1: warning: Write "Model" as "model": keys are lower case.`,
      ]);
      assert.match(lines[3], /song\.suno has 2 errors: nothing was submitted\.$/);
      assert.equal(lines.length, 4, 'no usage hint after a document problem');
    });

    it('prints warnings and still submits', async () => {
      const result = await run(['submit', '-'], { stdin: stdinOf('---\nTitle: Quiet\nstyle: lo-fi\ninstrumental: true\n---\nla la\n') });
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(result.stderr.split('\n'), [
        '<stdin>:2:1: warning: Write "Title" as "title": keys are lower case.',
        '<stdin>:4:15: warning: An instrumental is sent without its lyrics: the text below the front matter is not used.',
        '',
      ]);
      assert.equal(onlySubmit().body.title, 'Quiet');
      assert.equal(onlySubmit().body.prompt, '');
    });

    it('refuses an empty standard input', async () => {
      const result = await run(['submit', '-'], { stdin: stdinOf('') });
      assertNothingSent(result);
      assert.match(result.stderr, /^<stdin>:1:1: error: Nothing to make a song from/m);
    });
  });

  describe('--describe and --lyrics', () => {
    it('sends a description with the default model, exit 0', async () => {
      const result = await run(['submit', '--describe', '  a song about the sea  ']);
      assert.equal(result.code, 0, result.stderr);
      const { path, body } = onlySubmit();
      assert.equal(path, '/suno/submit/music');
      assert.deepEqual(body, { gpt_description_prompt: 'a song about the sea', mv: DEFAULT_MODEL_ID, make_instrumental: false });
    });

    it('sends an instrumental description in the model asked for', async () => {
      const result = await run(['submit', '--describe', 'rain on a tin roof', '--instrumental', '--model', 'chirp-bluejay']);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(onlySubmit().body, { gpt_description_prompt: 'rain on a tin roof', mv: 'chirp-bluejay', make_instrumental: true });
    });

    it('sends a lyrics prompt to the lyrics route; --json says so', async () => {
      const result = await run(['submit', '--lyrics', 'a bright pop song about the sea', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const { path, body } = onlySubmit();
      assert.equal(path, '/suno/submit/lyrics');
      assert.deepEqual(body, { prompt: 'a bright pop song about the sea' });
      const [line] = parseLines(result.lines);
      assert.deepEqual(line, { id: gateway.submits[0].taskId, action: 'lyrics', baseUrl: gateway.url });
    });

    it('prints {"id", "action", "baseUrl"} for a song', async () => {
      const result = await run(['submit', songFile(SONG), '--json', '--base-url', `${gateway.url}/v1/`]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.lines.length, 1);
      assert.deepEqual(JSON.parse(result.lines[0]), { id: gateway.submits[0].taskId, action: 'music', baseUrl: gateway.url });
    });

    it('refuses an empty or too long description or prompt, exit 2', async () => {
      for (const argv of [
        ['submit', '--describe', '   '],
        ['submit', '--describe', 'x'.repeat(501)],
        ['submit', '--lyrics', ''],
        ['submit', '--lyrics', 'y'.repeat(10_000)],
      ]) {
        const result = await run(argv);
        assertNothingSent(result);
        assert.match(result.stderr, /Nothing was submitted\./);
      }
    });
  });

  describe('--watch', () => {
    it('follows the new song to success like watch, exit 0', async () => {
      const result = await run(['submit', songFile(SONG), '--json', '--watch', '--interval', '0.01'], {}, fast());
      assert.equal(result.code, 0, result.stderr);
      const [submitted, ...states] = parseLines(result.lines);
      const id = gateway.submits[0].taskId;
      assert.deepEqual(submitted, { id, action: 'music', baseUrl: gateway.url });
      assert.ok(states.length >= 2, `expected several states, got ${states.length}`);
      assert.ok(states.every((state) => state.id === id));
      const last = states[states.length - 1];
      assert.equal(last.status, 'succeeded');
      assert.equal(last.title, 'City Lights');
      assert.equal(gateway.submits.length, 1);
    });

    it('follows a lyrics task and prints its text for people', async () => {
      const result = await run(['submit', '--lyrics', 'the sea', '--watch', '--interval', '0.01'], {}, fast());
      assert.equal(result.code, 0, result.stderr);
      const id = gateway.submits[0].taskId ?? '';
      assert.equal(result.lines[0], id);
      assert.ok(result.lines.some((line) => line.startsWith(`${id}  succeeded`)));
      assert.ok(result.lines.includes('    [Verse]'), result.stdout);
    });

    it('refuses a too short --interval before sending', async () => {
      const result = await run(['submit', songFile(SONG), '--watch', '--interval', '1']);
      assertNothingSent(result);
      assert.match(result.stderr, /at least 5 seconds/);
    });
  });

  describe('refusals by the gateway', () => {
    const cases: [string, SubmitFault, string, number | null, RegExp][] = [
      ['a low balance', { kind: 'quota' }, 'quota', 403, /balance is too low/],
      ['a low balance said in Chinese', { kind: 'quota', wording: 'yu_e_bu_zu' }, 'quota', 403, /balance is too low/],
      ['a 402', { kind: 'quota', wording: 'payment_required' }, 'quota', 402, /balance is too low/],
      ['an invalid request', { kind: 'invalid_request', message: 'prompt_empty' }, 'invalid_input', 400, /refused the submit as invalid.*prompt_empty/],
      ['a refused key', { kind: 'unauthorized' }, 'auth', 401, /API key/],
      ['a rate limit', { kind: 'rate_limit' }, 'rate_limited', 429, /HTTP 429/],
      ['upstream trouble', { kind: 'upstream' }, 'server', 500, /could not pass the submit on/],
      ['an HTML error page', { kind: 'html' }, 'server', 502, /HTTP 502/],
      ['a connection dropped after the submit arrived', { kind: 'reset' }, 'outcome_unknown', null, /may or may not have accepted the submit: check/],
    ];
    for (const [name, fault, kind, httpStatus, message] of cases) {
      it(`reports ${name} as ${kind}, exit 1, sent once`, async () => {
        gateway.setSubmitFault(fault);
        const result = await run(['submit', songFile(SONG), '--json', '--watch', '--interval', '0.01'], {}, fast());
        assert.equal(result.code, 1);
        assert.equal(result.lines.length, 1, 'no watch after a refusal');
        const [line] = parseLines(result.lines);
        assert.deepEqual(Object.keys(line), ['error']);
        const error = line.error as { kind: string; message: string; httpStatus: number | null };
        assert.deepEqual(Object.keys(error), ['kind', 'message', 'httpStatus']);
        assert.equal(error.kind, kind);
        assert.equal(error.httpStatus, httpStatus);
        assert.match(error.message, message);
        assert.match(result.stderr, message);
        assert.equal(gateway.submits.length, 1, 'never sent again');
        assert.deepEqual(gateway.requests, [], 'nothing fetched');
      });
    }

    it('says what to do for people, on stderr', async () => {
      gateway.setSubmitFault({ kind: 'quota' });
      const quota = await run(['submit', songFile(SONG)]);
      assert.equal(quota.code, 1);
      assert.equal(quota.stdout, '');
      assert.match(quota.stderr, /^suno-task: .*top it up on the gateway's site, then submit again\. The API key is fine\.\n$/);

      gateway.setSubmitFault({ kind: 'reset' });
      const lost = await run(['submit', '--describe', 'a sea shanty']);
      assert.equal(lost.code, 1);
      assert.match(lost.stderr, /after the submit was sent\. The gateway may or may not have accepted the submit: check its console or task list before submitting again/);
      // The gateway did take it: which is exactly why the user is told to look first.
      assert.notEqual(gateway.submits[1].taskId, null);
    });

    it('logs the submit with --verbose and never prints the key, accepted or refused', async () => {
      const secret = 'sk-submit-SECRET-0123456789';
      gateway.setApiKeys([secret]);
      const accepted = await run(['submit', songFile(SONG), '--verbose', '--json'], {}, { ...env, SUNO_API_KEY: secret });
      assert.equal(accepted.code, 0, accepted.stderr);
      assert.match(accepted.stderr, /^suno-task: POST http:\/\/127\.0\.0\.1:\d+\/suno\/submit\/music → HTTP 200 \(\d+ ms\)$/m);

      gateway.setSubmitFault({ kind: 'unauthorized' });
      const refused = await run(['submit', songFile(SONG), '--verbose', '--json'], {}, { ...env, SUNO_API_KEY: secret });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /HTTP 401/);
      for (const result of [accepted, refused]) {
        assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret));
      }
    });

    it('prints the gateway text of a refusal inert', async () => {
      gateway.setSubmitFault({ kind: 'invalid_request', message: 'bad\u001b]0;pwned\u0007\u001b[2J\u202eevil\nnext' });
      const result = await run(['submit', songFile(SONG)]);
      assert.equal(result.code, 1);
      assert.deepEqual(unsafeCharacters(result.stderr), []);
      assert.match(result.stderr, /bad\]0;pwned\[2Jevil next/);
    });

    it('reports a missing SUNO_API_KEY without sending, exit 1', async () => {
      const result = await run(['submit', songFile(SONG), '--json'], {}, { SUNO_BASE_URL: gateway.url });
      assert.equal(result.code, 1);
      const [line] = parseLines(result.lines);
      assert.deepEqual(line.error, { kind: 'auth', message: (line.error as { message: string }).message, httpStatus: null });
      assert.match(result.stderr, /SUNO_API_KEY/);
      assert.deepEqual(gateway.submits, []);
    });

    it('refuses plain http to a remote host without --allow-insecure-http, before sending', async () => {
      const calls: string[] = [];
      const fetch: typeof globalThis.fetch = (input) => {
        calls.push(String(input));
        return Promise.resolve(new Response('{"code":"success","message":"","data":"task_0123456789abcdef0123456789abcdef"}'));
      };
      const refused = await run(['submit', songFile(SONG), '--base-url', 'http://api.example.com'], { fetch });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--allow-insecure-http/);
      assert.deepEqual(calls, []);

      const allowed = await run(['submit', songFile(SONG), '--base-url', 'http://api.example.com', '--allow-insecure-http'], { fetch });
      assert.equal(allowed.code, 0, allowed.stderr);
      assert.deepEqual(calls, ['http://api.example.com/suno/submit/music']);
      assert.deepEqual(allowed.lines, ['task_0123456789abcdef0123456789abcdef']);
    });
  });

  describe('extend', () => {
    it('continues a clip with its model, title and style, as an instrumental, when no file is given', async () => {
      const taskId = gateway.addTask({ startStage: 'SUCCESS', title: 'Night Drive', tags: 'synthwave', model: 'chirp-v4' });
      const task = await finishedTask(taskId);
      const clip = task.clips[1];
      const result = await run(['extend', taskId, clip.id, '--at', '4.25', '--json']);
      // Without new lyrics the continuation is instrumental: new-api refuses an empty prompt otherwise.
      assert.equal(result.code, 0, result.stderr);
      const { path, body } = onlySubmit();
      assert.equal(path, '/suno/submit/music');
      assert.equal(body.task_id, taskId);
      assert.equal(body.continue_clip_id, clip.id);
      assert.equal(body.continue_at, 4.25);
      assert.equal(body.mv, 'chirp-v4');
      assert.equal(body.title, 'Night Drive');
      assert.equal(body.tags, 'synthwave');
      assert.equal(body.prompt, '');
      assert.equal(body.make_instrumental, true);
    });

    it('prints the continuation as a new task', async () => {
      const taskId = gateway.addTask({ startStage: 'SUCCESS' });
      const clip = (await finishedTask(taskId)).clips[0];
      const result = await run(['extend', taskId, clip.id, '--at', '3', songFile('[Outro]\nGoodnight'), '--json']);
      assert.equal(result.code, 0, result.stderr);
      const created = gateway.submits[0].taskId;
      assert.notEqual(created, taskId);
      assert.deepEqual(parseLines(result.lines), [{ id: created, action: 'music', baseUrl: gateway.url }]);
    });

    it('takes the lyrics, style and model of a song file, and follows the continuation with --watch', async () => {
      const taskId = gateway.addTask({ startStage: 'SUCCESS', model: 'chirp-v4' });
      const clip = (await finishedTask(taskId)).clips[0];
      const file = songFile('---\nstyle: darker\nmodel: chirp-auk\n---\n[Bridge]\nAnd then the lights went out\n');
      const result = await run(['extend', taskId, clip.id, '--at', '0', file, '--json', '--watch', '--interval', '0.01'], {}, fast());
      assert.equal(result.code, 0, result.stderr);
      const { body } = onlySubmit();
      assert.equal(body.prompt, '[Bridge]\nAnd then the lights went out');
      assert.equal(body.tags, 'darker');
      assert.equal(body.mv, 'chirp-auk');
      assert.equal(body.continue_at, 0);
      assert.equal(parseLines(result.lines).pop()?.status, 'succeeded');
    });

    it('checks the lyrics against the clip model once the task is known, and sends nothing', async () => {
      const taskId = gateway.addTask({ startStage: 'SUCCESS', model: 'chirp-v4' });
      const clip = (await finishedTask(taskId)).clips[0];
      const result = await run(['extend', taskId, clip.id, '--at', '0', songFile(`[Verse]\n${'la '.repeat(1100)}`)]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /song\.suno:2:\d+: error: The lyrics have \d+ characters; v4 \(chirp-v4\) takes at most 3000/);
      assert.deepEqual(gateway.submits, []);
    });

    it('refuses a point past the end of the clip, or a clip not in the task, without submitting', async () => {
      const taskId = gateway.addTask({ startStage: 'SUCCESS' });
      const task = await finishedTask(taskId);
      const clip = task.clips[0];
      const past = await run(['extend', taskId, clip.id, '--at', String(Math.ceil((clip.durationSeconds ?? 0) + 1))]);
      assert.equal(past.code, 2);
      assert.match(past.stderr, /continue from .* seconds or earlier/);

      const foreign = await run(['extend', taskId, 'not-a-clip-of-it', '--at', '1']);
      assert.equal(foreign.code, 2);
      assert.match(foreign.stderr, /not one of the task’s clips/);
      assert.deepEqual(gateway.submits, []);
    });

    it('reports a task this gateway does not know as not_found, exit 1', async () => {
      const result = await run(['extend', 'task_00000000000000000000000000000000', 'clip-1', '--at', '5', '--json']);
      assert.equal(result.code, 1);
      assert.equal((parseLines(result.lines)[0].error as { kind: string }).kind, 'not_found');
      assert.deepEqual(gateway.submits, []);
    });

    it('judges the song file before asking for the task', async () => {
      const result = await run(['extend', 'task_00000000000000000000000000000000', 'clip-1', '--at', '5', songFile('---\ngenre: rock\n---\n[Verse]\nx\n')]);
      assertNothingSent(result);
      assert.match(result.stderr, /song\.suno:2:1: error: Unknown key "genre"/);
    });
  });

  describe('wrong command lines: exit 2, nothing sent', () => {
    const cases: [string[], RegExp][] = [
      [['submit'], /one of: a song FILE/],
      [['submit', 'a.suno', 'b.suno'], /one song file/],
      [['submit', 'a.suno', '--describe', 'x'], /one of: a song FILE/],
      [['submit', '--describe', 'x', '--lyrics', 'y'], /one of: a song FILE/],
      [['submit', 'a.suno', '--instrumental'], /--instrumental goes with --describe/],
      [['submit', '--lyrics', 'x', '--model', 'chirp-auk'], /--model does not go with --lyrics/],
      [['submit', '--lyrics', 'x', '--at', '3'], /--at works with extend only/],
      [['submit', '--lyrics', 'x', '--interval', '10'], /--interval works with watch and --watch only/],
      [['fetch', 'abcdefgh-1', '--watch'], /--watch works with submit and extend only/],
      [['watch', 'abcdefgh-1', '--model', 'chirp-auk'], /--model works with submit only/],
      [['extend', 'task_1'], /extend takes TASK_ID CLIP_ID/],
      [['extend', 'task_12345678', 'clip-1'], /needs --at SECONDS/],
      [['extend', 'task_12345678', 'clip-1', 'a.suno', 'b.suno', '--at', '1'], /extend takes TASK_ID CLIP_ID/],
      [['extend', 'task_12345678', 'clip-1', '--at', '1', '--describe', 'x'], /--describe works with submit only/],
      [['submit', '--lyrics', 'the sea', '--lyrics', 'the sky'], /--lyrics is given more than once/],
      [['submit', '--describe', 'x', '--model', 'chirp-auk', '--model=chirp-v4'], /--model is given more than once/],
      [['fetch', 'abcdefgh-1', '--base-url', 'http://127.0.0.1:1', '--base-url', 'http://127.0.0.1:2'], /--base-url is given more than once/],
    ];
    for (const [argv, message] of cases) {
      it(argv.join(' '), async () => {
        const result = await run(argv);
        assertNothingSent(result);
        assert.match(result.stderr, message);
      });
    }
  });

  describe('hostile arguments and files', () => {
    it('refuses ids with markup or controls, inert', async () => {
      for (const [taskId, clipId] of [
        ['[x](command:workbench.action.quit)', 'clip-1'],
        ['task_12345678', '$(alert)'],
        ['task_12345678', 'clip\u202e1'],
        ['task_12345678', '../../suno/submit/music'],
        ['task\u001b[2J_12345678', 'clip-1'],
        ['task_12345678', 'c'.repeat(10_000)],
      ]) {
        const result = await run(['extend', taskId, clipId, '--at', '5']);
        assertNothingSent(result);
        assert.deepEqual(unsafeCharacters(result.stderr), [], JSON.stringify(result.stderr));
        assert.ok(result.stderr.length < 1000, 'a long id is not echoed whole');
      }
    });

    it('refuses --at that is no number of seconds', async () => {
      const cases: [string[], RegExp][] = [
        [['--at', '-5'], /argument is ambiguous|number of seconds/],
        [['--at=-5'], /number of seconds, 0 or more, not '-5'/],
        [['--at', 'NaN'], /not 'NaN'/],
        [['--at', 'Infinity'], /not 'Infinity'/],
        [['--at', '1e309'], /not '1e309'/],
        [['--at', '9'.repeat(400)], /number of seconds/],
        [['--at', '0x10'], /number of seconds/],
        [['--at', ''], /number of seconds/],
        [['--at', '1:20'], /--at takes seconds: write --at 80 for 1:20/],
      ];
      for (const [option, message] of cases) {
        const result = await run(['extend', 'task_12345678', 'clip-1', ...option]);
        assertNothingSent(result);
        assert.match(result.stderr, message, option.join(' '));
      }
    });

    it('refuses a 10 MB file, a 10 MB standard input, a missing file, a folder and a binary file', async () => {
      const huge = songFile(Buffer.alloc(10 * 1024 * 1024, 0x61), 'huge.suno');
      const cases: [string[], Parameters<typeof runCli>[2], RegExp][] = [
        [['submit', huge], {}, /huge\.suno is larger than 1000000 bytes/],
        [['submit', '-'], { stdin: Readable.from(Array.from({ length: 160 }, () => Buffer.alloc(64 * 1024, 0x61))) }, /<stdin> is larger than 1000000 bytes/],
        [['submit', join(folder, 'missing.suno')], {}, /cannot read .*missing\.suno: no such file/],
        [['submit', folder], {}, /is a folder, not a song file/],
        [['submit', songFile(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), 'binary.suno')], {}, /binary\.suno is not UTF-8 text/],
        [['extend', 'task_12345678', 'clip-1', '--at', '1', join(folder, 'missing.suno')], {}, /no such file/],
      ];
      for (const [argv, extra, message] of cases) {
        const result = await run(argv, extra);
        assertNothingSent(result);
        assert.match(result.stderr, message);
      }
    });

    it('does not echo a whole huge file name', async () => {
      const result = await run(['submit', join(folder, 'a'.repeat(20_000))]);
      assertNothingSent(result);
      assert.match(result.stderr, /cannot read .*a…: /);
      assert.ok(result.stderr.length < 1000, `${result.stderr.length} characters`);
    });

    it('prints a file name and document text with control characters inert', async () => {
      const name = 'evil\u001b[2J\u202e.suno';
      const result = await run(['submit', songFile('---\nti\u001b]0;x\u0007tle: x\n---\n', name)]);
      assertNothingSent(result);
      assert.deepEqual(unsafeCharacters(result.stderr), [], JSON.stringify(result.stderr));
      assert.match(result.stderr, /evil\[2J\.suno:2:1: error: /);
    });

    it('refuses a --model that is no model id', async () => {
      for (const model of ['$(alert)', '[x](command:evil)', 'chirp auk', '', '-']) {
        const result = await run(['submit', songFile(SONG), `--model=${model}`]);
        assertNothingSent(result);
        assert.match(result.stderr, /--model needs a model id/);
        assert.deepEqual(unsafeCharacters(result.stderr), []);
      }
    });
  });

  it('documents submit and extend in --help', async () => {
    const result = await run(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /suno-task submit FILE/);
    assert.match(result.stdout, /suno-task submit --describe "TEXT" \[--instrumental\]/);
    assert.match(result.stdout, /suno-task submit --lyrics "TEXT"/);
    assert.match(result.stdout, /suno-task extend TASK_ID CLIP_ID --at SECONDS \[FILE\]/);
  });
});
