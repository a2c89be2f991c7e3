// Hostile base URLs and media URLs: every spelling of a near host that the URL parser accepts is
// judged as that host (core/hostReach.ts), for the two questions asked of it: may a gateway on
// the internet make the panel or a download fetch it, and would a key sent there travel in clear
// text (core/plainHttp.ts). Each case states the outcome it expects.
import * as assert from 'node:assert/strict';
import { urlReach, type HostReach } from '../../../src/core/hostReach';
import { sendsKeyInClearText } from '../../../src/core/plainHttp';
import { mediaUrlForGateway } from '../../../src/core/safeUrl';

const REMOTE_GATEWAY = 'https://api.gpt.ge';

interface HostCase {
  readonly name: string;
  readonly url: string;
  /** How near the host is; null when the URL does not parse. */
  readonly reach: HostReach | null;
  /** Whether a key sent to this URL as a gateway would travel readable. */
  readonly clearText: boolean;
}

const CASES: readonly HostCase[] = [
  { name: 'loopback in octal', url: 'http://0177.0.0.1/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback with octets left out', url: 'http://127.1/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback as one hex number', url: 'http://0x7f000001/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback as one decimal number', url: 'http://2130706433/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback with zero-padded octets', url: 'http://127.000.000.001/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback in circled digits', url: 'http://①②⑦.0.0.1/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback in full-width hex', url: 'http://０x7f.1/a.mp3', reach: 'loopback', clearText: false },
  { name: 'localhost in mixed case with a trailing dot', url: 'http://LoCaLhOsT./a.mp3', reach: 'loopback', clearText: false },
  { name: 'a subdomain of localhost', url: 'http://media.localhost/a.mp3', reach: 'loopback', clearText: false },
  { name: 'the unspecified IPv4 address', url: 'http://0.0.0.0/a.mp3', reach: 'loopback', clearText: false },
  { name: 'the unspecified IPv6 address', url: 'http://[::]/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback mapped into IPv6', url: 'http://[::ffff:127.0.0.1]/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback mapped into IPv6, written out in full', url: 'http://[0:0:0:0:0:ffff:7f00:1]/a.mp3', reach: 'loopback', clearText: false },
  { name: 'loopback in the IPv4-compatible IPv6 form', url: 'http://[::127.0.0.1]/a.mp3', reach: 'loopback', clearText: true },
  { name: 'a private address behind the NAT64 prefix', url: 'http://[64:ff9b::10.0.0.1]/a.mp3', reach: 'private', clearText: true },
  { name: 'the cloud metadata address', url: 'http://169.254.169.254/latest/meta-data/', reach: 'link-local', clearText: false },
  { name: 'the cloud metadata address mapped into IPv6', url: 'http://[::ffff:169.254.169.254]/', reach: 'link-local', clearText: false },
  { name: 'credentials that name a public host before a loopback one', url: 'http://cdn1.suno.ai@127.0.0.1/a.mp3', reach: 'loopback', clearText: false },
  { name: 'credentials that name loopback before a public host', url: 'http://127.0.0.1@evil.example/a.mp3', reach: 'public', clearText: true },
  { name: 'a private address with a trailing dot', url: 'http://10.0.0.1./a.mp3', reach: 'private', clearText: false },
  { name: 'a carrier-grade NAT address', url: 'http://100.100.100.100/a.mp3', reach: 'private', clearText: true },
  { name: 'a .local name', url: 'http://nas.local/a.mp3', reach: 'private', clearText: true },
  { name: 'a name that merely starts like loopback', url: 'http://127.0.0.1.nip.io/a.mp3', reach: 'public', clearText: true },
  { name: 'a name that merely starts like the metadata address', url: 'http://169.254.169.254.nip.io/', reach: 'public', clearText: true },
  { name: 'a name that merely starts with localhost', url: 'http://localhost.evil.example/a.mp3', reach: 'public', clearText: true },
  { name: 'an IPv4 number too large to be an address', url: 'http://4294967296/a.mp3', reach: null, clearText: false },
  { name: 'an octet over 255', url: 'http://256.0.0.1/a.mp3', reach: null, clearText: false },
  { name: 'an IPv6 zone id', url: 'http://[fe80::1%25eth0]/a.mp3', reach: null, clearText: false },
];

describe('Hostile hosts: every spelling is judged as the host it reaches', () => {
  for (const { name, url, reach, clearText } of CASES) {
    it(`${name}: ${reach ?? 'not a URL'}${clearText ? ', key in clear text' : ''}`, () => {
      assert.equal(urlReach(url), reach);
      const remoteMayFetch = reach === 'public';
      assert.equal(mediaUrlForGateway(url, REMOTE_GATEWAY), remoteMayFetch ? url : null);
      assert.equal(sendsKeyInClearText(url), clearText);
    });
  }
});
