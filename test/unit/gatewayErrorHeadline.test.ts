import * as assert from 'node:assert/strict';
import { crossOriginRefusalMessage, explainingCrossOriginRefusals } from '../../src/core/gateway/crossOriginRefusal';
import { GatewayClient } from '../../src/core/gateway/gatewayClient';
import { gatewayErrorHeadline } from '../../src/core/gateway/gatewayErrorHeadline';
import { GatewayError } from '../../src/core/gatewayError';
import { english, type Localize } from '../../src/core/localize';
import { ManualClock } from './support/manualClock';
import { rejection } from './support/rejection';

/** Marks every sentence that went through `localize`, as a translation would change it. */
const marked: Localize = (message, ...args) => `«${english(message, ...args)}»`;

/** A gateway that is never called: a key that is missing or cannot be sent fails before anything is sent. */
const unusedFetch: typeof globalThis.fetch = () => Promise.reject(new Error('nothing may be sent'));

/** A browser's fetch at a gateway that answers, but without Access-Control-Allow-Origin. */
const refusingBrowserFetch: typeof globalThis.fetch = async (_input, init) => {
  if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
  throw new TypeError('Failed to fetch');
};

function client(apiKey: string, fetchImpl: typeof globalThis.fetch = unusedFetch): GatewayClient {
  return new GatewayClient({ baseUrl: 'https://gateway.example', apiKey, fetch: fetchImpl });
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

  describe('for a read the browser refused (CORS)', () => {
    it('says the gateway refuses requests from the browser, in the display language, not that it could not be reached', async () => {
      const fetchImpl = explainingCrossOriginRefusals(refusingBrowserFetch, new ManualClock());
      const error = await rejection(client('sk-fine', fetchImpl).fetchTask('abc'), 'network');
      const headline = gatewayErrorHeadline(error, marked);
      assert.equal(headline, `«${crossOriginRefusalMessage('https://gateway.example/suno/fetch/abc')}»`);
      assert.doesNotMatch(headline, /could not be reached/);
    });

    it('still says an unreachable gateway could not be reached', () => {
      const error = new GatewayError('network', 'fetch failed', { url: 'https://gateway.example/suno/fetch/abc' });
      assert.equal(gatewayErrorHeadline(error, marked), '«The gateway could not be reached: check the address and the connection.»');
    });

    it('puts the warning about a second charge first for a submit, then the refusal', async () => {
      const fetchImpl = explainingCrossOriginRefusals(refusingBrowserFetch, new ManualClock());
      const error = await rejection(client('sk-fine', fetchImpl).submit({ action: 'lyrics', body: { prompt: 'a song about the sea' } }), 'outcome_unknown');
      const headline = gatewayErrorHeadline(error, marked);
      assert.match(headline, /^«The gateway may or may not have accepted the submit: .* a second submit is charged again\.» «The gateway at gateway\.example does not allow requests from the browser \(CORS\)/);
    });
  });
});
