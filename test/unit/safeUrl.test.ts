import * as assert from 'node:assert/strict';
import { describeResponse } from '../../src/core/wire/describeResponse';
import { toSafeUrl } from '../../src/core/safeUrl';

describe('toSafeUrl', () => {
  it('keeps absolute http and https URLs', () => {
    for (const url of [
      'https://cdn1.suno.ai/3435e194-50e7-4edc-9442-bffe072fccfc.mp3',
      'https://audiopipe.suno.ai/?item_id=3435e194-50e7-4edc-9442-bffe072fccfc',
      'http://127.0.0.1:43123/media/clip.wav',
    ]) {
      assert.equal(toSafeUrl(url), url);
    }
  });

  it('trims the space around a URL and spells it canonically', () => {
    assert.equal(toSafeUrl('  https://cdn1.suno.ai/a.mp3\n'), 'https://cdn1.suno.ai/a.mp3');
    assert.equal(toSafeUrl('HTTPS://CDN1.SUNO.AI/a.mp3'), 'https://cdn1.suno.ai/a.mp3');
    assert.equal(toSafeUrl('https://cdn1.suno.ai'), 'https://cdn1.suno.ai/');
  });

  it('drops other schemes', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://example.com/a', 'vscode://x', 'blob:https://a/b']) {
      assert.equal(toSafeUrl(url), null, url);
    }
  });

  it('drops relative and scheme-relative URLs', () => {
    for (const url of ['/relative/cover.jpeg', 'cover.jpeg', '//cdn1.suno.ai/a.mp3', '?item_id=1', 'http:cdn1.suno.ai', 'https:/cdn1.suno.ai/a']) {
      assert.equal(toSafeUrl(url), null, url);
    }
  });

  it('drops URLs that could show one address and go to another', () => {
    for (const url of ['https://cdn1.suno.ai@evil.example/a.mp3', 'https://user:pass@cdn1.suno.ai/a', 'https:\\\\evil.example', 'https://cdn1.suno.ai\\@evil.example/', 'java\nscript:alert(1)', 'https://cdn1.\tsuno.ai/a']) {
      assert.equal(toSafeUrl(url), null, JSON.stringify(url));
    }
  });

  it('drops garbage and non-strings', () => {
    for (const value of ['', '   ', 'not a url', 'https://', 'http:// space.example/', null, undefined, 42, {}, ['https://cdn1.suno.ai/a.mp3'], `https://a.example/${'x'.repeat(5000)}`]) {
      assert.equal(toSafeUrl(value), null, String(value).slice(0, 40));
    }
  });
});

describe('describeResponse', () => {
  it('names the status, the content type and the body', () => {
    assert.equal(describeResponse(502, 'text/html', '<h1>Bad gateway</h1>'), 'HTTP 502, content type text/html, body "<h1>Bad gateway</h1>"');
  });

  it('says when there is no content type or no body', () => {
    assert.equal(describeResponse(200, null, ''), 'HTTP 200, no content type, empty body');
    assert.equal(describeResponse(204, '', '  \n'), 'HTTP 204, no content type, a body of 3 blank characters');
  });

  it('quotes only the first 200 characters, on one line', () => {
    const body = `line one\nline two\r\n${'y'.repeat(500)}`;
    const description = describeResponse(200, 'text/plain', body);
    assert.ok(!description.includes('\n'));
    assert.ok(description.includes('line one\\nline two\\r\\n'));
    assert.ok(description.includes(`(${body.length} characters)`));
    const quoted = /body starts "(.*)"…/.exec(description)?.[1] ?? '';
    assert.equal(JSON.parse(`"${quoted}"`), body.slice(0, 200));
  });

  it('keeps Chinese text and never cuts an emoji in half', () => {
    const body = `${'字'.repeat(199)}🎵${'x'.repeat(10)}`;
    const description = describeResponse(200, 'application/json', body);
    assert.ok(description.includes(`${'字'.repeat(199)}🎵"…`));
  });
});
