import * as assert from 'node:assert/strict';
import { GatewayClient } from '../../src/core/gateway/gatewayClient';
import { gatewayErrorHeadline } from '../../src/core/gateway/gatewayErrorHeadline';
import { GatewayError } from '../../src/core/gatewayError';
import { english, type Localize } from '../../src/core/localize';
import { rejection } from './support/rejection';

/** Marks every sentence that went through `localize`, as a translation would change it. */
const marked: Localize = (message, ...args) => `«${english(message, ...args)}»`;

/** A gateway that is never called: these keys fail before anything is sent. */
const unusedFetch: typeof globalThis.fetch = () => Promise.reject(new Error('nothing may be sent'));

function client(apiKey: string): GatewayClient {
  return new GatewayClient({ baseUrl: 'https://gateway.example', apiKey, fetch: unusedFetch });
}

describe('gatewayErrorHeadline', () => {
  describe('for an auth failure', () => {
    it('says no key is set when there is none', async () => {
      const error = await rejection(client('').fetchTask('abc'), 'auth');
      assert.equal(gatewayErrorHeadline(error, marked), '«No API key is set for this gateway: set the key the gateway gave you.»');
    });

    it('says a stored key cannot be sent when it holds characters a header cannot carry, never that none is set', async () => {
      for (const apiKey of ['sk-one two', 'sk-line\nbreak', 'sk-clé']) {
        const error = await rejection(client(apiKey).fetchTask('abc'), 'auth');
        assert.equal(
          gatewayErrorHeadline(error, marked),
          '«The API key cannot be sent: it contains spaces, line breaks or other characters a key never has. Paste it again.»',
          JSON.stringify(apiKey),
        );
      }
    });

    it('says the gateway refused the key when it answered so', () => {
      const error = new GatewayError('auth', 'The gateway refused the API key.', { httpStatus: 401 });
      assert.equal(gatewayErrorHeadline(error, marked), '«The gateway refused the API key: set a new key.»');
    });
  });
});
