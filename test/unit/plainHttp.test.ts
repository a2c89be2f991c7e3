import * as assert from 'node:assert/strict';
import { sendsKeyInClearText } from '../../src/core/gateway/plainHttp';

describe('sendsKeyInClearText', () => {
  const cases: [string, boolean][] = [
    ['https://api.gpt.ge', false],
    ['https://8.8.8.8', false],
    ['https://api.example.com', false],
    ['http://api.gpt.ge', true],
    ['http://api.example.com', true],
    ['http://8.8.8.8:3000', true],
    ['http://[2001:db8::1]', true],
    ['http://[::ffff:808:808]', true],
    ['http://127.0.0.1.nip.io', true],
    ['http://localhost.evil.example', true],
    ['http://172.15.0.1', true],
    ['http://172.32.0.1', true],
    ['http://192.169.0.1', true],
    // Near, but the way there is not the user's own network.
    ['http://100.64.0.1', true],
    ['http://[64:ff9b::a00:1]', true],
    ['http://[::a00:1]', true],
    ['http://printer.local', true],
    ['http://localhost:3000', false],
    ['http://LOCALHOST', false],
    ['http://gateway.localhost', false],
    ['http://127.0.0.1:8080/prefix', false],
    ['http://127.0.0.1:3000', false],
    ['http://127.9.9.9', false],
    ['http://0x7f.1:8080', false],
    ['http://2130706433', false],
    ['http://[::1]:8080', false],
    ['http://10.1.2.3', false],
    ['http://172.16.0.1', false],
    ['http://172.31.255.255', false],
    ['http://192.168.0.10', false],
    ['http://192.168.0.5/v1', false],
    ['http://169.254.10.10', false],
    ['http://[fd12:3456::1]', false],
    ['http://[fe80::1]', false],
    ['http://[::ffff:a00:1]', false],
    ['not a url', false],
  ];
  for (const [baseUrl, expected] of cases) {
    it(`${baseUrl}: ${expected ? 'clear text' : 'not clear text on the network'}`, () => {
      assert.equal(sendsKeyInClearText(baseUrl), expected);
    });
  }
});
