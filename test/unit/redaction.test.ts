import * as assert from 'node:assert/strict';
import { GatewayError } from '../../src/core/gatewayError';
import { redactKey, redactKeyInError, redactKeyPatterns } from '../../src/core/gateway/redaction';

const KEY = 'sk-live"quoted\\key-123';

describe('redactKey', () => {
  it('blanks every copy of the key', () => {
    assert.equal(redactKey(`first ${KEY} then ${KEY}.`, KEY), 'first *** then ***.');
  });

  it('blanks the key where JSON escaped it', () => {
    const body = JSON.stringify({ error: { message: `invalid token ${KEY}` } });
    assert.equal(redactKey(body, KEY), '{"error":{"message":"invalid token ***"}}');
  });

  it('leaves text alone without a key, or with one too short to be a key', () => {
    assert.equal(redactKey('abc sk-1 abc', undefined), 'abc sk-1 abc');
    assert.equal(redactKey('abc sk-1 abc', 'abc'), 'abc sk-1 abc');
  });
});

describe('redactKeyInError', () => {
  it('blanks the key in the message, the URL and the gateway message, and drops the cause', () => {
    const error = new GatewayError('auth', `refused ${KEY}`, {
      url: `https://gw.example/fetch?key=${KEY}`,
      httpStatus: 401,
      gatewayMessage: `bad key ${KEY}`,
      cause: new Error(KEY),
    });
    const redacted = redactKeyInError(error, KEY);
    assert.equal(redacted.message, 'refused ***');
    assert.equal(redacted.url, 'https://gw.example/fetch?key=***');
    assert.equal(redacted.gatewayMessage, 'bad key ***');
    assert.equal(redacted.httpStatus, 401);
    assert.equal(redacted.kind, 'auth');
    assert.equal(redacted.cause, undefined);
  });

  it('keeps the fields that decide what is shown: the reason and the faulty setting', () => {
    const refusal = new GatewayError('network', 'The gateway does not allow requests from the browser (CORS).', {
      url: 'https://gw.example/suno/fetch/abc',
      reason: 'cross_origin',
      cause: new TypeError(`Failed to fetch with ${KEY}`),
    });
    assert.equal(redactKeyInError(refusal, KEY).reason, 'cross_origin');
    const setting = new GatewayError('invalid_input', `bad base URL ${KEY}`, { faultySetting: 'baseUrl' });
    assert.equal(redactKeyInError(setting, KEY).faultySetting, 'baseUrl');
  });

  it('returns an error that holds no key as it is', () => {
    const error = new GatewayError('server', 'HTTP 502', { url: 'https://gw.example/fetch', httpStatus: 502, cause: new Error('reset') });
    assert.equal(redactKeyInError(error, KEY), error);
  });
});

describe('redactKeyPatterns', () => {
  const cases: [string, string][] = [
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer ***'],
    ['{"authorization":"bearer abc123"}', '{"authorization":"bearer ***"}'],
    ['key sk-0123456789abcdef rejected', 'key sk-*** rejected'],
    ['sk-short stays', 'sk-short stays'],
    ['task-abcdefghij is an id, not a key', 'task-abcdefghij is an id, not a key'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(redactKeyPatterns(text), expected);
    });
  }
});
