import * as assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHECK_IDS, EMPTY_LYRICS_SUBMIT, PROBE_TASK_ID, checkGateway, type CheckId, type GatewayCheck, type GatewayCheckOptions, type GatewayCheckReport } from '../../src/core/gateway/gatewayCheck';
import { crossOriginRefusalMessage } from '../../src/core/gateway/crossOriginRefusal';
import { LocalGateway } from '../../src/localGateway/localGateway';
import { answeringServer, type SeenRequest } from './support/answeringServer';
import { ManualClock } from './support/manualClock';
import { closedPort } from './support/closedPort';

const KEY = 'test-key';

/** A throwaway HTTP server on 127.0.0.1 for answers the local gateway cannot give. */
function json(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

/** A new-api-like gateway: fetch routes as new-api answers them, and `submit` for the lyrics route. */
function newApiLike(submit: (response: ServerResponse, body: string) => void): (request: IncomingMessage, response: ServerResponse, body: string) => void {
  return (request, response, body) => {
    if (request.url === '/suno/submit/lyrics') return submit(response, body);
    if (request.url === '/suno/fetch') return json(response, 200, { code: 'success', message: '', data: [] });
    return json(response, 400, { code: 'task_not_exist', message: 'task_not_exist', data: null });
  };
}

function byId(report: GatewayCheckReport, id: CheckId): GatewayCheck {
  const found = report.checks.find((check) => check.id === id);
  assert.ok(found, `the report has no ${id} check`);
  return found;
}

function outcomes(report: GatewayCheckReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check.outcome]));
}

/** A fetch that fails the way Node's does, with `code` on the cause. */
function failingFetch(code: string): typeof globalThis.fetch {
  return () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) }));
}

