import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { GatewayClient, type GatewayClientOptions, type RequestLogEntry } from '../../src/core/gateway/gatewayClient';
import { GatewayError, type GatewayErrorKind } from '../../src/core/gatewayError';
import type { CustomSongBody, DescriptionSongBody, ExtendSongBody, LyricsBody, MusicBody, SubmitRequest } from '../../src/core/wire/submitBodies';
import { fetchAbortingOnlyAfter } from './support/abortAfter';
import { answeringServer } from './support/answeringServer';
import { rejection } from './support/rejection';
import { closedPort } from './support/closedPort';

const KEY = 'sk-submit-test-key';
const NEW_ID = '7d3f1c2a-9b4e-4f6a-8c1d-2e5f7a9b0c3d';

const song: CustomSongBody = { prompt: '[Verse]\nHello', mv: 'chirp-v4', title: 'City Lights', tags: 'pop', make_instrumental: false };
const description: DescriptionSongBody = { gpt_description_prompt: 'a song about the sea', mv: 'chirp-auk', make_instrumental: true };
const extension: ExtendSongBody = {
  ...song,
  task_id: '469a479492f64ff4bb8d2ac3a85396f8',
  continue_clip_id: '971c0fb8-5ad9-4fbc-9505-842edf39dba6',
  continue_at: 80,
};
const lyrics: LyricsBody = { prompt: 'a bright pop song about the sea' };
const music = (body: MusicBody): SubmitRequest => ({ action: 'music', body });

type Answer = (response: ServerResponse, body: string) => void;

function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return (response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(typeof value === 'string' ? value : JSON.stringify(value));
  };
}

