import * as assert from 'node:assert/strict';
import { isLoopbackOrPrivateHost, isUnencryptedRemoteUrl } from '../../src/core/privateAddress';

describe('isLoopbackOrPrivateHost', () => {
  it('accepts this machine and private networks', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.1.1', '[::1]', '::1', '[fd12:3456::1]', '[fe80::1]', '[::ffff:a00:1]']) {
      assert.equal(isLoopbackOrPrivateHost(host), true, host);
    }
  });

  it('refuses public addresses and names that could resolve anywhere', () => {
    for (const host of ['api.gpt.ge', 'evil.example', '8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '11.0.0.1', '[2001:db8::1]', '[::ffff:808:808]', 'localhost.evil.example', '127.0.0.1.nip.io', '300.1.1.1']) {
      assert.equal(isLoopbackOrPrivateHost(host), false, host);
    }
  });
});

describe('isUnencryptedRemoteUrl', () => {
  it('is true only for plain http to a public host', () => {
    assert.equal(isUnencryptedRemoteUrl('http://api.example.com'), true);
    assert.equal(isUnencryptedRemoteUrl('http://0x7f.1:8080'), false, 'URL parsing writes 127.0.0.1');
    assert.equal(isUnencryptedRemoteUrl('https://api.example.com'), false);
    assert.equal(isUnencryptedRemoteUrl('http://127.0.0.1:3000'), false);
    assert.equal(isUnencryptedRemoteUrl('http://192.168.0.5/v1'), false);
    assert.equal(isUnencryptedRemoteUrl('not a url'), false);
  });
});
