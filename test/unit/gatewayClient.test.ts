import * as assert from 'node:assert/strict';
import { BatchSupportMemory } from '../../src/core/gateway/batchSupportMemory';
import { GatewayClient, type GatewayClientOptions, type RequestLogEntry } from '../../src/core/gateway/gatewayClient';
import { GatewayError } from '../../src/core/gatewayError';
import type { Task } from '../../src/core/task/model';
import { parseRetryAfter } from '../../src/core/gateway/retryAfter';
import { gatewayMessageOf, isTaskNotExist } from '../../src/core/wire/answerBody';
import { LocalGateway, type Dialect } from '../../src/localGateway/localGateway';
import { answeringServer } from './support/answeringServer';
import { rejection } from './support/rejection';

const KEY = 'test-key';
const DIALECTS: Dialect[] = ['native', 'flat', 'goapi', 'newapi', 'lyrics'];

function isTask(value: Task | GatewayError | undefined): value is Task {
  return value !== undefined && !(value instanceof GatewayError);
}

describe('GatewayClient', () => {
  let gateway: LocalGateway;
  let log: RequestLogEntry[];
  let memory: BatchSupportMemory;

  const client = (options: Partial<GatewayClientOptions> = {}): GatewayClient =>
    new GatewayClient({
      baseUrl: gateway.url,
      apiKey: KEY,
      onRequest: (entry) => log.push(entry),
      batchSupport: memory,
      ...options,
    });

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    log = [];
    memory = new BatchSupportMemory();
  });

  afterEach(async () => {
    await gateway.close();
  });

  describe('fetchTask', () => {
    for (const dialect of DIALECTS) {
      it(`reads a ${dialect} task from GET /suno/fetch/{id}`, async () => {
        const id = gateway.addTask({ dialect, startStage: 'SUCCESS', title: 'City Lights' });
        const task = await client().fetchTask(id);
        assert.equal(task.id, id);
        assert.equal(task.baseUrl, gateway.url);
        assert.equal(task.status, 'succeeded');
        assert.equal(task.title, 'City Lights');
        assert.equal(task.action, dialect === 'lyrics' ? 'lyrics' : 'music');
        assert.deepEqual(
          gateway.requests.map((request) => [request.method, request.path, request.authorized]),
          [['GET', `/suno/fetch/${id}`, true]],
        );
      });
    }

    it('normalises a pasted base URL before building request URLs', async () => {
      const id = gateway.addTask({ startStage: 'QUEUED' });
      const pasted = client({ baseUrl: ` ${gateway.url}/v1/ ` });
      assert.equal(pasted.baseUrl, gateway.url);
      const task = await pasted.fetchTask(id);
      assert.equal(task.status, 'pending');
      assert.equal(gateway.requests[0].path, `/suno/fetch/${id}`);
    });

    it('refuses ids that could change the path, without a request', async () => {
      for (const id of ['odd/id?x=1#frag%', '..', '.', '%2e%2e', 'a b']) {
        await rejection(client().fetchTask(id), 'invalid_input');
      }
      assert.equal(gateway.requests.length, 0);
    });

    it('puts an id with dots into the path as it is', async () => {
      const id = gateway.addTask({ id: 'v1.task-9_x', startStage: 'SUCCESS' });
      const task = await client().fetchTask(id);
      assert.equal(task.id, id);
      assert.equal(gateway.requests[0].path, '/suno/fetch/v1.task-9_x');
    });

    it('sends the key as a bearer token and asks for JSON', async () => {
      const server = await answeringServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'success', message: '', data: { task_id: 'abc', action: 'MUSIC', status: 'SUCCESS', data: [] } }));
      });
      try {
        await client({ baseUrl: server.url }).fetchTask('abc');
        assert.equal(server.seen[0].headers.authorization, `Bearer ${KEY}`);
        assert.equal(server.seen[0].headers.accept, 'application/json');
        assert.equal(server.seen[0].method, 'GET');
      } finally {
        await server.close();
      }
    });

    it('trims the id and refuses an empty or spaced one without a request', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      assert.equal((await client().fetchTask(`  ${id}\n`)).id, id);
      await rejection(client().fetchTask('   '), 'invalid_input');
      await rejection(client().fetchTask('two ids'), 'invalid_input');
      await rejection(client().fetchTask('x'.repeat(201)), 'invalid_input');
      assert.equal(gateway.requests.length, 1);
    });

    it('fails with auth and makes no request when there is no key', async () => {
      const error = await rejection(client({ apiKey: undefined }).fetchTask('abc'), 'auth');
      assert.match(error.message, /No API key is set for http:\/\/127\.0\.0\.1:\d+/);
      await rejection(client({ apiKey: '  ' }).fetchTask('abc'), 'auth');
      assert.equal(gateway.requests.length, 0);
    });

    it('reports an unknown id as not_found, naming the id and URL (HTTP 400 task_not_exist)', async () => {
      const error = await rejection(client().fetchTask('no-such-task'), 'not_found');
      assert.equal(error.httpStatus, 400);
      assert.equal(error.url, `${gateway.url}/suno/fetch/no-such-task`);
      assert.match(error.message, /no-such-task/);
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch/no-such-task`));
      assert.equal(error.gatewayMessage, 'task_not_exist');
    });

    it("reports one-hub's HTTP 404 task_not_exist as not_found too", async () => {
      gateway.setFault({ kind: 'status', status: 404, body: '{"code":"task_not_exist","message":"task_not_exist","data":null}' });
      const error = await rejection(client().fetchTask('abc'), 'not_found');
      assert.equal(error.httpStatus, 404);
    });

    it('reports a refused key as auth with the gateway message and what to do', async () => {
      const error = await rejection(client({ apiKey: 'wrong-key-123' }).fetchTask('abc'), 'auth');
      assert.equal(error.httpStatus, 401);
      assert.match(error.message, /refused the API key \(HTTP 401/);
      assert.match(error.message, /无效的令牌/);
      assert.match(error.message, /set a new key/);
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch/abc`));
      assert.match(error.gatewayMessage ?? '', /^无效的令牌/);
    });

    it('reports HTTP 403 as auth', async () => {
      gateway.setFault({ kind: 'status', status: 403, body: '{"error":{"message":"该令牌已被禁用","type":"new_api_error"}}' });
      const error = await rejection(client().fetchTask('abc'), 'auth');
      assert.equal(error.httpStatus, 403);
      assert.match(error.message, /该令牌已被禁用/);
    });

    it('reports 429 as rate_limited with Retry-After in milliseconds', async () => {
      gateway.setFault({ kind: 'rate_limit', retryAfterSeconds: 7 });
      const error = await rejection(client().fetchTask('abc'), 'rate_limited');
      assert.equal(error.retryAfterMs, 7000);
      assert.equal(error.httpStatus, 429);
      assert.match(error.message, /当前分组上游负载已饱和/);
      assert.match(error.message, /wait 7 s/);
    });

    it('reports 429 without Retry-After with retryAfterMs null', async () => {
      gateway.setFault({ kind: 'rate_limit', retryAfterSeconds: 0 });
      const error = await rejection(client().fetchTask('abc'), 'rate_limited');
      assert.equal(error.retryAfterMs, null);
    });

    it('reads a Retry-After HTTP date against the injected clock', async () => {
      const server = await answeringServer((_request, response) => {
        response.writeHead(429, { 'Retry-After': 'Sat, 21 Sep 2024 12:01:30 GMT', 'Content-Type': 'text/plain' });
        response.end('Too Many Requests');
      });
      try {
        const now = (): Date => new Date('2024-09-21T12:00:00Z');
        const error = await rejection(client({ baseUrl: server.url, now }).fetchTask('abc'), 'rate_limited');
        assert.equal(error.retryAfterMs, 90_000);
        assert.equal(error.gatewayMessage, 'Too Many Requests');
      } finally {
        await server.close();
      }
    });

    it("reports a 500 get_task_failed as server, with the gateway's message", async () => {
      gateway.setFault({ kind: 'status', status: 500 });
      const error = await rejection(client().fetchTask('abc'), 'server');
      assert.equal(error.httpStatus, 500);
      assert.match(error.gatewayMessage ?? '', /get_task_failed/);
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch/abc`));
    });

    it("reports a proxy's HTML 502 page as server, naming the page", async () => {
      gateway.setFault({ kind: 'html', status: 502 });
      const error = await rejection(client().fetchTask('abc'), 'server');
      assert.equal(error.httpStatus, 502);
      assert.match(error.message, /502 Bad Gateway/);
      assert.equal(error.gatewayMessage, null);
    });

    it('reports get_task_failed sent with HTTP 200 as server', async () => {
      gateway.setFault({ kind: 'status', status: 200, body: '{"code":"get_task_failed","message":"upstream error","data":null}' });
      const error = await rejection(client().fetchTask('abc'), 'server');
      assert.equal(error.gatewayMessage, 'upstream error');
    });

    it('reports an HTML page with HTTP 200 as bad_response that blames the base URL', async () => {
      gateway.setFault({ kind: 'html', status: 200 });
      const error = await rejection(client().fetchTask('abc'), 'bad_response');
      assert.match(error.message, /base URL .* may be wrong/);
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch/abc`));
    });

    for (const kind of ['garbage', 'truncated', 'wrong_api'] as const) {
      it(`reports a ${kind} body as bad_response`, async () => {
        const id = gateway.addTask({ startStage: 'SUCCESS' });
        gateway.setFault({ kind });
        const error = await rejection(client().fetchTask(id), 'bad_response');
        assert.equal(error.httpStatus, 200);
        assert.ok(error.message.includes(gateway.url));
      });
    }

    it('reports a plain 404 route as bad_response (a wrong base URL)', async () => {
      const error = await rejection(client({ baseUrl: `${gateway.url}/wrong/prefix` }).fetchTask('abc'), 'bad_response');
      assert.equal(error.httpStatus, 404);
      assert.match(error.message, /404 page not found/);
      assert.match(error.message, /may be wrong/);
    });

    it('decides by the body: JSON sent as text/plain is read', async () => {
      const id = gateway.addTask({ dialect: 'newapi', startStage: 'SUCCESS' });
      const task = await client().fetchTask(id);
      assert.equal(task.status, 'succeeded');
      const raw = await client().fetchRaw(id);
      assert.match(raw.contentType ?? '', /text\/plain/);
    });

    it('follows a redirect and says so when it ends on an HTML page', async () => {
      const server = await answeringServer((request, response) => {
        if (request.url?.startsWith('/suno/')) {
          response.writeHead(302, { Location: '/login' });
          response.end();
        } else {
          response.writeHead(200, { 'Content-Type': 'text/html' });
          response.end('<!doctype html><html><head><title>Sign in</title></head><body></body></html>');
        }
      });
      try {
        const error = await rejection(client({ baseUrl: server.url }).fetchTask('abc'), 'bad_response');
        assert.match(error.message, /redirected to http:\/\/127\.0\.0\.1:\d+\/login/);
        assert.match(error.message, /may be wrong/);
      } finally {
        await server.close();
      }
    });

    it('reports a dropped connection as network, naming the URL', async () => {
      gateway.setFault({ kind: 'drop' });
      const error = await rejection(client().fetchTask('abc'), 'network');
      assert.equal(error.httpStatus, null);
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch/abc`));
    });

    it('reports a refused connection as network', async () => {
      const url = gateway.url;
      await gateway.close();
      const error = await rejection(client({ baseUrl: url }).fetchTask('abc'), 'network');
      assert.match(error.message, /refused/);
      assert.ok(error.message.includes(`${url}/suno/fetch/abc`));
    });

    it('gives up after the timeout', async () => {
      gateway.setFault({ kind: 'delay', delayMs: 5000 });
      const error = await rejection(client({ timeoutMs: 50 }).fetchTask('abc'), 'timeout');
      assert.match(error.message, /did not answer within 50 ms/);
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch/abc`));
    });

    it('refuses a key that cannot travel in a header, without a request and without quoting it', async () => {
      for (const apiKey of ['sk-abc\ndef-123', 'sk-ключ-123', 'sk abc 123']) {
        const error = await rejection(client({ apiKey }).fetchTask('abc'), 'auth');
        assert.ok(!error.message.includes(apiKey));
        assert.match(error.message, /cannot be sent/);
      }
      assert.equal(gateway.requests.length, 0);
    });

    it('stops reading an answer that is far too large', async () => {
      const chunk = 'x'.repeat(1_000_000);
      const server = await answeringServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        let sent = 0;
        const more = (): void => {
          while (sent < 30) {
            sent++;
            if (!response.write(chunk)) {
              response.once('drain', more);
              return;
            }
          }
          response.end();
        };
        more();
      });
      try {
        const error = await rejection(client({ baseUrl: server.url }).fetchTask('abc'), 'bad_response');
        assert.match(error.message, /more than 10 MB/);
      } finally {
        await server.close();
      }
    });

    it('reports a connection cut in the middle of the body as network', async () => {
      const server = await answeringServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        response.write('{"code":"success","data":{"task_id":');
        setTimeout(() => response.socket?.destroy(), 10);
      });
      try {
        const error = await rejection(client({ baseUrl: server.url }).fetchTask('abc'), 'network');
        assert.equal(error.httpStatus, 200);
        assert.match(error.message, /broke while reading the answer/);
      } finally {
        await server.close();
      }
    });

    it('uses an injected fetch', async () => {
      const calls: string[] = [];
      const fakeFetch: typeof fetch = async (input) => {
        calls.push(String(input));
        return new Response('{"code":"task_not_exist","message":"task_not_exist","data":null}', { status: 400 });
      };
      await rejection(client({ baseUrl: 'https://gateway.invalid', fetch: fakeFetch }).fetchTask('abc'), 'not_found');
      assert.deepEqual(calls, ['https://gateway.invalid/suno/fetch/abc']);
    });

    it('reports a non-Error thrown by fetch as network', async () => {
      const fakeFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      const error = await rejection(client({ baseUrl: 'https://gateway.invalid', fetch: fakeFetch }).fetchTask('abc'), 'network');
      assert.match(error.message, /Failed to fetch/);
    });
  });

  describe('fetchTasks', () => {
    it('fetches several tasks with one batch request, in the order asked', async () => {
      const first = gateway.addTask({ dialect: 'native', startStage: 'SUCCESS' });
      const second = gateway.addTask({ dialect: 'native', startStage: 'IN_PROGRESS' });
      const result = await client().fetchTasks([second, first]);
      assert.deepEqual([...result.keys()], [second, first]);
      assert.ok(isTask(result.get(first)));
      assert.equal((result.get(first) as Task).status, 'succeeded');
      assert.equal((result.get(second) as Task).status, 'running');
      assert.deepEqual(
        gateway.requests.map((request) => [request.method, request.path, request.ids]),
        [['POST', '/suno/fetch', [second, first]]],
      );
    });

    for (const dialect of DIALECTS) {
      it(`reads a ${dialect} batch`, async () => {
        const ids = [gateway.addTask({ dialect, startStage: 'SUCCESS' }), gateway.addTask({ dialect, startStage: 'QUEUED' })];
        const result = await client().fetchTasks(ids);
        assert.deepEqual([...result.keys()], ids);
        const [done, queued] = ids.map((id) => result.get(id) as Task);
        assert.equal(done.status, 'succeeded');
        assert.ok(queued.status === 'pending' || queued.status === 'running', queued.status);
        assert.equal(gateway.requests.length, 1);
      });
    }

    it('reports ids the batch left out as not_found and keeps the others', async () => {
      const known = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await client().fetchTasks([known, 'gone-1']);
      assert.ok(isTask(result.get(known)));
      const missing = result.get('gone-1');
      assert.ok(missing instanceof GatewayError);
      assert.equal(missing.kind, 'not_found');
      assert.match(missing.message, /gone-1/);
      assert.equal(gateway.requests.length, 1);
    });

    it('uses the single route for one id', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await client().fetchTasks([id]);
      assert.ok(isTask(result.get(id)));
      assert.deepEqual(
        gateway.requests.map((request) => request.method),
        ['GET'],
      );
    });

    it('puts invalid ids in the result without asking the gateway about them', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await client().fetchTasks(['', id, 'has space']);
      assert.deepEqual([...result.keys()], ['', id, 'has space']);
      assert.equal((result.get('') as GatewayError).kind, 'invalid_input');
      assert.equal((result.get('has space') as GatewayError).kind, 'invalid_input');
      assert.ok(isTask(result.get(id)));
      assert.deepEqual(gateway.requests[0].ids, [id]);
    });

    it('answers an empty list without a request', async () => {
      const result = await client().fetchTasks([]);
      assert.equal(result.size, 0);
      assert.equal(gateway.requests.length, 0);
    });

    it('asks once for an id given twice', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const other = gateway.addTask({ startStage: 'SUCCESS' });
      const result = await client().fetchTasks([id, other, id, ` ${other}`]);
      assert.equal(result.size, 3);
      assert.equal((result.get(` ${other}`) as Task).id, other);
      assert.deepEqual(gateway.requests[0].ids, [id, other]);
    });

    it('tries /suno/submit/fetch after a 404 and remembers it', async () => {
      gateway.setBatch('submit_path');
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      const result = await client().fetchTasks(ids);
      assert.ok(ids.every((id) => isTask(result.get(id))));
      assert.deepEqual(
        gateway.requests.map((request) => `${request.method} ${request.path}`),
        ['POST /suno/fetch', 'POST /suno/submit/fetch'],
      );
      gateway.clearRequests();
      // A new client sharing the memory goes straight to the route that worked.
      await client().fetchTasks(ids);
      assert.deepEqual(
        gateway.requests.map((request) => `${request.method} ${request.path}`),
        ['POST /suno/submit/fetch'],
      );
      assert.equal(memory.routeFor(gateway.url), '/suno/submit/fetch');
    });

    for (const mode of [false, 'method_not_allowed'] as const) {
      it(`falls back to single fetches when the gateway has no batch route (${String(mode)}) and remembers that`, async () => {
        gateway.setBatch(mode);
        const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'QUEUED' })];
        const result = await client().fetchTasks([...ids, 'unknown-id']);
        assert.ok(ids.every((id) => isTask(result.get(id))));
        assert.equal((result.get('unknown-id') as GatewayError).kind, 'not_found');
        assert.deepEqual(
          gateway.requests.map((request) => `${request.method} ${request.path}`),
          ['POST /suno/fetch', 'POST /suno/submit/fetch', `GET /suno/fetch/${ids[0]}`, `GET /suno/fetch/${ids[1]}`, 'GET /suno/fetch/unknown-id'],
        );
        assert.ok(memory.isUnsupported(gateway.url));
        gateway.clearRequests();
        await client().fetchTasks(ids);
        assert.deepEqual(
          gateway.requests.map((request) => request.method),
          ['GET', 'GET'],
        );
      });
    }

    it('treats an HTML 404 from the batch route as no batch route', async () => {
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      gateway.setFault({ kind: 'html', status: 404, count: 2 });
      const result = await client().fetchTasks(ids);
      assert.ok(ids.every((id) => isTask(result.get(id))));
      assert.ok(memory.isUnsupported(gateway.url));
    });

    it('shares what it learnt only through the memory it is given', async () => {
      gateway.setBatch(false);
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      await client().fetchTasks(ids);
      gateway.clearRequests();
      await client({ batchSupport: new BatchSupportMemory() }).fetchTasks(ids);
      assert.equal(gateway.requests[0].method, 'POST');
    });

    it('throws request-wide failures', async () => {
      const ids = [gateway.addTask(), gateway.addTask()];
      gateway.setFault({ kind: 'status', status: 503 });
      await rejection(client().fetchTasks(ids), 'server');
      gateway.setFault({ kind: 'rate_limit', retryAfterSeconds: 3 });
      assert.equal((await rejection(client().fetchTasks(ids), 'rate_limited')).retryAfterMs, 3000);
      gateway.setFault({ kind: 'html', status: 200 });
      await rejection(client().fetchTasks(ids), 'bad_response');
      gateway.setFault({ kind: 'drop' });
      await rejection(client().fetchTasks(ids), 'network');
      gateway.setFault(null);
      const error = await rejection(client({ apiKey: 'bad-key-999' }).fetchTasks(ids), 'auth');
      assert.ok(error.message.includes(`${gateway.url}/suno/fetch`));
      await rejection(client({ apiKey: undefined }).fetchTasks(ids), 'auth');
      // None of these taught the client that the batch route is missing.
      assert.equal(memory.isUnsupported(gateway.url), false);
    });

    it('stops single fetches at the first request-wide failure', async () => {
      gateway.setBatch(false);
      memory.markUnsupported(gateway.url);
      const ids = [gateway.addTask(), gateway.addTask(), gateway.addTask()];
      gateway.setFault({ kind: 'status', status: 500 });
      await rejection(client().fetchTasks(ids), 'server');
      assert.equal(gateway.requests.length, 1);
    });

    it('moves tasks on as the gateway advances them', async () => {
      const id = gateway.addTask({ startStage: 'NOT_START', pollsPerStage: 1 });
      const other = gateway.addTask({ startStage: 'SUCCESS' });
      const seen: string[] = [];
      for (let round = 0; round < 6; round++) {
        const result = await client().fetchTasks([id, other]);
        seen.push((result.get(id) as Task).status);
      }
      assert.equal(seen[0], 'pending');
      assert.ok(seen.includes('running'));
      assert.equal(seen[seen.length - 1], 'succeeded');
    });
  });

  describe('fetchRaw and fetchRawBatch', () => {
    it('returns the body untouched, whatever the status', async () => {
      const id = gateway.addTask({ dialect: 'goapi', startStage: 'SUCCESS' });
      const raw = await client().fetchRaw(id);
      assert.equal(raw.httpStatus, 200);
      assert.equal(raw.url, `${gateway.url}/suno/fetch/${id}`);
      assert.equal(JSON.parse(raw.body).code, 200);
      const refused = await client({ apiKey: 'nope-nope' }).fetchRaw(id);
      assert.equal(refused.httpStatus, 401);
      assert.match(refused.body, /无效的令牌/);
    });

    it('posts the batch and returns its body', async () => {
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      const raw = await client().fetchRawBatch(ids);
      assert.equal(raw.httpStatus, 200);
      assert.equal(JSON.parse(raw.body).data.length, 2);
    });

    it('finds the submit path for a raw batch too', async () => {
      gateway.setBatch('submit_path');
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      const raw = await client().fetchRawBatch(ids);
      assert.equal(raw.url, `${gateway.url}/suno/submit/fetch`);
      assert.equal(raw.httpStatus, 200);
    });

    it('still throws when no answer arrives', async () => {
      gateway.setFault({ kind: 'drop' });
      await rejection(client().fetchRaw('abc'), 'network');
      await rejection(client().fetchRaw(''), 'invalid_input');
    });
  });

  describe('request log', () => {
    it('reports every request with method, URL, status, duration and error', async () => {
      let clock = Date.parse('2024-09-21T12:00:00Z');
      const now = (): Date => {
        clock += 5;
        return new Date(clock);
      };
      gateway.setBatch(false);
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      await client({ now }).fetchTasks([id, 'unknown-id']);
      assert.deepEqual(
        log.map((entry) => [entry.method, entry.url.replace(gateway.url, ''), entry.httpStatus, entry.error === null]),
        [
          ['POST', '/suno/fetch', 404, true],
          ['POST', '/suno/submit/fetch', 404, true],
          ['GET', `/suno/fetch/${id}`, 200, true],
          ['GET', '/suno/fetch/unknown-id', 400, false],
        ],
      );
      assert.ok(log.every((entry) => entry.durationMs >= 0));
      assert.match(log[3].error ?? '', /unknown-id/);
    });

    it('logs failures without an answer with a null status', async () => {
      gateway.setFault({ kind: 'drop' });
      await rejection(client().fetchTask('abc'), 'network');
      assert.equal(log.length, 1);
      assert.equal(log[0].httpStatus, null);
      assert.match(log[0].error ?? '', /127\.0\.0\.1/);
    });

    it('survives a logger that throws', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const task = await client({
        onRequest: () => {
          throw new Error('logger broke');
        },
      }).fetchTask(id);
      assert.equal(task.id, id);
    });
  });

  describe('answers bound to the asked id', () => {
    const row = (id: string, status = 'SUCCESS'): Record<string, unknown> => ({ task_id: id, action: 'MUSIC', status, data: [] });

    async function answering(body: (ids: string[], url: string) => unknown): Promise<Awaited<ReturnType<typeof answeringServer>>> {
      return answeringServer((request, response, text) => {
        const ids = text === '' ? [] : (JSON.parse(text) as { ids: string[] }).ids;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body(ids, request.url ?? '')));
      });
    }

    it('refuses a single answer about another task, naming both ids', async () => {
      const server = await answering(() => ({ code: 'success', data: row('other-task-2') }));
      try {
        const error = await rejection(client({ baseUrl: server.url }).fetchTask('asked-task-1'), 'bad_response');
        assert.match(error.message, /other-task-2/);
        assert.match(error.message, /asked-task-1/);
        assert.equal(error.answeredTaskId, 'other-task-2');
      } finally {
        await server.close();
      }
    });

    it('keeps the asked spelling when a single answer upper-cases the id', async () => {
      const server = await answering(() => ({ code: 'success', data: row('ABCDEF-12') }));
      try {
        const task = await client({ baseUrl: server.url }).fetchTask('abcdef-12');
        assert.equal(task.id, 'abcdef-12');
      } finally {
        await server.close();
      }
    });

    it('reports an answer about another task per id among single fetches, and goes on', async () => {
      const server = await answering((_ids, url) => ({ code: 'success', data: row(url.endsWith('/wrong-1') ? 'someone-else' : url.split('/').pop() ?? '') }));
      try {
        memory.markUnsupported(server.url);
        const result = await client({ baseUrl: server.url }).fetchTasks(['right-1', 'wrong-1', 'right-2']);
        assert.equal((result.get('wrong-1') as GatewayError).kind, 'bad_response');
        assert.ok(isTask(result.get('right-1')) && isTask(result.get('right-2')));
      } finally {
        await server.close();
      }
    });

    it('matches upper-cased batch rows to the asked ids and ignores rows nobody asked for', async () => {
      const server = await answering((ids) => ({ code: 'success', data: [...ids.map((id) => row(id.toUpperCase())), row('phantom-9')] }));
      try {
        const result = await client({ baseUrl: server.url }).fetchTasks(['aaaa-1', 'bbbb-2']);
        assert.deepEqual([...result.keys()], ['aaaa-1', 'bbbb-2']);
        assert.deepEqual(
          [...result.values()].map((value) => (isTask(value) ? value.id : value.kind)),
          ['aaaa-1', 'bbbb-2'],
        );
      } finally {
        await server.close();
      }
    });

    it('does not guess between ids that differ only in case', async () => {
      const server = await answering(() => ({ code: 'success', data: [row('CASE-1')] }));
      try {
        const result = await client({ baseUrl: server.url }).fetchTasks(['case-1', 'Case-1']);
        assert.equal((result.get('case-1') as GatewayError).kind, 'not_found');
        assert.equal((result.get('Case-1') as GatewayError).kind, 'not_found');
      } finally {
        await server.close();
      }
    });
  });

  describe('batch sizes', () => {
    const rows = (ids: string[]): unknown => ({ code: 'success', data: ids.map((id) => ({ task_id: id, action: 'MUSIC', status: 'SUCCESS', data: [] })) });
    const manyIds = (count: number): string[] => Array.from({ length: count }, (_, index) => `task-${String(index).padStart(4, '0')}`);

    async function batchServer(limit: number, status = 413): Promise<Awaited<ReturnType<typeof answeringServer>> & { sizes: number[] }> {
      const sizes: number[] = [];
      const server = await answeringServer((_request, response, text) => {
        const ids = (JSON.parse(text) as { ids: string[] }).ids;
        sizes.push(ids.length);
        if (ids.length > limit) {
          response.writeHead(status, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ code: 'invalid_request', message: 'request entity too large', data: null }));
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(rows(ids)));
      });
      return Object.assign(server, { sizes });
    }

    it('sends at most 100 ids per batch request', async () => {
      const server = await batchServer(1000);
      try {
        const ids = manyIds(250);
        const result = await client({ baseUrl: server.url }).fetchTasks(ids);
        assert.equal([...result.values()].filter(isTask).length, 250);
        assert.deepEqual(server.sizes, [100, 100, 50]);
      } finally {
        await server.close();
      }
    });

    for (const status of [413, 400]) {
      it(`halves batches a gateway refuses as too large (HTTP ${status}) and remembers the size`, async () => {
        const server = await batchServer(30, status);
        try {
          const ids = manyIds(100);
          const result = await client({ baseUrl: server.url }).fetchTasks(ids);
          assert.equal([...result.values()].filter(isTask).length, 100);
          assert.deepEqual(server.sizes, [100, 50, 25, 25, 25, 25]);
          assert.equal(memory.batchSizeFor(server.url), 25);
          assert.equal(memory.isUnsupported(server.url), false);
          server.sizes.length = 0;
          await client({ baseUrl: server.url }).fetchTasks(ids.slice(0, 60));
          assert.deepEqual(server.sizes, [25, 25, 10]);
        } finally {
          await server.close();
        }
      });
    }

    it('says a batch answer over the size cap was too large, not that the base URL is wrong', async () => {
      const server = await answeringServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(20_000_000) });
        response.end();
      });
      try {
        const error = await rejection(client({ baseUrl: server.url }).fetchTasks(['aaaa-1', 'bbbb-2']), 'bad_response');
        assert.match(error.message, /too large/);
        assert.doesNotMatch(error.message, /base URL/);
        // An oversized answer is the gateway's fault, not the batch's: only a 413 shrinks batches.
        assert.equal(memory.batchSizeFor(server.url), 100);
      } finally {
        await server.close();
      }
    });

    it('keeps the batches already fetched when a later one fails', async () => {
      let calls = 0;
      const server = await answeringServer((_request, response, text) => {
        calls++;
        if (calls === 2) {
          response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
          response.end('{"error":{"message":"slow down"}}');
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(rows((JSON.parse(text) as { ids: string[] }).ids)));
      });
      try {
        const ids = manyIds(250);
        const result = await client({ baseUrl: server.url }).fetchTasks(ids);
        assert.equal(calls, 2, 'no request after the 429');
        assert.ok(ids.slice(0, 100).every((id) => isTask(result.get(id))));
        assert.ok(ids.slice(100).every((id) => (result.get(id) as GatewayError).kind === 'rate_limited'));
      } finally {
        await server.close();
      }
    });
  });

  describe('single fetches', () => {
    it('keep what was fetched when a later request is rate limited, and start there next round', async () => {
      gateway.setBatch(false);
      memory.markUnsupported(gateway.url);
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      let sent = 0;
      const limited = await client({
        fetch: (input, init) => {
          sent++;
          if (sent === 2) return Promise.resolve(new Response('{"error":{"message":"rate limited"}}', { status: 429, headers: { 'Retry-After': '5' } }));
          return globalThis.fetch(input, init);
        },
      }).fetchTasks(ids);
      assert.equal(sent, 2, 'nothing is sent after the 429');
      assert.deepEqual(
        ids.map((id) => {
          const value = limited.get(id);
          return isTask(value) ? 'task' : value?.kind;
        }),
        ['task', 'rate_limited', 'rate_limited'],
      );
      assert.equal((limited.get(ids[1]) as GatewayError).retryAfterMs, 5000);

      gateway.clearRequests();
      await client().fetchTasks(ids);
      assert.deepEqual(
        gateway.requests.map((request) => request.path),
        [ids[1], ids[2], ids[0]].map((id) => `/suno/fetch/${id}`),
      );
    });

    it('rotate their order between rounds', async () => {
      gateway.setBatch(false);
      memory.markUnsupported(gateway.url);
      const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
      const firsts: string[] = [];
      for (let round = 0; round < 3; round++) {
        gateway.clearRequests();
        await client().fetchTasks(ids);
        firsts.push(gateway.requests[0].path.split('/').pop() ?? '');
      }
      assert.deepEqual(firsts, ids);
    });
  });

  describe('keeping the key secret', () => {
    const SECRET = 'sk-SECRET-9f8e7d6c5b4a';

    function assertNoSecret(text: string, where: string): void {
      assert.ok(!text.includes(SECRET), `the key leaked into ${where}: ${text}`);
    }

    it('never puts the key in an error message, its JSON or a log entry', async () => {
      gateway.setApiKeys([SECRET]);
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const errors: GatewayError[] = [];
      const attempts: [string | null, () => Promise<unknown>][] = [
        [null, () => client({ apiKey: SECRET }).fetchTask('unknown')],
        [null, () => client({ apiKey: `${SECRET}-wrong` }).fetchTask(id)],
        ['html', () => client({ apiKey: SECRET }).fetchTask(id)],
        ['status', () => client({ apiKey: SECRET }).fetchTask(id)],
        ['rate_limit', () => client({ apiKey: SECRET }).fetchTasks([id, 'other'])],
        ['garbage', () => client({ apiKey: SECRET }).fetchTask(id)],
        ['wrong_api', () => client({ apiKey: SECRET }).fetchTask(id)],
        ['drop', () => client({ apiKey: SECRET }).fetchTask(id)],
      ];
      for (const [fault, attempt] of attempts) {
        gateway.setFault(fault === null ? null : ({ kind: fault } as Parameters<LocalGateway['setFault']>[0]));
        try {
          await attempt();
          assert.fail(`expected ${String(fault)} to fail`);
        } catch (error) {
          assert.ok(error instanceof GatewayError);
          errors.push(error);
        }
      }
      assert.equal(errors.length, attempts.length);
      for (const error of errors) {
        assertNoSecret(error.message, 'a message');
        assertNoSecret(JSON.stringify(error), 'JSON');
        assertNoSecret(String(error.gatewayMessage), 'the gateway message');
        assertNoSecret(String(error.url), 'the URL');
        assertNoSecret(String(error.stack), 'the stack');
      }
      for (const entry of log) assertNoSecret(JSON.stringify(entry), 'the request log');
    });

    it('blanks the key out when a gateway echoes it back', async () => {
      const server = await answeringServer((request, response) => {
        const token = String(request.headers.authorization).replace(/^Bearer /, '');
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `invalid token ${token}`, type: 'new_api_error' } }));
      });
      try {
        const error = await rejection(client({ baseUrl: server.url, apiKey: SECRET }).fetchTask('abc'), 'auth');
        assertNoSecret(error.message, 'a message');
        assertNoSecret(String(error.gatewayMessage), 'the gateway message');
        assert.match(error.message, /invalid token \*\*\*/);
        for (const entry of log) assertNoSecret(JSON.stringify(entry), 'the request log');
        assert.ok(log.length > 0);
      } finally {
        await server.close();
      }
    });

    it('blanks the key out before a long message is cut, so no piece of it is left', async () => {
      // The gateway message is cut to 500 characters: put the key across that cut.
      const server = await answeringServer((_request, response) => {
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `${'x'.repeat(490)}${SECRET} and more` } }));
      });
      try {
        const error = await rejection(client({ baseUrl: server.url, apiKey: SECRET }).fetchTask('abcdefgh'), 'auth');
        for (const text of [error.message, String(error.gatewayMessage)]) {
          assert.ok(!text.includes(SECRET.slice(0, 6)), `a piece of the key is left: …${text.slice(480, 520)}`);
        }
      } finally {
        await server.close();
      }
    });

    it('blanks out a key that arrives JSON-escaped', async () => {
      const quoted = 'sk-"quoted\\key-42';
      const server = await answeringServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'oops', message: `bad key ${quoted}`, data: null }));
      });
      try {
        const error = await rejection(client({ baseUrl: server.url, apiKey: quoted }).fetchTask('abcdefgh'), 'bad_response');
        assert.ok(!error.message.includes(JSON.stringify(quoted).slice(1, -1)), error.message);
        assert.ok(!error.message.includes(quoted), error.message);
      } finally {
        await server.close();
      }
    });

    it('blanks the key out of raw bodies', async () => {
      const server = await answeringServer((_request, response) => {
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `invalid token ${SECRET}` } }));
      });
      try {
        const raw = await client({ baseUrl: server.url, apiKey: SECRET }).fetchRaw('abcdefgh');
        assertNoSecret(raw.body, 'the raw body');
        assert.match(raw.body, /invalid token \*\*\*/);
        const batch = await client({ baseUrl: server.url, apiKey: SECRET }).fetchRawBatch(['abcdefgh', 'ijklmnop']);
        assertNoSecret(batch.body, 'the raw batch body');
      } finally {
        await server.close();
      }
    });
  });
});

