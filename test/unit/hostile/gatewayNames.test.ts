// Hostile gateway addresses in the places that name a gateway: a task brings its base URL in
// from the store, and the WHATWG URL rules let `$(…)`, `[…](…)` and any length through a host or
// path. The names the tree groups, the status bar and Switch Gateway show stay inert, bounded
// lines, and a stored list of known gateways cannot grow or break the extension.
import * as assert from 'node:assert/strict';
import { MAX_KNOWN_GATEWAYS, gatewayName, parseKnownGateways } from '../../../src/core/gateway/knownGateways';
import { normaliseBaseUrl } from '../../../src/core/gateway/baseUrl';
import { INERT_LABEL_MAX_LENGTH, INERT_TEXT_MAX_LENGTH, inertText } from '../../../src/core/inertText';
import { spokenCurrentGatewayLabel, spokenGatewayGroupLabel } from '../../../src/tracker/spokenLabels';
import { rendersIcon, rendersLink, visible } from '../support/workbenchMarkup';

const HOSTILE_BASE_URLS: readonly [string, string][] = [
  ['a codicon as the host', 'https://$(alert).example'],
  ['a command link as the path', 'https://example.com/[x](command:suno.clearApiKey)'],
  ['a codicon as the path', 'https://example.com/$(warning)'],
  ['a right-to-left override in the path', 'https://a.example/\u202Egpj.exe'],
  ['a host of 5,000 characters', `https://${'a'.repeat(5000)}.example`],
];

function assertInertLine(text: string, maxLength: number): void {
  assert.equal(rendersLink(text), false, `a link in ${JSON.stringify(text.slice(0, 80))}`);
  assert.equal(rendersIcon(text), false, `an icon in ${JSON.stringify(text.slice(0, 80))}`);
  assert.doesNotMatch(text, /[\n\r\u202E]/);
  assert.ok(Array.from(text).length <= maxLength, `${text.length} characters`);
}

describe('Hostile text: gateway names', () => {
  for (const [name, input] of HOSTILE_BASE_URLS) {
    it(`a base URL with ${name} is named inertly everywhere`, () => {
      const baseUrl = normaliseBaseUrl(input);
      const shown = inertText(gatewayName(baseUrl), INERT_LABEL_MAX_LENGTH);
      assertInertLine(shown, INERT_LABEL_MAX_LENGTH);
      const group = spokenGatewayGroupLabel(shown, { tasks: 2, running: 1 }, 'unreachable — retrying automatically');
      assertInertLine(group, INERT_TEXT_MAX_LENGTH);
      assert.match(visible(group), /, gateway, 2 tasks, 1 running, unreachable — retrying automatically$/);
      // A raw name must not sneak markup through the spoken label either.
      assertInertLine(spokenCurrentGatewayLabel(gatewayName(baseUrl), 3), INERT_TEXT_MAX_LENGTH);
    });
  }

  it('a stored list of known gateways in any shape is bounded and never throws', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const stored: unknown[] = [
      { baseUrl: `https://${huge}.example`, lastUsedAt: 1 },
      { baseUrl: 'https://ok.example', lastUsedAt: -1 },
      { baseUrl: 'https://ok.example', lastUsedAt: 1e308 },
      JSON.parse('{"__proto__": {"baseUrl": "https://polluted.example"}, "lastUsedAt": 5}'),
      ...Array.from({ length: 1000 }, (_, index) => ({ baseUrl: `https://g${index}.example`, lastUsedAt: index })),
    ];
    const known = parseKnownGateways(stored);
    assert.ok(known.length <= MAX_KNOWN_GATEWAYS);
    assert.ok(known.every((gateway) => Number.isFinite(gateway.lastUsedAt)));
    assert.ok(!known.some((gateway) => gateway.baseUrl.includes('polluted')));
    assert.equal(({} as { baseUrl?: unknown }).baseUrl, undefined);
  });
});
