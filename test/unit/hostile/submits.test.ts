// Hostile submits: answers to a submit that are huge, marked up, wrongly typed or misleading, and
// submit bodies that try the local gateway. Each outcome is asserted exactly: which id, which
// error, how many requests.
import * as assert from 'node:assert/strict';
import { GatewayClient } from '../../../src/core/gateway/gatewayClient';
import { MAX_RETRY_AFTER_MS } from '../../../src/core/gateway/retryAfter';
import { GatewayError, type GatewayErrorKind } from '../../../src/core/gatewayError';
import type { SubmitRequest } from '../../../src/core/wire/submitBodies';
import { LocalGateway } from '../../../src/localGateway/localGateway';

const BASE_URL = 'https://gateway.example';
const KEY = 'sk-hostile-submit-key';
const SONG: SubmitRequest = { action: 'music', body: { prompt: 'la', mv: 'chirp-v4', title: 'T', tags: 'pop', make_instrumental: false } };

/** A client whose every request is answered with `body`; `calls` counts the requests. */
function clientAnswering(body: string, status = 200, headers: Record<string, string> = {}): { client: GatewayClient; calls: () => number } {
  let calls = 0;
  const client = new GatewayClient({
    baseUrl: BASE_URL,
    apiKey: KEY,
    fetch: () => {
      calls += 1;
      return Promise.resolve(new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } }));
    },
  });
  return { client, calls: () => calls };
}

async function outcome(body: string, status = 200, headers: Record<string, string> = {}): Promise<{ result: string | GatewayError; calls: number }> {
  const { client, calls } = clientAnswering(body, status, headers);
  try {
    return { result: await client.submit(SONG), calls: calls() };
  } catch (error) {
    assert.ok(error instanceof GatewayError, String(error));
    return { result: error, calls: calls() };
  }
}

async function failsAs(body: string, kind: GatewayErrorKind, status = 200, headers: Record<string, string> = {}): Promise<GatewayError> {
  const { result, calls } = await outcome(body, status, headers);
  assert.ok(result instanceof GatewayError, `expected ${kind}, got the id ${String(result)}`);
  assert.equal(result.kind, kind, result.message);
  assert.equal(calls, 1, 'sent once, never again');
  return result;
}

describe('Hostile submit answers', () => {
  it('clips a megabyte-long reason and keeps it on one line', async () => {
    const error = await failsAs(JSON.stringify({ code: 'invalid_request', message: `${'bad\n'.repeat(250_000)}`, data: null }), 'invalid_input', 400);
    assert.ok((error.gatewayMessage ?? '').length <= 500);
    assert.doesNotMatch(error.gatewayMessage ?? '', /\n/);
  });

  it('keeps markup in a quota reason as text (the adapters make it inert), and stays quota', async () => {
    const error = await failsAs(JSON.stringify({ code: 'quota_not_enough', message: '[Top up](command:workbench.action.quit) $(alert)', data: null }), 'quota', 403);
    assert.equal(error.gatewayMessage, '[Top up](command:workbench.action.quit) $(alert)');
  });

  it('quotes a reason named like an Object property as it is', async () => {
    for (const reason of ['constructor', 'toString', '__proto__']) {
      const error = await failsAs(JSON.stringify({ code: 'invalid_request', message: reason, data: null }), 'invalid_input', 400);
      assert.doesNotMatch(error.message, /function|\[object/, error.message);
      assert.ok(error.message.endsWith(`: ${reason}.`), error.message);
    }
  });

  it('bounds a 429 that asks for a year of waiting to an hour', async () => {
    const error = await failsAs(JSON.stringify({ error: { message: 'slow down' } }), 'rate_limited', 429, { 'Retry-After': '31536000' });
    assert.equal(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  });

  it('reads a 200 that is an error envelope as the refusal it is, not as an id', async () => {
    await failsAs(JSON.stringify({ code: 'invalid_request', message: 'prompt_empty', data: 'task_0123' }), 'invalid_input');
  });

  it('refuses an id hidden in a message, a nested data or an error envelope', async () => {
    await failsAs(JSON.stringify({ code: 'error', message: 'task_0123456789abcdef0123456789abcdef', data: null }), 'bad_response');
    await failsAs(JSON.stringify({ code: 'success', data: { data: 'task_0123456789abcdef0123456789abcdef' } }), 'bad_response');
  });

  it('refuses a success answer over the size cap without reading it all', async () => {
    const error = await failsAs(`{"code":"success","message":"${' '.repeat(10_000_001)}","data":"abc"}`, 'bad_response');
    assert.match(error.message, /too large/);
  });

  it('never lets the key through when the answer echoes it as the new id', async () => {
    const { result } = await outcome(JSON.stringify({ code: 'success', data: KEY }));
    // The body is redacted before it is read: the "id" becomes *** and is refused.
    assert.ok(result instanceof GatewayError);
    assert.ok(!result.message.includes(KEY));
  });
});

describe('Hostile submits to the local gateway', () => {
  let gateway: LocalGateway;

  beforeEach(async () => {
    gateway = await LocalGateway.start();
  });

  afterEach(async () => {
    await gateway.close();
  });

  async function post(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${gateway.url}/suno/submit/music`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-key', 'Content-Type': 'application/json' },
      body,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('stops reading a body over a megabyte and makes no task', async () => {
    // The gateway answers 413 and cuts the connection, so the sender may see either.
    const status = await post(JSON.stringify({ ...SONG.body, prompt: 'x'.repeat(1_100_000) })).then(
      (answer) => answer.status,
      () => 'connection cut',
    );
    assert.ok(status === 413 || status === 'connection cut', String(status));
    assert.equal(gateway.listTasks().length, 0);
    assert.equal(gateway.submits.length, 0);
  });

  it('serves markup, codicons and bidi controls in what was submitted back verbatim, as a gateway would', async () => {
    const title = '[x](command:workbench.action.quit) $(alert) \u202eevil';
    const answer = await post(JSON.stringify({ ...SONG.body, title }));
    const id = String(answer.json.data);
    const client = new GatewayClient({ baseUrl: gateway.url, apiKey: 'test-key' });
    gateway.setStage(id, 'SUCCESS');
    assert.equal((await client.fetchTask(id)).title, title);
  });

  it('takes the last of two equal keys, as new-api does, and records the body as parsed', async () => {
    const answer = await post('{"prompt":"first","prompt":"second","mv":"chirp-v4","title":"T","tags":"pop"}');
    assert.equal(answer.status, 200);
    assert.equal(gateway.submits[0].forwarded?.prompt, 'second');
  });

  it('ignores a __proto__ key and refuses a continue_at past a day', async () => {
    const proto = await post('{"prompt":"la","mv":"chirp-v4","__proto__":{"polluted":true}}');
    assert.equal(proto.status, 200);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const far = await post(JSON.stringify({ ...SONG.body, task_id: String(proto.json.data), continue_clip_id: 'c', continue_at: 1e12 }));
    assert.equal(far.status, 400);
    assert.equal(far.json.code, 'invalid_request');
  });
});
