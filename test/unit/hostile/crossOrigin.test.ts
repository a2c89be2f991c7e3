// Hostile gateway addresses in the message about a gateway that refuses cross-origin requests
// (core/gateway/crossOriginRefusal.ts): it names the host only, and shown as the notifications
// show every gateway error (made inert), an address cannot turn it into a link or an icon.
import * as assert from 'node:assert/strict';
import { crossOriginRefusalMessage } from '../../../src/core/gateway/crossOriginRefusal';
import { inertText } from '../../../src/core/inertText';

describe('Hostile addresses in the cross-origin message', () => {
  it('never carries the credentials, path or query of the URL', () => {
    const message = crossOriginRefusalMessage('https://user:sk-secret-key@gateway.example:8443/suno/fetch/x?key=sk-other#frag');
    assert.match(message, /^The gateway at gateway\.example:8443 does not allow/);
    for (const leaked of ['user', 'sk-secret-key', 'sk-other', '/suno/fetch', 'frag']) assert.ok(!message.includes(leaked), `${leaked} leaked: ${message}`);
  });

  it('keeps codicon syntax in a host inert where it is shown', () => {
    const message = crossOriginRefusalMessage('https://$(alert).example/suno/fetch/x');
    assert.ok(message.includes('$(alert)'), 'the URL parser lets $(…) into a host');
    assert.ok(!inertText(message).includes('$(alert)'), inertText(message));
  });

  it('turns an address that does not parse into one short line', () => {
    const message = crossOriginRefusalMessage(`not a url\n[x](command:workbench.action.quit) ${'a'.repeat(10_000)}`);
    assert.ok(message.length < 400, `${message.length} characters`);
    assert.ok(!message.includes('\n'));
    assert.ok(!inertText(message).includes('](command:'), inertText(message));
  });
});
