import * as assert from 'node:assert/strict';
import { hostReach, isReachableFromGateway, staysOnOwnNetwork, urlReach, type HostReach } from '../../src/core/hostReach';

describe('hostReach', () => {
  const cases: [string, HostReach][] = [
    ['localhost', 'loopback'],
    ['LOCALHOST.', 'loopback'],
    ['app.localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['[::1]', 'loopback'],
    ['[::]', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['[::7f00:1]', 'loopback'],
    ['[64:ff9b::7f00:1]', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['[fe80::1]', 'link-local'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['100.64.0.1', 'private'],
    ['[fd12:3456::1]', 'private'],
    ['[fec0::1]', 'private'],
    ['[::ffff:a00:1]', 'private'],
    ['printer.local', 'private'],
    ['api.gpt.ge', 'public'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['172.15.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['11.0.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['300.1.1.1', 'public'],
    ['[2001:db8::1]', 'public'],
    ['[::ffff:808:808]', 'public'],
    ['localhost.evil.example', 'public'],
    ['127.0.0.1.nip.io', 'public'],
  ];
  for (const [host, reach] of cases) {
    it(`${host} is ${reach}`, () => {
      assert.equal(hostReach(host), reach);
    });
  }
});

describe('staysOnOwnNetwork', () => {
  it('holds for loopback, link-local and private addresses', () => {
    for (const host of ['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '169.254.1.1', '[fe80::1]', '10.1.2.3', '192.168.1.20', '[fd12::1]', '[::ffff:a00:1]']) {
      assert.equal(staysOnOwnNetwork(host), true, host);
    }
  });

  it('does not hold for hosts that are near by another network or by a name alone', () => {
    for (const host of ['100.64.0.1', '[64:ff9b::a00:1]', '[::a00:1]', '[::7f00:1]', 'printer.local', '8.8.8.8', 'api.gpt.ge']) {
      assert.equal(staysOnOwnNetwork(host), false, host);
    }
  });
});

describe('urlReach and isReachableFromGateway', () => {
  it('reads the host as the URL parser spells it', () => {
    assert.equal(urlReach('http://0x7f.1:8080'), 'loopback');
    assert.equal(urlReach('http://2130706433/'), 'loopback');
    assert.equal(urlReach('not a url'), null);
  });

  it('lets a gateway reach hosts no nearer than itself', () => {
    assert.equal(isReachableFromGateway('http://127.0.0.1/a.wav', 'http://localhost:3000'), true);
    assert.equal(isReachableFromGateway('http://10.0.0.2/a.wav', 'http://192.168.1.20'), true);
    assert.equal(isReachableFromGateway('http://10.0.0.2/a.wav', 'https://api.gpt.ge'), false);
    assert.equal(isReachableFromGateway('http://[::ffff:7f00:1]/a.wav', 'https://api.gpt.ge'), false);
    assert.equal(isReachableFromGateway('https://cdn1.suno.ai/a.mp3', 'not a url'), false);
  });
});
