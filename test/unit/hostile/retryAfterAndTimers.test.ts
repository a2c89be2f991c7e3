// Hostile input: Retry-After values a gateway (or a proxy in front of it) may send, and timer
// delays that overflow or mean nothing. Each case asserts what comes out.
import * as assert from 'node:assert/strict';
import { MAX_TIMER_DELAY_MS, clampTimerDelay, systemClock, type Clock } from '../../../src/core/clock';
import { errorForResponse } from '../../../src/core/gateway/responseErrors';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/core/gateway/retryAfter';
import { GatewayClient, BatchSupportMemory } from '../../../src/core/gateway/gatewayClient';
import { MemorySharedFiles } from '../../../src/core/store/sharedFiles';
import { Poller, SOON_MS } from '../../../src/core/polling/poller';
import { TaskStore } from '../../../src/core/store/taskStore';
import { fastClock } from '../../../src/cli/fastClock';
import { LocalGateway } from '../../../src/localGateway/localGateway';
import { acceleratedClock } from '../../../src/polling/testClock';
import { buildTask } from '../support/taskBuilders';

const now = new Date('2024-09-21T12:00:00Z');
const HOUR = MAX_RETRY_AFTER_MS;

const retryAfterCases: ReadonlyArray<readonly [what: string, header: string | null, expectedMs: number | null]> = [
  ['huge delta-seconds (99999999)', '99999999', HOUR],
  ['delta-seconds of about a month (3000000)', '3000000', HOUR],
  ['milliseconds sent as seconds (30000)', '30000', HOUR],
  ['a number of 400 digits', '9'.repeat(400), HOUR],
  ['an HTTP date in the year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT', HOUR],
  ['an HTTP date two hours ahead', 'Sat, 21 Sep 2024 14:00:00 GMT', HOUR],
  ['an HTTP date ten seconds ahead', 'Sat, 21 Sep 2024 12:00:10 GMT', 10_000],
  ['an asctime date ten seconds ahead, read as GMT', 'Sat Sep 21 12:00:10 2024', 10_000],
  ['an RFC 850 date in the past', 'Sunday, 06-Nov-94 08:49:37 GMT', 0],
  ['delta-seconds just under the cap', '3599', 3_599_000],
  ['fractional seconds', '1.5', 1500],
  ['zero', '0', 0],
  ['spaces around a number', '  120  ', 120_000],
  ['a negative number', '-5', null],
  ['a number with a unit', '12 apples', null],
  ['a bare word', 'soon', null],
  ['exponent notation', '1e9', null],
  ['hexadecimal', '0x10', null],
  ['Infinity', 'Infinity', null],
  ['NaN', 'NaN', null],
  ['two headers joined by the fetch API', '120, 120', null],
  ['an ISO 8601 date (not an HTTP date)', '2099-01-01T00:00:00Z', null],
  ['a markup fragment', '<b>60</b>', null],
  ['a NUL character', '\u0000', null],
  ['an empty header', '', null],
  ['no header', null, null],
];

const delayCases: ReadonlyArray<readonly [what: string, delay: number, expected: number]> = [
  ['NaN', Number.NaN, 0],
  ['a negative delay', -1, 0],
  ['minus infinity', -Infinity, 0],
  ['infinity', Infinity, MAX_TIMER_DELAY_MS],
  ['2^31, one past the 32-bit limit', 2 ** 31, MAX_TIMER_DELAY_MS],
  ['99999999 seconds in milliseconds', 99_999_999_000, MAX_TIMER_DELAY_MS],
  ['exactly the limit', MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS],
  ['an ordinary interval', 15_000, 15_000],
];

/** True when a timer set for `ms` on `clock` has not fired within `waitMs` of real time. */
async function staysPending(clock: Clock, ms: number, waitMs = 30): Promise<boolean> {
  let fired = false;
  const handle = clock.setTimeout(() => (fired = true), ms);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  clock.clearTimeout(handle);
  return !fired;
}

describe('Hostile input: Retry-After and timer delays', () => {
  describe('parseRetryAfter', () => {
    for (const [what, header, expected] of retryAfterCases) {
      it(`${what} → ${expected === null ? 'ignored' : `${expected} ms`}`, () => {
        assert.equal(parseRetryAfter(header, now), expected);
      });
    }
  });

  it('a 429 with Retry-After 99999999 asks to wait an hour, and says so', () => {
    const error = errorForResponse(
      { url: 'https://gw.example/suno/fetch', httpStatus: 429, contentType: 'application/json', body: '{"message":"slow down"}' },
      { method: 'POST', url: 'https://gw.example/suno/fetch', baseUrl: 'https://gw.example', ids: ['t1'] },
      '99999999',
      now,
    );
    assert.equal(error?.kind, 'rate_limited');
    assert.equal(error?.retryAfterMs, HOUR);
    assert.match(error?.message ?? '', /wait 3600 s/);
  });

  describe('no storm on the real host: a 429 with an absurd Retry-After, then nothing', () => {
    for (const retryAfter of ['99999999', '3000000', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      it(`Retry-After: ${retryAfter}`, async () => {
        const gateway = await LocalGateway.start({ apiKeys: ['key'] });
        const store = new TaskStore({ files: new MemorySharedFiles() });
        const client = new GatewayClient({ baseUrl: gateway.url, apiKey: 'key', batchSupport: new BatchSupportMemory() });
        const poller = new Poller({ store, clientFor: () => Promise.resolve(client), intervalMs: () => 15_000 });
        try {
          const id = gateway.addTask({ pollsPerStage: 0 });
          gateway.setFault({ kind: 'rate_limit', retryAfter });
          await store.upsert([buildTask({ id, baseUrl: gateway.url, status: 'running', clips: [], fetchedAt: new Date(0).toISOString() })]);
          poller.start();
          // The first round goes out after SOON_MS; an overflowing timer would then fire every millisecond.
          await new Promise((resolve) => setTimeout(resolve, SOON_MS + 300));
          assert.equal(gateway.requests.length, 1);
          const next = poller.gatewayState(gateway.url).nextPollAt;
          assert.ok(next !== null && next - Date.now() <= HOUR && next - Date.now() > HOUR - 5_000, `next poll in ${next === null ? null : next - Date.now()} ms`);
        } finally {
          poller.dispose();
          await gateway.close();
        }
      });
    }
  });

  describe('clampTimerDelay', () => {
    for (const [what, delay, expected] of delayCases) {
      it(`${what} → ${expected}`, () => {
        assert.equal(clampTimerDelay(delay), expected);
      });
    }
  });

  describe('host timers never fire early on an overflowing delay', () => {
    it('systemClock with 2^32 ms', async () => {
      assert.equal(await staysPending(systemClock, 2 ** 32), true);
    });

    it('the CLI fast clock with Infinity', async () => {
      assert.equal(await staysPending(fastClock(100), Infinity), true);
    });

    it('the extension test clock with 99999999 seconds', async () => {
      assert.equal(await staysPending(acceleratedClock(() => 200), 99_999_999_000), true);
    });

    it('systemClock still runs a NaN delay soon, as the host would', async () => {
      assert.equal(await staysPending(systemClock, Number.NaN), false);
    });
  });
});
