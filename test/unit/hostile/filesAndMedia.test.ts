// Hostile input: song titles a gateway could send as download names, and media URLs it could
// send for the player and downloads. Each case states what must come out.
import * as assert from 'node:assert/strict';
import { MAX_STEM_BYTES, sanitiseFileName } from '../../../src/core/task/safeFileName';
import { hostReach } from '../../../src/core/hostReach';
import { mediaUrlForGateway, toSafeUrl } from '../../../src/core/safeUrl';

const FALLBACK = 'Suno task 0b4a2f4e';

interface NameCase {
  readonly title: string;
  readonly name: string;
  readonly expected: string;
}

const NAME_CASES: readonly NameCase[] = [
  { name: 'a huge ASCII title is cut to the byte limit', title: 'x'.repeat(100_000), expected: 'x'.repeat(MAX_STEM_BYTES) },
  { name: 'a long Chinese title is cut to whole characters within the byte limit', title: '夜'.repeat(100), expected: '夜'.repeat(66) },
  { name: 'an emoji is never cut in half', title: `${'a'.repeat(198)}👩‍👩‍👧`, expected: 'a'.repeat(198) },
  { name: 'a right-to-left override (U+202E) is dropped', title: 'evil\u202Eppa.mp3', expected: 'evilppa.mp3' },
  { name: 'zero-width characters and the BOM are dropped', title: 'Ci\u200Bty\u200D Li\uFEFFghts\u2060', expected: 'City Lights' },
  { name: 'bidi isolates and marks are dropped', title: '\u2066\u200Fdaol\u2069 \u061C', expected: 'daol' },
  { name: '`..` falls back', title: '..', expected: FALLBACK },
  { name: 'a path up and out is flattened', title: '../../../.ssh/authorized_keys', expected: 'ssh-authorized_keys' },
  { name: 'Windows separators are flattened', title: '..\\..\\Windows\\System32', expected: 'Windows-System32' },
  { name: 'a reserved device name gets a prefix', title: 'CON', expected: '_CON' },
  { name: 'a reserved device name with an extension gets a prefix', title: 'nul.txt', expected: '_nul.txt' },
  { name: 'a reserved console name gets a prefix', title: 'CONIN$', expected: '_CONIN$' },
  { name: 'trailing dots and spaces are removed', title: 'Song. . .  ', expected: 'Song' },
  { name: 'NUL and control characters become spaces', title: 'a\u0000b\u0007c\u009bd', expected: 'a b c d' },
  { name: 'only format and control characters fall back', title: '\u202E\u200B\u0000', expected: FALLBACK },
  { name: 'characters Windows refuses are removed', title: '<script>"a"|b?*', expected: 'scripta-b' },
  { name: 'a line separator is a space', title: 'one\u2028two', expected: 'one two' },
];

interface UrlCase {
  readonly name: string;
  readonly url: string;
  /** What `toSafeUrl` keeps (null: refused at the gate). */
  readonly safe: string | null;
  /** Whether a task of a remote https gateway may load or download what the gate kept. */
  readonly remoteGatewayMay: boolean;
}

