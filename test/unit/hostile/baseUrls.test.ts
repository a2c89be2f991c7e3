// Hostile base URLs: every spelling of a host that the URL parser accepts is judged as the host
// it reaches (core/hostReach.ts), and a key sent to a plain-http gateway travels in clear text
// unless the way there is this machine or the user's own network (core/gateway/plainHttp.ts). What a
// gateway's media URLs may reach is in filesAndMedia.test.ts. Each case states its outcome.
import * as assert from 'node:assert/strict';
import { urlReach, type HostReach } from '../../../src/core/hostReach';
import { sendsKeyInClearText } from '../../../src/core/gateway/plainHttp';

interface HostCase {
  readonly name: string;
  readonly url: string;
  /** How near the host is; null when the URL does not parse. */
  readonly reach: HostReach | null;
  /** Whether a key sent to this gateway would travel readable. */
  readonly clearText: boolean;
}

const CASES: readonly HostCase[] = [
  { name: 'an https gateway on the internet', url: 'https://api.gpt.ge', reach: 'public', clearText: false },
  { name: 'plain http in capitals', url: 'HTTP://API.GPT.GE', reach: 'public', clearText: true },
  { name: 'loopback in octal', url: 'http://0177.0.0.1', reach: 'loopback', clearText: false },
  { name: 'loopback with octets left out', url: 'http://127.1', reach: 'loopback', clearText: false },
  { name: 'loopback as one hex number', url: 'http://0x7f000001', reach: 'loopback', clearText: false },
  { name: 'loopback as one decimal number', url: 'http://2130706433', reach: 'loopback', clearText: false },
  { name: 'loopback with zero-padded octets', url: 'http://127.000.000.001', reach: 'loopback', clearText: false },
  { name: 'loopback in circled digits', url: 'http://①②⑦.0.0.1', reach: 'loopback', clearText: false },
  { name: 'loopback in full-width hex', url: 'http://０x7f.1', reach: 'loopback', clearText: false },
  { name: 'localhost in mixed case with a trailing dot', url: 'http://LoCaLhOsT.', reach: 'loopback', clearText: false },
  { name: 'a subdomain of localhost', url: 'http://media.localhost', reach: 'loopback', clearText: false },
  { name: 'the unspecified IPv4 address', url: 'http://0.0.0.0', reach: 'loopback', clearText: false },
  { name: 'the unspecified IPv6 address', url: 'http://[::]', reach: 'loopback', clearText: false },
  { name: 'loopback mapped into IPv6', url: 'http://[::ffff:127.0.0.1]', reach: 'loopback', clearText: false },
  { name: 'loopback mapped into IPv6, written out in full', url: 'http://[0:0:0:0:0:ffff:7f00:1]', reach: 'loopback', clearText: false },
  { name: 'loopback in the IPv4-compatible IPv6 form', url: 'http://[::127.0.0.1]', reach: 'loopback', clearText: true },
  { name: 'a private address behind the NAT64 prefix', url: 'http://[64:ff9b::10.0.0.1]', reach: 'private', clearText: true },
  { name: 'the cloud metadata address', url: 'http://169.254.169.254', reach: 'link-local', clearText: false },
  { name: 'the cloud metadata address mapped into IPv6', url: 'http://[::ffff:169.254.169.254]', reach: 'link-local', clearText: false },
  { name: 'credentials that name a public host before a loopback one', url: 'http://cdn1.suno.ai@127.0.0.1', reach: 'loopback', clearText: false },
  { name: 'credentials that name loopback before a public host', url: 'http://127.0.0.1@evil.example', reach: 'public', clearText: true },
  { name: 'a private address with a trailing dot', url: 'http://10.0.0.1.', reach: 'private', clearText: false },
  { name: 'a carrier-grade NAT address', url: 'http://100.100.100.100', reach: 'private', clearText: true },
  { name: 'a .local name', url: 'http://nas.local', reach: 'private', clearText: true },
  { name: 'a name that merely starts like loopback', url: 'http://127.0.0.1.nip.io', reach: 'public', clearText: true },
  { name: 'a name that merely starts like the metadata address', url: 'http://169.254.169.254.nip.io', reach: 'public', clearText: true },
  { name: 'a name that merely starts with localhost', url: 'http://localhost.evil.example', reach: 'public', clearText: true },
  { name: 'an IPv4 number too large to be an address', url: 'http://4294967296', reach: null, clearText: false },
  { name: 'an octet over 255', url: 'http://256.0.0.1', reach: null, clearText: false },
  { name: 'an IPv6 zone id', url: 'http://[fe80::1%25eth0]', reach: null, clearText: false },
];

describe('Hostile base URLs: every spelling is judged as the host it reaches', () => {
  for (const { name, url, reach, clearText } of CASES) {
    it(`${name}: ${reach ?? 'not a URL'}${clearText ? ', key in clear text' : ''}`, () => {
      assert.equal(urlReach(url), reach);
      assert.equal(sendsKeyInClearText(url), clearText);
    });
  }
});
