import * as assert from 'node:assert/strict';
import {
  MAX_KNOWN_GATEWAYS,
  forgetGateway,
  gatewayName,
  parseKnownGateways,
  rememberGateway,
  type KnownGateway,
} from '../../src/core/gateway/knownGateways';

function urls(known: readonly KnownGateway[]): string[] {
  return known.map((gateway) => gateway.baseUrl);
}

describe('known gateways', () => {
  it('puts the newest use first', () => {
    let known = rememberGateway([], 'https://api.gpt.ge', 1000);
    known = rememberGateway(known, 'https://api.cometapi.com', 2000);
    known = rememberGateway(known, 'http://127.0.0.1:4000', 3000);
    assert.deepEqual(urls(known), ['http://127.0.0.1:4000', 'https://api.cometapi.com', 'https://api.gpt.ge']);
    known = rememberGateway(known, 'https://api.gpt.ge', 4000);
    assert.deepEqual(urls(known), ['https://api.gpt.ge', 'http://127.0.0.1:4000', 'https://api.cometapi.com']);
  });

  it('keeps one entry per normalised base URL', () => {
    let known = rememberGateway([], 'https://api.gpt.ge/v1/', 1000);
    known = rememberGateway(known, 'api.gpt.ge', 2000);
    known = rememberGateway(known, 'https://api.gpt.ge/suno/fetch', 3000);
    assert.deepEqual(known, [{ baseUrl: 'https://api.gpt.ge', lastUsedAt: 3000 }]);
  });

  it('does not make a use older than one already recorded', () => {
    let known = rememberGateway([], 'https://a.example', 5000);
    known = rememberGateway(known, 'https://b.example', 6000);
    known = rememberGateway(known, 'https://a.example', 1000);
    assert.deepEqual(known, [
      { baseUrl: 'https://b.example', lastUsedAt: 6000 },
      { baseUrl: 'https://a.example', lastUsedAt: 5000 },
    ]);
  });

  it(`remembers at most ${MAX_KNOWN_GATEWAYS}, forgetting the least recently used`, () => {
    let known: KnownGateway[] = [];
    for (let index = 0; index < MAX_KNOWN_GATEWAYS + 5; index++) {
      known = rememberGateway(known, `https://gateway-${index}.example`, 1000 + index);
    }
    assert.equal(known.length, MAX_KNOWN_GATEWAYS);
    assert.equal(known[0].baseUrl, `https://gateway-${MAX_KNOWN_GATEWAYS + 4}.example`);
    assert.ok(!urls(known).includes('https://gateway-4.example'));
    assert.ok(urls(known).includes('https://gateway-5.example'));
  });

  it('ignores a base URL that is not usable', () => {
    const known = rememberGateway([], 'https://api.gpt.ge', 1000);
    for (const bad of ['', '   ', 'ftp://x.example', 'https://user:sk-secret@x.example', 'https://x.example/?key=1', 'javascript:alert(1)']) {
      assert.deepEqual(rememberGateway(known, bad, 2000), known, bad);
    }
  });

  it('treats a time that is not a time as long ago', () => {
    let known = rememberGateway([], 'https://a.example', 10);
    for (const time of [Number.NaN, Number.POSITIVE_INFINITY, -5, Number.NEGATIVE_INFINITY]) {
      known = rememberGateway(known, `https://t${known.length}.example`, time);
    }
    assert.equal(known[0].baseUrl, 'https://a.example');
    assert.ok(known.every((gateway) => Number.isFinite(gateway.lastUsedAt) && gateway.lastUsedAt >= 0));
  });

  it('forgets a gateway in any of its spellings, and only that one', () => {
    let known = rememberGateway([], 'https://a.example', 1000);
    known = rememberGateway(known, 'https://b.example', 2000);
    assert.deepEqual(urls(forgetGateway(known, 'https://a.example/v1/')), ['https://b.example']);
    assert.deepEqual(urls(forgetGateway(known, 'https://c.example')), ['https://b.example', 'https://a.example']);
    assert.deepEqual(urls(forgetGateway(known, 'not a url')), ['https://b.example', 'https://a.example']);
  });

  it('parses what was stored, dropping what is no gateway', () => {
    const known = parseKnownGateways([
      { baseUrl: 'https://a.example/v1', lastUsedAt: 1000 },
      { baseUrl: 'https://b.example', lastUsedAt: 3000 },
      { baseUrl: 'https://a.example', lastUsedAt: 2000 },
      { baseUrl: 'https://user:pw@c.example', lastUsedAt: 4000 },
      { baseUrl: 42, lastUsedAt: 5000 },
      { baseUrl: 'https://d.example', lastUsedAt: '6000' },
      null,
      'https://e.example',
    ]);
    assert.deepEqual(known, [
      { baseUrl: 'https://b.example', lastUsedAt: 3000 },
      { baseUrl: 'https://a.example', lastUsedAt: 2000 },
    ]);
    for (const stored of [undefined, null, 'x', 42, {}, { baseUrl: 'https://a.example', lastUsedAt: 1 }]) {
      assert.deepEqual(parseKnownGateways(stored), []);
    }
  });

  it('parses a huge stored list into a bounded one', () => {
    const stored = Array.from({ length: 100_000 }, (_, index) => ({ baseUrl: `https://g${index}.example`, lastUsedAt: index }));
    const known = parseKnownGateways(stored);
    assert.equal(known.length, MAX_KNOWN_GATEWAYS);
  });

  it('names a gateway by host, keeping a port, a path prefix and plain http', () => {
    assert.equal(gatewayName('https://api.gpt.ge/v1/'), 'api.gpt.ge');
    assert.equal(gatewayName('http://127.0.0.1:4000'), 'http://127.0.0.1:4000');
    assert.equal(gatewayName('https://example.com:8443/reseller'), 'example.com:8443/reseller');
  });
});
