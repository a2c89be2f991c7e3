import * as assert from 'node:assert/strict';
import type { GatewayCheckReport } from '../../src/core/gateway/gatewayCheck';
import { renderGatewayCheckMarkdown } from '../../src/core/gateway/gatewayCheckReport';

function report(overrides: Partial<GatewayCheckReport> = {}): GatewayCheckReport {
  return {
    configuredBaseUrl: 'https://api.example/v1',
    baseUrl: 'https://api.example',
    checkedAt: '2026-11-30T16:00:00.000Z',
    durationMs: 42,
    checks: [
      { id: 'reachable', outcome: 'ok', finding: 'The gateway answered (HTTP 400, 12 ms).', quote: null, advice: null, request: 'GET https://api.example/suno/fetch/x' },
      { id: 'api_key', outcome: 'failed', finding: 'The gateway refused the API key (HTTP 401).', quote: '`token` invalid', advice: 'Run "Suno: Set API Key…".', request: null },
      { id: 'batch_route', outcome: 'warning', finding: 'No route.', quote: null, advice: null, request: null },
    ],
    ...overrides,
  };
}

describe('renderGatewayCheckMarkdown', () => {
  it('has a section per check with its outcome, finding, quote, advice and request', () => {
    const markdown = renderGatewayCheckMarkdown(report());
    assert.match(markdown, /^# Suno gateway check$/m);
    assert.match(markdown, /^Gateway: `https:\/\/api\.example`$/m);
    assert.match(markdown, /^## Reachable: OK$/m);
    assert.match(markdown, /^## API key: Failed$/m);
    assert.match(markdown, /^## Batch route: Warning$/m);
    assert.match(markdown, /^Request: `GET https:\/\/api\.example\/suno\/fetch\/x`$/m);
    assert.match(markdown, /^\*\*What to do:\*\* Run "Suno: Set API Key…"\.$/m);
    assert.match(markdown, /1 failed \(API key\), 1 warning \(Batch route\): see below\./);
  });

  it('fences a quote that holds backticks with a longer fence, padded', () => {
    assert.match(renderGatewayCheckMarkdown(report()), /^> `` `token` invalid ``$/m);
  });

  it('escapes Markdown in its own words', () => {
    const markdown = renderGatewayCheckMarkdown(
      report({ checks: [{ id: 'json', outcome: 'failed', finding: 'A [x](y) <b> *z* _w_', quote: null, advice: null, request: null }] }),
    );
    assert.match(markdown, /^A \\\[x\\\]\(y\) \\<b\\> \\\*z\\\* \\_w\\_$/m);
  });

  it('says when nothing was found wrong', () => {
    assert.match(renderGatewayCheckMarkdown(report({ checks: [] })), /No problem found\./);
  });
});