describe('checkGateway', () => {
  let gateway: LocalGateway;
  const check = (options: Partial<GatewayCheckOptions> = {}): Promise<GatewayCheckReport> => checkGateway({ baseUrl: gateway.url, apiKey: KEY, timeoutMs: 5000, ...options });

  beforeEach(async () => {
    gateway = await LocalGateway.start();
  });

  afterEach(async () => {
    await gateway.close();
  });

  it('lists every check once, in order', async () => {
    const report = await check();
    assert.deepEqual(
      report.checks.map((entry) => entry.id),
      [...CHECK_IDS],
    );
    assert.equal(report.baseUrl, gateway.url);
  });

  it('finds a healthy gateway healthy: reachable, JSON, key accepted, batch route', async () => {
    const report = await check({ baseUrl: `${gateway.url}/v1/` });
    const found = outcomes(report);
    assert.equal(found.base_url, 'ok');
    assert.equal(found.reachable, 'ok');
    assert.equal(found.json, 'ok');
    assert.equal(found.api_key, 'ok');
    assert.equal(found.balance, 'ok');
    assert.equal(found.batch_route, 'ok');
    assert.equal(found.cross_origin, 'skipped', 'cross-origin rules do not apply in Node');
    assert.equal(byId(report, 'base_url').quote, gateway.url, 'says where requests go after normalising');
    assert.match(byId(report, 'api_key').finding, /accepted/);
    // A made-up id: nothing real is asked for.
    assert.deepEqual(
      gateway.requests
        .filter((request) => request.path.startsWith('/suno/fetch'))
        .map((request) => [request.method, request.path, request.ids, request.authorized])
        .sort(),
      [
        ['GET', `/suno/fetch/${PROBE_TASK_ID}`, [PROBE_TASK_ID], true],
        ['POST', '/suno/fetch', [PROBE_TASK_ID], true],
      ].sort(),
    );
  });

  it('skips the key check and says to set one when no key is set, and sends no Authorization', async () => {
    const server = await answeringServer(newApiLike((response) => json(response, 401, { error: { message: 'no token', type: 'new_api_error' } })));
    try {
      const report = await checkGateway({ baseUrl: server.url, apiKey: '  ' });
      assert.equal(byId(report, 'api_key').outcome, 'skipped');
      assert.match(byId(report, 'api_key').advice ?? '', /Set API Key/);
      assert.equal(byId(report, 'balance').outcome, 'skipped');
      assert.equal(byId(report, 'reachable').outcome, 'ok');
      assert.ok(server.seen.every((request) => request.headers.authorization === undefined));
    } finally {
      await server.close();
    }
  });

  it('fails the key check when the gateway refuses the key, quoting it and its request id', async () => {
    const report = await check({ apiKey: 'wrong-key' });
    const key = byId(report, 'api_key');
    assert.equal(key.outcome, 'failed');
    assert.match(key.finding, /refused the API key \(HTTP 401\)/);
    assert.match(key.quote ?? '', /无效的令牌/);
    assert.equal(byId(report, 'balance').outcome, 'skipped');
    assert.equal(byId(report, 'batch_route').outcome, 'skipped');
    const requestIds = byId(report, 'request_id');
    assert.equal(requestIds.outcome, 'ok');
    assert.match(requestIds.quote ?? '', /^\d{17}[A-Za-z0-9]{8}/, 'the id from "(request id: …)" in the message');
  });

  it('says a web page means the base URL points at the website, not the API', async () => {
    gateway.setFault({ kind: 'html', status: 200 });
    const report = await check();
    const answer = byId(report, 'json');
    assert.equal(answer.outcome, 'failed');
    assert.match(answer.finding, /looks like a web page/);
    assert.match(answer.finding, /website, not its API/);
    assert.match(answer.advice ?? '', /suno\.baseUrl/);
    assert.equal(answer.quote, '<title>New API</title>');
    assert.equal(byId(report, 'batch_route').outcome, 'skipped');
  });

  it("reads a proxy's error page as a gateway that is down, not as a wrong base URL", async () => {
    gateway.setFault({ kind: 'html', status: 502 });
    const report = await check();
    assert.equal(byId(report, 'json').outcome, 'warning');
    assert.match(byId(report, 'json').finding, /proxy/);
    assert.equal(byId(report, 'api_key').outcome, 'warning');
  });

  it('fails the JSON check for a path with no Suno route (plain-text 404)', async () => {
    const report = await check({ baseUrl: `${gateway.url}/api` });
    const answer = byId(report, 'json');
    assert.equal(answer.outcome, 'failed');
    assert.match(answer.finding, /plain text instead of JSON/);
    assert.equal(answer.quote, '404 page not found');
    assert.match(answer.advice ?? '', /path after the host/);
  });

  it('warns that there is no batch route when neither route exists', async () => {
    gateway.setBatch(false);
    const report = await check();
    const batch = byId(report, 'batch_route');
    assert.equal(batch.outcome, 'warning');
    assert.match(batch.finding, /no batch route/);
    assert.deepEqual(
      gateway.requests.filter((request) => request.method === 'POST').map((request) => request.path),
      ['/suno/fetch', '/suno/submit/fetch'],
    );
    assert.equal(byId(report, 'api_key').outcome, 'ok');
  });

  it('finds the batch route at /suno/submit/fetch, and a 405 as no route', async () => {
    gateway.setBatch('submit_path');
    const atSubmitPath = byId(await check(), 'batch_route');
    assert.equal(atSubmitPath.outcome, 'ok');
    assert.match(atSubmitPath.finding, /POST \/suno\/submit\/fetch/);
    gateway.setBatch('method_not_allowed');
    assert.equal(byId(await check(), 'batch_route').outcome, 'warning');
  });

  it('tells a refused connection apart, and skips what needs an answer', async () => {
    const report = await check({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const reachable = byId(report, 'reachable');
    assert.equal(reachable.outcome, 'failed');
    assert.match(reachable.finding, /refused \(ECONNREFUSED\)/);
    assert.match(reachable.advice ?? '', /port/);
    for (const id of ['json', 'api_key', 'batch_route', 'submit_route', 'request_id'] as const) assert.equal(byId(report, id).outcome, 'skipped', id);
  });

  for (const { code, words, advice } of [
    { code: 'ENOTFOUND', words: /host name could not be resolved/, advice: /typos/ },
    { code: 'CERT_HAS_EXPIRED', words: /TLS/, advice: /certificate/ },
    { code: 'ERR_TLS_CERT_ALTNAME_INVALID', words: /TLS/, advice: /certificate/ },
    { code: 'ECONNRESET', words: /closed before an answer/, advice: /Try again/ },
    { code: 'EHOSTUNREACH', words: /unreachable/, advice: /network/ },
  ]) {
    it(`tells ${code} apart`, async () => {
      const report = await check({ baseUrl: 'https://gateway.example', fetch: failingFetch(code) });
      const reachable = byId(report, 'reachable');
      assert.equal(reachable.outcome, 'failed');
      assert.match(reachable.finding, words);
      assert.ok(reachable.finding.includes(code));
      assert.match(reachable.advice ?? '', advice);
    });
  }

  it('bounds every request by the timeout, on the injected clock', async () => {
    gateway.setFault({ kind: 'delay', delayMs: 600_000 });
    const clock = new ManualClock();
    const checking = check({ clock, timeoutMs: 2000 });
    const deadline = Date.now() + 5000;
    while (gateway.requests.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await clock.advance(2000);
    const report = await checking;
    const reachable = byId(report, 'reachable');
    assert.equal(reachable.outcome, 'failed');
    assert.match(reachable.finding, /No answer within 2 s/);
    assert.equal(clock.pendingTimers(), 0, 'no timer outlives the check');
  });

  it('refuses an unusable base URL without sending anything', async () => {
    const report = await checkGateway({
      baseUrl: 'https://user:pass@gateway.example',
      apiKey: KEY,
      fetch: () => assert.fail('no request may be sent'),
    });
    assert.equal(byId(report, 'base_url').outcome, 'failed');
    assert.match(byId(report, 'base_url').quote ?? '', /user name or password/);
    assert.equal(report.baseUrl, null);
    assert.ok(report.checks.slice(1).every((entry) => entry.outcome === 'skipped'));
  });

  it('warns that a key would travel unencrypted over plain http to a public host', async () => {
    const report = await check({ baseUrl: 'http://gateway.example', fetch: failingFetch('ENOTFOUND') });
    assert.equal(byId(report, 'base_url').outcome, 'warning');
    assert.match(byId(report, 'base_url').finding, /unencrypted/);
  });

  it('does not count a stored key with line breaks as set, and never sends it', async () => {
    const server = await answeringServer(newApiLike((response) => json(response, 401, {})));
    try {
      const report = await checkGateway({ baseUrl: server.url, apiKey: 'sk-abc\ndef' });
      assert.equal(byId(report, 'api_key').outcome, 'failed');
      assert.match(byId(report, 'api_key').finding, /cannot be sent/);
      assert.ok(server.seen.every((request) => request.headers.authorization === undefined));
    } finally {
      await server.close();
    }
  });

  describe('the submit route', () => {
    const withSubmit = async (submit: (response: ServerResponse, body: string) => void): Promise<{ report: GatewayCheckReport; seen: SeenRequest[] }> => {
      const server = await answeringServer(newApiLike(submit));
      try {
        return { report: await checkGateway({ baseUrl: server.url, apiKey: KEY }), seen: server.seen };
      } finally {
        await server.close();
      }
    };

    it('answers when it refuses the empty prompt, and only an empty prompt is ever sent', async () => {
      const { report, seen } = await withSubmit((response) => json(response, 400, { code: 'invalid_request', message: 'prompt_empty', data: null }));
      const submit = byId(report, 'submit_route');
      assert.equal(submit.outcome, 'ok');
      assert.match(submit.finding, /nothing was created or charged/);
      assert.equal(submit.quote, 'prompt_empty');
      const submits = seen.filter((request) => request.url.startsWith('/suno/submit/') && request.url !== '/suno/submit/fetch');
      assert.deepEqual(
        submits.map((request) => [request.method, request.url, request.body]),
        [['POST', '/suno/submit/lyrics', EMPTY_LYRICS_SUBMIT]],
      );
      assert.deepEqual(JSON.parse(submits[0].body), { prompt: '' });
    });

    it('warns when a gateway accepts the empty prompt as if it were a task', async () => {
      const { report } = await withSubmit((response) => json(response, 200, { code: 'success', message: '', data: 'task_0123456789abcdef0123456789abcdef' }));
      const submit = byId(report, 'submit_route');
      assert.equal(submit.outcome, 'warning');
      assert.match(submit.finding, /ACCEPTED/);
      assert.match(submit.advice ?? '', /console/);
    });

    it('warns when there is no submit route (404)', async () => {
      const { report } = await withSubmit((response) => {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('404 page not found');
      });
      const submit = byId(report, 'submit_route');
      assert.equal(submit.outcome, 'warning');
      assert.match(submit.finding, /no submit route/);
    });

    it('reports a used-up balance under Balance', async () => {
      const { report } = await withSubmit((response) => json(response, 403, { code: 'quota_not_enough', message: 'user quota is not enough', data: null }));
      const balance = byId(report, 'balance');
      assert.equal(balance.outcome, 'failed');
      assert.equal(balance.quote, 'user quota is not enough');
      assert.match(balance.request ?? '', /POST .*\/suno\/submit\/lyrics/);
      assert.equal(byId(report, 'submit_route').outcome, 'ok');
      assert.equal(byId(report, 'api_key').outcome, 'ok', 'a balance problem is not a key problem');
    });

    it('reports a Chinese balance message too', async () => {
      const { report } = await withSubmit((response) => json(response, 429, { error: { message: '余额不足，请充值', type: 'new_api_error' } }));
      assert.equal(byId(report, 'balance').outcome, 'failed');
      assert.equal(byId(report, 'balance').quote, '余额不足，请充值');
    });
  });

  it('quotes a request id header', async () => {
    const server = await answeringServer((_request, response) => json(response, 400, { code: 'task_not_exist', message: 'task_not_exist', data: null }, { 'X-Oneapi-Request-Id': '20251130161200ABCDEF' }));
    try {
      const report = await checkGateway({ baseUrl: server.url, apiKey: KEY });
      assert.equal(byId(report, 'request_id').quote, '20251130161200ABCDEF');
    } finally {
      await server.close();
    }
  });

  describe('in a browser', () => {
    it('says when the gateway answers but refuses cross-origin requests', async () => {
      const modes: (string | undefined)[] = [];
      const browserFetch = ((_url: string, init?: RequestInit) => {
        modes.push(init?.mode);
        // A browser that may not read the answer rejects with a bare TypeError; a no-cors request gets an opaque answer.
        return init?.mode === 'no-cors' ? Promise.resolve(new Response(null, { status: 200 })) : Promise.reject(new TypeError('Failed to fetch'));
      }) as typeof globalThis.fetch;
      const report = await checkGateway({ baseUrl: 'https://gateway.example', apiKey: KEY, fetch: browserFetch, inBrowser: true });
      assert.equal(byId(report, 'cross_origin').outcome, 'failed');
      assert.equal(byId(report, 'cross_origin').finding, crossOriginRefusalMessage('https://gateway.example/suno/fetch/x'));
      assert.match(byId(report, 'cross_origin').advice ?? '', /Access-Control-Allow-Origin/);
      assert.equal(byId(report, 'reachable').outcome, 'ok');
      assert.ok(modes.includes('no-cors'));
    });

    it('finds cross-origin requests allowed when the answer can be read', async () => {
      const report = await check({ inBrowser: true });
      assert.equal(byId(report, 'cross_origin').outcome, 'ok');
    });

    it('fails reachability when not even a no-cors request gets an answer', async () => {
      const report = await checkGateway({ baseUrl: 'https://gateway.example', apiKey: KEY, fetch: () => Promise.reject(new TypeError('Failed to fetch')), inBrowser: true });
      assert.equal(byId(report, 'reachable').outcome, 'failed');
      assert.equal(byId(report, 'cross_origin').outcome, 'skipped');
    });
  });
});
