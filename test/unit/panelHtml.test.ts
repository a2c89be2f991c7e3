import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, extraMediaOrigin, panelHtml } from '../../src/panel/panelHtml';

const OPTIONS = {
  cspSource: 'https://*.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/panel.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    }),
  );
}

describe('panelHtml', () => {
  it('allows only the nonce script, the extension stylesheet and https or, for a local gateway, local media', () => {
    const csp = directives(contentSecurityPolicy({ ...OPTIONS, gatewayOrigin: 'http://127.0.0.1:4000' }));
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${OPTIONS.nonce}'`]);
    assert.deepEqual(csp.get('style-src'), [OPTIONS.cspSource]);
    assert.deepEqual(csp.get('media-src'), ['https:', 'http://127.0.0.1:*', 'http://localhost:*']);
    assert.deepEqual(csp.get('img-src'), [OPTIONS.cspSource, 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
    assert.deepEqual(csp.get('font-src'), [OPTIONS.cspSource]);
    assert.ok(![...csp.values()].flat().some((source) => source.includes('unsafe')));
  });

  it('allows no media from this machine for a remote gateway, or when the gateway is unknown', () => {
    for (const gatewayOrigin of ['https://api.gpt.ge', 'http://192.168.1.20:3000', 'http://169.254.1.1', undefined]) {
      const csp = directives(contentSecurityPolicy({ ...OPTIONS, gatewayOrigin }));
      const media = [...(csp.get('media-src') ?? []), ...(csp.get('img-src') ?? [])];
      assert.ok(!media.some((source) => /127\.0\.0\.1|localhost/.test(source)), `${gatewayOrigin}: ${media.join(' ')}`);
      assert.ok(media.includes('https:'));
    }
    const local = directives(contentSecurityPolicy({ ...OPTIONS, gatewayOrigin: 'http://localhost:8080' }));
    assert.deepEqual(local.get('media-src'), ['https:', 'http://127.0.0.1:*', 'http://localhost:*']);
  });

  it('adds a plain-http gateway on another host, and nothing for https or local gateways', () => {
    assert.equal(extraMediaOrigin('http://192.168.1.20:3000'), 'http://192.168.1.20:3000');
    assert.equal(extraMediaOrigin('https://api.gpt.ge'), null);
    assert.equal(extraMediaOrigin('http://127.0.0.1:4000'), null);
    assert.equal(extraMediaOrigin('not a url'), null);
    const csp = directives(contentSecurityPolicy({ ...OPTIONS, gatewayOrigin: 'http://192.168.1.20:3000' }));
    assert.ok(csp.get('media-src')?.includes('http://192.168.1.20:3000'));
  });

  it('loads the script with the nonce and the stylesheet, with no inline script or style', () => {
    const html = panelHtml(OPTIONS);
    assert.ok(html.includes(`<script nonce="${OPTIONS.nonce}" src="${OPTIONS.scriptUri}"></script>`));
    assert.ok(html.includes(`<link rel="stylesheet" href="${OPTIONS.styleUri}">`));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/<style|\sstyle=|\son[a-z]+=/i.test(html));
  });

  it('has the landmarks and hooks the page script fills in', () => {
    const html = panelHtml(OPTIONS);
    for (const id of ['task-title', 'task-status', 'task-progress', 'task-progress-fill', 'task-progress-label', 'task-failure', 'task-announcer', 'task-open-lyrics', 'task-download', 'task-edit-as-new-song', 'task-lyrics', 'task-lyrics-text', 'clips']) {
      assert.ok(html.includes(`id="${id}"`), id);
    }
    assert.ok(html.includes('<main'));
    assert.ok(html.includes('aria-live="polite"'));
  });

  it('escapes what it puts into attributes', () => {
    const html = panelHtml({ ...OPTIONS, scriptUri: 'https://x.test/a"><script>alert(1)</script>' });
    assert.ok(!html.includes('"><script>alert'));
  });

  it('makes a different long nonce each time', () => {
    const first = createNonce();
    assert.notEqual(first, createNonce());
    assert.ok(Buffer.from(first, 'base64').length >= 16);
  });
});

describe('panelHtml in the display language', () => {
  const chinese = {
    localize: (message: string) => ({ 'Loading task…': '正在加载任务…', Lyrics: '歌词' })[message] ?? message,
    locale: 'zh-cn',
  };

  it('writes its own words in the display language and says which it is', () => {
    const html = panelHtml({ ...OPTIONS, language: chinese });
    assert.match(html, /<html lang="zh-cn">/);
    assert.match(html, /<h1 id="task-title">正在加载任务…<\/h1>/);
    assert.match(html, /<h2 id="task-lyrics-heading">歌词<\/h2>/);
  });

  it('hands the page its translations as JSON in an attribute that no sentence can break out of', () => {
    const hostile = '"></meta><script>alert(1)</script>&amp;';
    const html = panelHtml({ ...OPTIONS, language: { ...chinese, locale: '"><script>' }, translations: { 'Show Video': hostile } });
    const content = /<meta name="panel-translations" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(content !== undefined, 'no translations element');
    const unescaped = content.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(unescaped), { 'Show Video': hostile });
    assert.equal(html.match(/<script/g)?.length, 1, 'only the page script');
    assert.doesNotMatch(html, /lang=""><script>/);
  });

  it('is English without a language', () => {
    const html = panelHtml(OPTIONS);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1 id="task-title">Loading task…<\/h1>/);
  });
});