describe('GatewayClient.submit', () => {
  let answer: Answer;
  let server: Awaited<ReturnType<typeof answeringServer>>;
  let log: RequestLogEntry[];

  const client = (options: Partial<GatewayClientOptions> = {}): GatewayClient =>
    new GatewayClient({ baseUrl: server.url, apiKey: KEY, onRequest: (entry) => log.push(entry), ...options });

  /** Submits `request` against `reply` and returns the error, checking it was sent exactly once. */
  async function refused(reply: Answer, kind: GatewayErrorKind, request: SubmitRequest = music(song)): Promise<GatewayError> {
    answer = reply;
    const error = await rejection(client().submit(request), kind);
    assert.equal(server.seen.length, 1, 'a submit is sent exactly once');
    return error;
  }

  beforeEach(async () => {
    answer = json(200, { code: 'success', message: '', data: NEW_ID });
    server = await answeringServer((_request, response, body) => answer(response, body));
    log = [];
  });

  afterEach(async () => {
    await server.close();
  });

  describe('what it sends', () => {
    for (const [name, request, path] of [
      ['a song', music(song), '/suno/submit/music'],
      ['a song from a description', music(description), '/suno/submit/music'],
      ['a continuation', music(extension), '/suno/submit/music'],
      ['lyrics', { action: 'lyrics', body: lyrics } as SubmitRequest, '/suno/submit/lyrics'],
    ] as const) {
      it(`posts ${name} as JSON to ${path} with the key, and returns the new id`, async () => {
        assert.equal(await client().submit(request), NEW_ID);
        assert.equal(server.seen.length, 1);
        const [seen] = server.seen;
        assert.equal(seen.method, 'POST');
        assert.equal(seen.url, path);
        assert.equal(seen.headers.authorization, `Bearer ${KEY}`);
        assert.match(seen.headers['content-type'] ?? '', /^application\/json/);
        assert.deepEqual(JSON.parse(seen.body), request.body);
        assert.deepEqual(
          log.map((entry) => [entry.method, entry.url, entry.httpStatus, entry.error]),
          [['POST', `${server.url}${path}`, 200, null]],
        );
      });
    }

    it("posts below a base URL pasted with /v1, and takes new-api's task_ ids", async () => {
      answer = json(200, { code: 'success', message: '', data: 'task_AbCdEfGhIjKlMnOpQrStUvWxYz012345' });
      assert.equal(await client({ baseUrl: `${server.url}/v1/` }).submit(music(song)), 'task_AbCdEfGhIjKlMnOpQrStUvWxYz012345');
      assert.equal(server.seen[0].url, '/suno/submit/music');
    });

    it('takes a success answer sent as text/plain with other fields beside it', async () => {
      answer = (response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(JSON.stringify({ code: 'SUCCESS', message: '', data: ` ${NEW_ID} `, request_id: 'x' }));
      };
      assert.equal(await client().submit(music(song)), NEW_ID);
    });

    it('sends nothing without a key, or with a body far too large', async () => {
      await rejection(client({ apiKey: undefined }).submit(music(song)), 'auth');
      await rejection(client().submit(music({ ...song, prompt: 'x'.repeat(1_000_001) })), 'invalid_input');
      assert.equal(server.seen.length, 0);
    });
  });

  describe('answers without a usable id', () => {
    const bodies: [string, string][] = [
      ['data null', '{"code":"success","message":"","data":null}'],
      ['a number', '{"code":"success","data":123456}'],
      ['an array', `{"code":"success","data":["${NEW_ID}"]}`],
      ['an object', `{"code":"success","data":{"task_id":"${NEW_ID}"}}`],
      ['an empty id', '{"code":"success","data":""}'],
      ['a huge id', `{"code":"success","data":"${'a'.repeat(5000)}"}`],
      ['markup', '{"code":"success","data":"[x](command:workbench.action.quit)"}'],
      ['a codicon', '{"code":"success","data":"$(alert)"}'],
      ['a path', '{"code":"success","data":"../../x"}'],
      ['a bidi control', '{"code":"success","data":"abc\\u202edef"}'],
      ['two data keys', `{"code":"success","data":"${NEW_ID}","data":"b1b2b3"}`],
      ['two code keys', `{"code":"error","code":"success","data":"${NEW_ID}"}`],
      ['no code', `{"data":"${NEW_ID}"}`],
      ['a top-level array', `["${NEW_ID}"]`],
      ['an empty body', ''],
      ['truncated JSON', `{"code":"success","data":"${NEW_ID}`],
    ];
    for (const [name, body] of bodies) {
      it(`is a bad_response that says to check before submitting again: ${name}`, async () => {
        const error = await refused(json(200, body), 'bad_response');
        assert.match(error.message, /may or may not have accepted the submit: check its console or task list before submitting again/);
        assert.ok(!error.message.includes('\u202e'), 'no bidi control in the message');
      });
    }

    it('refuses an answer that names the task being continued as the new one', async () => {
      const error = await refused(json(200, { code: 'success', data: extension.task_id }), 'bad_response', music(extension));
      assert.match(error.message, /named the task being continued/);
    });

    it('reads keys inside strings and nested objects as no repeat', async () => {
      answer = json(200, `{"code":"success","message":"\\"data\\": 1","data":"${NEW_ID}","extra":{"data":2,"code":"x"}}`);
      assert.equal(await client().submit(music(song)), NEW_ID);
    });
  });

  describe('refusals', () => {
    for (const reason of ['prompt_empty', 'invalid_action', 'task id is empty']) {
      it(`400 invalid_request "${reason}" is invalid_input with the gateway's reason`, async () => {
        const error = await refused(json(400, { code: 'invalid_request', message: reason, data: null }), 'invalid_input');
        assert.equal(error.gatewayMessage, reason);
        assert.equal(error.httpStatus, 400);
        assert.ok(error.message.includes(reason));
      });
    }

    it('400 task_not_exist on a continuation is not_found, naming another gateway or account', async () => {
      const error = await refused(json(400, { code: 'task_not_exist', message: 'task_not_exist', data: null }), 'not_found', music(extension));
      assert.match(error.message, /created on another gateway or with another API key/);
    });

    const quotaAnswers: [string, Answer][] = [
      ['403 quota_not_enough', json(403, { code: 'quota_not_enough', message: 'user quota is not enough', data: null })],
      ['402 without a body', json(402, '')],
      ['402 in plain text', (response) => response.writeHead(402, { 'Content-Type': 'text/plain' }).end('Payment Required')],
      ['429 "insufficient balance"', json(429, { error: { message: 'Insufficient balance, please top up', type: 'new_api_error', code: '' } })],
      ['403 "余额不足"', json(403, { error: { message: '用户余额不足', type: 'new_api_error', code: '' } })],
      ['400 "额度不足"', json(400, { code: 'invalid_request', message: '令牌额度不足', data: null })],
      ['429 insufficient_quota', json(429, { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' } })],
      ['200 with quota_not_enough', json(200, { code: 'quota_not_enough', message: 'user quota is not enough', data: null })],
    ];
    for (const [name, reply] of quotaAnswers) {
      it(`${name} is quota, never auth`, async () => {
        const error = await refused(reply, 'quota');
        assert.match(error.message, /balance is too low/);
        assert.match(error.message, /The API key is fine/);
      });
    }

    it('401 is auth', async () => {
      const error = await refused(json(401, { error: { message: '无效的令牌', type: 'new_api_error', code: '' } }), 'auth');
      assert.equal(error.gatewayMessage, '无效的令牌');
    });

    it('403 without a word about the balance is auth', async () => {
      await refused(json(403, { error: { message: 'token has expired', type: 'new_api_error', code: '' } }), 'auth');
    });

    it("429 (new-api's upstream saturated text) is rate_limited with the wait asked for", async () => {
      const reply = json(429, { error: { message: '当前分组上游负载已饱和，请稍后再试', type: 'new_api_error', code: '' } }, { 'Retry-After': '7' });
      const error = await refused(reply, 'rate_limited');
      assert.equal(error.retryAfterMs, 7000);
    });

    it('the upstream saturated text with another status is rate_limited too', async () => {
      await refused(json(400, { code: 'invalid_request', message: '当前分组上游负载已饱和，请稍后再试', data: null }), 'rate_limited');
    });

    const serverAnswers: [string, Answer][] = [
      ['500 fail_to_fetch_task', json(500, { code: 'fail_to_fetch_task', message: '{"detail":"upstream error"}', data: null })],
      ['400 fail_to_fetch_task (the upstream status)', json(400, { code: 'fail_to_fetch_task', message: 'bad upstream', data: null })],
      ['500 submit_failed (one-hub)', json(500, { code: 'submit_failed', message: 'submit failed', data: null })],
      ['503 provider_not_found (one-hub)', json(503, { code: 'provider_not_found', message: 'no provider', data: null })],
      ['502 from a proxy, as HTML', (response) => response.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head></html>')],
      ['503 with quota words from upstream', json(503, { code: 'upstream_error', message: 'upstream quota exceeded', data: null })],
    ];
    for (const [name, reply] of serverAnswers) {
      it(`${name} is server`, async () => {
        await refused(reply, 'server');
      });
    }

    it('an HTML page with 200 is bad_response naming the page', async () => {
      const error = await refused(
        (response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><head><title>Console</title></head></html>'),
        'bad_response',
      );
      assert.match(error.message, /HTML page titled "Console"/);
    });

    it('does not follow a redirect, which would send the submit again elsewhere', async () => {
      await refused((response) => response.writeHead(307, { Location: '/elsewhere' }).end(), 'bad_response');
    });

    it('never puts the key in an error or the log, even when the gateway echoes it', async () => {
      const error = await refused(json(400, { code: 'invalid_request', message: `bad token ${KEY}`, data: null }), 'invalid_input');
      for (const text of [error.message, error.gatewayMessage ?? '', JSON.stringify(error), JSON.stringify(log)]) {
        assert.ok(!text.includes(KEY), `the key leaked into ${text}`);
      }
    });
  });

  describe('a lost answer', () => {
    it('is outcome_unknown when the gateway takes the body and never answers', async () => {
      answer = () => undefined;
      const fetch = fetchAbortingOnlyAfter(() => server.seen.length > 0);
      const error = await rejection(client({ timeoutMs: 100, fetch }).submit(music(song)), 'outcome_unknown');
      assert.equal(server.seen.length, 1);
      assert.match(error.message, /may or may not have accepted the submit/);
      assert.match(error.message, /before submitting again/);
      assert.equal(log.length, 1);
      assert.equal(log[0].httpStatus, null);
    });

    it('is outcome_unknown when the connection drops after the body arrived', async () => {
      answer = (response) => response.socket?.destroy();
      await refused(answer, 'outcome_unknown');
    });

    it('is outcome_unknown when the answer breaks off', async () => {
      answer = (response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
        response.write('{"code":"success","da');
        setImmediate(() => response.socket?.destroy());
      };
      const error = await refused(answer, 'outcome_unknown');
      assert.equal(error.httpStatus, 200);
    });

    it('is network, saying nothing was submitted, when the connection is refused', async () => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const error = await rejection(client({ baseUrl: url }).submit(music(song)), 'network');
      assert.match(error.message, /Nothing was submitted/);
    });

    it('is network when the host name does not resolve', async () => {
      const error = await rejection(client({ baseUrl: 'http://gateway.invalid' }).submit(music(song)), 'network');
      assert.match(error.message, /could not be resolved/);
    });
  });
});