const URL_CASES: readonly UrlCase[] = [
  { name: 'a CDN URL', url: 'https://cdn1.suno.ai/a.mp3', safe: 'https://cdn1.suno.ai/a.mp3', remoteGatewayMay: true },
  { name: 'javascript:', url: 'javascript:alert(1)', safe: null, remoteGatewayMay: false },
  { name: 'data:', url: 'data:audio/wav;base64,UklGRg==', safe: null, remoteGatewayMay: false },
  { name: 'file:', url: 'file:///etc/passwd', safe: null, remoteGatewayMay: false },
  { name: 'credentials in the URL', url: 'https://cdn1.suno.ai@evil.example/a.mp3', safe: null, remoteGatewayMay: false },
  { name: 'loopback IPv4', url: 'http://127.0.0.1:8080/a.wav', safe: 'http://127.0.0.1:8080/a.wav', remoteGatewayMay: false },
  { name: 'loopback over https', url: 'https://127.0.0.1/a.wav', safe: 'https://127.0.0.1/a.wav', remoteGatewayMay: false },
  { name: 'localhost in capitals', url: 'http://LOCALHOST/a.wav', safe: 'http://localhost/a.wav', remoteGatewayMay: false },
  { name: 'a subdomain of localhost', url: 'http://api.localhost/a.wav', safe: 'http://api.localhost/a.wav', remoteGatewayMay: false },
  { name: 'a decimal IP for 127.0.0.1', url: 'http://2130706433/a.wav', safe: 'http://127.0.0.1/a.wav', remoteGatewayMay: false },
  { name: 'an octal/hex IP for 127.0.0.1', url: 'http://0x7f.0.0.01/a.wav', safe: 'http://127.0.0.1/a.wav', remoteGatewayMay: false },
  { name: 'the 127.0.0.0/8 range', url: 'http://127.1.2.3/a.wav', safe: 'http://127.1.2.3/a.wav', remoteGatewayMay: false },
  { name: '0.0.0.0', url: 'http://0.0.0.0:3000/a.wav', safe: 'http://0.0.0.0:3000/a.wav', remoteGatewayMay: false },
  { name: 'IPv6 loopback', url: 'http://[::1]:3000/a.wav', safe: 'http://[::1]:3000/a.wav', remoteGatewayMay: false },
  { name: 'IPv4-mapped IPv6 loopback', url: 'http://[::ffff:127.0.0.1]/a.wav', safe: 'http://[::ffff:7f00:1]/a.wav', remoteGatewayMay: false },
  { name: 'IPv4-compatible IPv6 loopback', url: 'http://[::127.0.0.1]/a.wav', safe: 'http://[::7f00:1]/a.wav', remoteGatewayMay: false },
  { name: 'NAT64 of a private address', url: 'http://[64:ff9b::192.168.1.1]/a.wav', safe: 'http://[64:ff9b::c0a8:101]/a.wav', remoteGatewayMay: false },
  { name: 'the cloud metadata address (link-local)', url: 'http://169.254.169.254/latest/meta-data', safe: 'http://169.254.169.254/latest/meta-data', remoteGatewayMay: false },
  { name: 'IPv6 link-local', url: 'http://[fe80::1]/a.wav', safe: 'http://[fe80::1]/a.wav', remoteGatewayMay: false },
  { name: 'a home router (192.168/16)', url: 'http://192.168.1.1/admin', safe: 'http://192.168.1.1/admin', remoteGatewayMay: false },
  { name: 'a 10/8 address', url: 'https://10.0.0.5/a.mp3', safe: 'https://10.0.0.5/a.mp3', remoteGatewayMay: false },
  { name: 'a 172.16/12 address', url: 'https://172.20.0.1/a.mp3', safe: 'https://172.20.0.1/a.mp3', remoteGatewayMay: false },
  { name: 'an IPv6 unique local address', url: 'http://[fd12:3456::1]/a.mp3', safe: 'http://[fd12:3456::1]/a.mp3', remoteGatewayMay: false },
  { name: 'an mDNS name', url: 'http://nas.local/a.mp3', safe: 'http://nas.local/a.mp3', remoteGatewayMay: false },
  { name: '172.32 is public', url: 'https://172.32.0.1/a.mp3', safe: 'https://172.32.0.1/a.mp3', remoteGatewayMay: true },
  { name: 'a public IPv6 address', url: 'https://[2606:4700::1111]/a.mp3', safe: 'https://[2606:4700::1111]/a.mp3', remoteGatewayMay: true },
  { name: 'a backslash host trick', url: 'https://cdn1.suno.ai\\@127.0.0.1/', safe: null, remoteGatewayMay: false },
];

describe('hostile input: file names and media URLs', () => {
  describe('download names', () => {
    for (const testCase of NAME_CASES) {
      it(testCase.name, () => {
        const name = sanitiseFileName(testCase.title, FALLBACK);
        assert.equal(name, testCase.expected);
        assert.ok(Buffer.byteLength(name) <= MAX_STEM_BYTES + 1, `${Buffer.byteLength(name)} bytes`);
      });
    }
  });

  describe('media URLs', () => {
    for (const testCase of URL_CASES) {
      it(testCase.name, () => {
        const safe = toSafeUrl(testCase.url);
        assert.equal(safe, testCase.safe);
        if (safe === null) return;
        assert.equal(mediaUrlForGateway(safe, 'https://api.gpt.ge') !== null, testCase.remoteGatewayMay);
        // A gateway on this machine may use anything the gate lets through.
        assert.equal(mediaUrlForGateway(safe, 'http://127.0.0.1:4000'), safe);
      });
    }
  });

  describe('gateway reach', () => {
    it('a LAN gateway may use its own network but not this machine or link-local hosts', () => {
      const lan = 'http://192.168.1.20:3000';
      assert.equal(mediaUrlForGateway('http://192.168.1.20:3000/media/a.wav', lan), 'http://192.168.1.20:3000/media/a.wav');
      assert.equal(mediaUrlForGateway('https://cdn1.suno.ai/a.mp3', lan), 'https://cdn1.suno.ai/a.mp3');
      assert.equal(mediaUrlForGateway('http://127.0.0.1/a.wav', lan), null);
      assert.equal(mediaUrlForGateway('http://169.254.169.254/', lan), null);
    });

    it('judges hosts as the URL parser spells them', () => {
      assert.deepEqual(
        ['localhost', '127.0.0.1', '[::1]', '169.254.1.1', '[fe80::abcd]', '10.1.1.1', '100.64.0.1', 'cdn1.suno.ai', '8.8.8.8'].map(hostReach),
        ['loopback', 'loopback', 'loopback', 'link-local', 'link-local', 'private', 'private', 'public', 'public'],
      );
    });
  });
});