describe('responseErrors helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    const now = new Date('2024-09-21T12:00:00Z');
    assert.equal(parseRetryAfter('30', now), 30_000);
    assert.equal(parseRetryAfter('1.5', now), 1500);
    assert.equal(parseRetryAfter('Sat, 21 Sep 2024 12:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('Sat, 21 Sep 2024 11:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter(null, now), null);
  });

  it("finds the gateway's own message in each shape", () => {
    assert.equal(gatewayMessageOf('{"error":{"message":"无效的令牌","type":"new_api_error"}}'), '无效的令牌');
    assert.equal(gatewayMessageOf('{"code":"get_task_failed","message":"upstream down","data":null}'), 'upstream down');
    assert.equal(gatewayMessageOf('{"code":200,"message":"success","error_message":"bad prompt","data":{}}'), 'bad prompt');
    assert.equal(gatewayMessageOf('{"code":"success","message":"","data":{}}'), null);
    assert.equal(gatewayMessageOf('Too Many Requests'), 'Too Many Requests');
    assert.equal(gatewayMessageOf('<html><title>502</title></html>'), null);
  });

  it('recognises task_not_exist in its forms', () => {
    assert.ok(isTaskNotExist('{"code":"task_not_exist","message":"task_not_exist","data":null}'));
    assert.ok(isTaskNotExist('{"error":{"message":"task not exist","type":"one_hub_error"}}'));
    assert.ok(isTaskNotExist('{"code":404,"message":"任务不存在"}'));
    assert.ok(!isTaskNotExist('{"code":"success","message":"","data":{}}'));
    assert.ok(!isTaskNotExist('<html>task_not_exist</html>'));
  });
});
