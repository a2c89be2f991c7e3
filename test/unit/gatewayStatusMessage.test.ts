import * as assert from 'node:assert/strict';
import { GatewayError } from '../../src/core/gatewayError';
import type { GatewayPollState } from '../../src/core/polling/poller';
import { GatewayStatusMessage } from '../../src/tracker/gatewayStatusMessage';

function state(overrides: Partial<GatewayPollState> & Pick<GatewayPollState, 'state'>): GatewayPollState {
  return { baseUrl: 'https://api.gpt.ge', lastError: null, consecutiveFailures: 0, nextPollAt: null, ...overrides };
}

describe('GatewayStatusMessage', () => {
  it('says nothing while every gateway is fine', () => {
    const message = new GatewayStatusMessage();
    assert.equal(message.update(state({ state: 'waiting' })), false);
    assert.equal(message.text(), undefined);
  });

  it('names the gateway and the next step when its key is refused', () => {
    const message = new GatewayStatusMessage();
    const error = new GatewayError('auth', 'The gateway refused the API key.', { httpStatus: 401 });
    assert.equal(message.update(state({ state: 'paused_auth', lastError: error, consecutiveFailures: 1 })), true);
    assert.match(String(message.text()), /^api\.gpt\.ge: the API key was refused — polling paused\. Run "Suno: Set API Key…" \("Suno: Check Gateway" tells why\)\.$/);
  });

  it('describes passing trouble per gateway and forgets a gateway once it recovers', () => {
    const message = new GatewayStatusMessage();
    const down = new GatewayError('network', 'connect ECONNREFUSED');
    message.update(state({ state: 'backing_off', lastError: down, consecutiveFailures: 2 }));
    message.update(state({ baseUrl: 'https://api.cometapi.com', state: 'backing_off', lastError: new GatewayError('server', '502'), consecutiveFailures: 1 }));
    assert.equal(
      message.text(),
      'api.gpt.ge: unreachable — retrying automatically. "Suno: Check Gateway" tells why.\n' +
        'api.cometapi.com: server error — retrying automatically. "Suno: Check Gateway" tells why.',
    );

    assert.equal(message.update(state({ state: 'waiting' })), true);
    assert.equal(message.text(), 'api.cometapi.com: server error — retrying automatically. "Suno: Check Gateway" tells why.');
    assert.deepEqual(message.gateways(), ['https://api.cometapi.com']);
    assert.equal(message.forget('https://api.cometapi.com'), true);
    assert.equal(message.text(), undefined);
  });

  it('offers the gateway check only where the gateway may be at fault, not for a rate limit', () => {
    const message = new GatewayStatusMessage();
    message.update(state({ state: 'backing_off', lastError: new GatewayError('rate_limited', '429'), consecutiveFailures: 2 }));
    assert.equal(message.text(), 'api.gpt.ge: rate limited — retrying automatically.');
    message.update(state({ state: 'paused_auth', lastError: null, consecutiveFailures: 0 }));
    assert.equal(message.text(), 'api.gpt.ge: no API key — polling paused. Run "Suno: Set API Key…".');
  });

  it('says what is wrong with one gateway, for its group in the tree', () => {
    const message = new GatewayStatusMessage();
    message.update(state({ state: 'backing_off', lastError: new GatewayError('rate_limited', '429'), consecutiveFailures: 1 }));
    message.update(state({ baseUrl: 'https://api.cometapi.com', state: 'paused_auth', lastError: null }));
    assert.equal(message.problemOf('https://api.gpt.ge'), 'rate limited — retrying automatically');
    assert.equal(message.problemOf('https://api.cometapi.com'), 'no API key — polling paused');
    assert.equal(message.problemOf('https://elsewhere.example'), undefined);
  });

  it('tells a missing key, a key that cannot be sent and a refused key apart when polling pauses', () => {
    const cases = [
      {
        error: new GatewayError('auth', 'No API key is set for https://api.gpt.ge.'),
        line: 'api.gpt.ge: no API key — polling paused. Run "Suno: Set API Key…".',
        problem: 'no API key — polling paused',
      },
      {
        error: new GatewayError('auth', 'The API key contains spaces.', { url: 'https://api.gpt.ge', reason: 'unsendable_key' }),
        line: 'api.gpt.ge: the stored API key cannot be sent — polling paused. Run "Suno: Set API Key…" and paste it again.',
        problem: 'the stored API key cannot be sent — polling paused',
      },
      {
        error: new GatewayError('auth', 'The gateway refused the API key.', { httpStatus: 403 }),
        line: 'api.gpt.ge: the API key was refused — polling paused. Run "Suno: Set API Key…" ("Suno: Check Gateway" tells why).',
        problem: 'the API key was refused — polling paused',
      },
    ];
    for (const { error, line, problem } of cases) {
      const message = new GatewayStatusMessage();
      message.update(state({ state: 'paused_auth', lastError: error, consecutiveFailures: 1 }));
      assert.equal(message.text(), line);
      assert.equal(message.problemOf('https://api.gpt.ge'), problem);
    }
  });

  it('says the browser refused a gateway that does not allow cross-origin requests, not that it is unreachable', () => {
    const message = new GatewayStatusMessage();
    const refusal = new GatewayError('network', 'CORS', { url: 'https://api.gpt.ge/suno/fetch/abc', reason: 'cross_origin' });
    message.update(state({ state: 'backing_off', lastError: refusal, consecutiveFailures: 1 }));
    assert.equal(message.text(), 'api.gpt.ge: refused by the browser (CORS) — retrying automatically. "Suno: Check Gateway" tells why.');
    assert.equal(message.problemOf('https://api.gpt.ge'), 'refused by the browser (CORS) — retrying automatically');
  });

  it('clears the line while the gateway is polled again, e.g. after a new key', () => {
    const message = new GatewayStatusMessage();
    message.update(state({ state: 'paused_auth', lastError: new GatewayError('auth', 'refused'), consecutiveFailures: 1 }));
    // A round in flight with the new key: a refusal would bring the line back.
    assert.equal(message.update(state({ state: 'polling', lastError: new GatewayError('auth', 'refused'), consecutiveFailures: 1 })), true);
    assert.equal(message.text(), undefined);
  });

  it('names a low balance and a lost answer for what they are, never as a refused key', () => {
    const message = new GatewayStatusMessage();
    message.update(state({ state: 'backing_off', lastError: new GatewayError('quota', 'balance'), consecutiveFailures: 1 }));
    message.update(state({ baseUrl: 'https://api.cometapi.com', state: 'backing_off', lastError: new GatewayError('outcome_unknown', 'lost'), consecutiveFailures: 1 }));
    assert.equal(message.text(), 'api.gpt.ge: account balance too low — retrying automatically.\napi.cometapi.com: answer lost — retrying automatically.');
    assert.doesNotMatch(String(message.text()), /API key/);
  });
});
