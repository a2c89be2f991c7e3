import * as assert from 'node:assert/strict';
import { crossOriginRefusalMessage, explainingCrossOriginRefusals } from '../../src/core/gateway/crossOriginRefusal';
import { GatewayClient, type RequestLogEntry } from '../../src/core/gateway/gatewayClient';
import { failureMayHaveCharged } from '../../src/core/song/submitGuard';
import { ManualClock } from './support/manualClock';
import { rejection } from './support/rejection';

const KEY = 'sk-cors-test-key';

interface SeenFetch {
  readonly url: string;
  readonly method: string;
  readonly mode: string | undefined;
}

/**
 * A browser's fetch at a gateway that answers but sends no Access-Control-Allow-Origin: a
 * request that needs the answer rejects with the bare TypeError browsers give, a `no-cors` one
 * gets an opaque answer. `answers: false` is a host that does not answer at all.
 */
function browserFetch(seen: SeenFetch[], answers = true): typeof globalThis.fetch {
  return async (input, init) => {
    seen.push({ url: String(input), method: init?.method ?? 'GET', mode: init?.mode });
    if (init?.mode === 'no-cors' && answers) return new Response(null, { status: 200 });
    throw new TypeError('Failed to fetch');
  };
}

function client(fetchImpl: typeof globalThis.fetch, onRequest?: (entry: RequestLogEntry) => void): GatewayClient {
  return new GatewayClient({ baseUrl: 'https://gateway.example', apiKey: KEY, fetch: fetchImpl, onRequest });
}

describe('A gateway that refuses cross-origin requests, seen from a browser', () => {
  it('says so, naming the gateway, instead of "Failed to fetch"', async () => {
    const seen: SeenFetch[] = [];
    const logged: RequestLogEntry[] = [];
    const fetchImpl = explainingCrossOriginRefusals(browserFetch(seen), new ManualClock());
    const error = await rejection(client(fetchImpl, (entry) => logged.push(entry)).fetchTask('abc'), 'network');
    assert.equal(
      error.message,
      'The gateway at gateway.example does not allow requests from the browser (CORS), so it cannot be used from vscode.dev; use the desktop app, or a gateway that allows cross-origin requests.',
    );
    assert.equal(error.message, crossOriginRefusalMessage('https://gateway.example/suno/fetch/abc'));
    assert.equal(error.url, 'https://gateway.example/suno/fetch/abc');
    // Marked by a field, so that what is shown is worded for it without reading the message.
    assert.equal(error.reason, 'cross_origin');
    // The log says the same, and never the key.
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.error, error.message);
    assert.ok(!JSON.stringify(logged).includes(KEY));
  });

  it('looks with one no-cors GET at the origin, never by sending the request again', async () => {
    const seen: SeenFetch[] = [];
    const fetchImpl = explainingCrossOriginRefusals(browserFetch(seen), new ManualClock());
    const error = await rejection(client(fetchImpl).submit({ action: 'lyrics', body: { prompt: 'a song about the sea' } }), 'outcome_unknown');
    assert.match(error.message, /does not allow requests from the browser \(CORS\)/);
    assert.equal(error.reason, 'cross_origin');
    assert.deepEqual(seen, [
      { url: 'https://gateway.example/suno/submit/lyrics', method: 'POST', mode: undefined },
      { url: 'https://gateway.example/', method: 'GET', mode: 'no-cors' },
    ]);
  });

  it('calls the outcome of a submit unknown: the browser says the same when the answer alone lacked the header', async () => {
    // A gateway that allows cross-origin requests, behind a proxy whose error page does not.
    const sent: string[] = [];
    const fetchImpl = explainingCrossOriginRefusals(async (input, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 502 });
      sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
      throw new TypeError('Failed to fetch');
    }, new ManualClock());
    const error = await rejection(client(fetchImpl).submit({ action: 'lyrics', body: { prompt: 'a song about the sea' } }), 'outcome_unknown');
    assert.deepEqual(sent, ['POST https://gateway.example/suno/submit/lyrics'], 'sent once, never again to look');
    assert.match(error.message, /\(CORS\).*may or may not have accepted the submit/s);
    assert.equal(failureMayHaveCharged(error.kind), true, 'so the submit is remembered, and a second one asks first');
    // A read is only a read: it stays a network failure, and polling retries it.
    await rejection(client(fetchImpl).fetchTask('abc'), 'network');
  });

  it('leaves an unreachable gateway a plain network failure', async () => {
    const seen: SeenFetch[] = [];
    const fetchImpl = explainingCrossOriginRefusals(browserFetch(seen, false), new ManualClock());
    const error = await rejection(client(fetchImpl).fetchTask('abc'), 'network');
    assert.doesNotMatch(error.message, /CORS/);
    assert.match(error.message, /Could not reach the gateway/);
    assert.equal(error.reason, null);
  });

  it('gives up looking after 10 seconds and keeps the original failure', async () => {
    const clock = new ManualClock();
    const fetchImpl = explainingCrossOriginRefusals(
      (_input, init) =>
        init?.mode === 'no-cors'
          ? new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
          : Promise.reject(new TypeError('Failed to fetch')),
      clock,
    );
    let settled: unknown;
    const failing = fetchImpl('https://gateway.example/suno/fetch/abc', { method: 'GET' }).catch((error: unknown) => (settled = error));
    await clock.advance(9_999);
    assert.equal(settled, undefined, 'settled before the look timed out');
    await clock.advance(1);
    await failing;
    assert.ok((settled as unknown) instanceof TypeError, String(settled));
  });

  it('passes an abort and other errors through without looking', async () => {
    const seen: SeenFetch[] = [];
    const inner: typeof globalThis.fetch = async (input, init) => {
      seen.push({ url: String(input), method: init?.method ?? 'GET', mode: init?.mode });
      throw new DOMException('The operation was aborted.', 'AbortError');
    };
    const fetchImpl = explainingCrossOriginRefusals(inner, new ManualClock());
    await assert.rejects(fetchImpl('https://gateway.example/suno/fetch/abc'), (error: unknown) => error instanceof DOMException);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(explainingCrossOriginRefusals(browserFetch(seen), new ManualClock())('https://gateway.example/x', { signal: aborted.signal }), TypeError);
    assert.equal(seen.filter((request) => request.mode === 'no-cors').length, 0);
  });

  it('names the gateway by its host, port included', () => {
    assert.match(crossOriginRefusalMessage('http://127.0.0.1:8123/suno/fetch/abc'), /^The gateway at 127\.0\.0\.1:8123 does not allow/);
  });
});
