// A hostile or broken gateway under Suno: Check Gateway: it echoes the key it was sent (in its
// messages, its request id header, a redirect), answers with markup, bidi controls and megabytes,
// and the report still carries no key, no link, no hidden character and no more than a line.
import * as assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkGateway, type GatewayCheckReport } from '../../../src/core/gateway/gatewayCheck';
import { renderGatewayCheckMarkdown } from '../../../src/core/gateway/gatewayCheckReport';
import { rendersIcon, rendersLink } from '../support/workbenchMarkup';

const KEY = 'sk-hostile0123456789abcdef';

async function gatewayAnswering(answer: (response: ServerResponse, authorization: string, path: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(response, request.headers.authorization ?? '', request.url ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function reportFrom(answer: (response: ServerResponse, authorization: string, path: string) => void): Promise<GatewayCheckReport> {
  const server = await gatewayAnswering(answer);
  try {
    return await checkGateway({ baseUrl: server.url, apiKey: KEY });
  } finally {
    await server.close();
  }
}

function quotes(report: GatewayCheckReport): string[] {
  return report.checks.map((check) => check.quote).filter((quote): quote is string => quote !== null);
}

describe('Hostile gateways under the gateway check', () => {
  it('never puts the key in the report, whatever the gateway echoes', async () => {
    const report = await reportFrom((response, authorization) => {
      response.writeHead(401, { 'Content-Type': 'application/json', 'X-Request-Id': `${authorization} ${KEY}` });
      response.end(JSON.stringify({ error: { message: `invalid token ${KEY} (request id: ${KEY}) header ${authorization}`, type: 'new_api_error' } }));
    });
    const everything = JSON.stringify(report) + renderGatewayCheckMarkdown(report);
    assert.ok(!everything.includes(KEY), 'the key appears in the report');
    assert.ok(!everything.includes('hostile0123'), 'a piece of the key appears in the report');
    assert.equal(report.checks.find((check) => check.id === 'api_key')?.outcome, 'failed');
  });

  it('quotes markup, bidi controls and line breaks as one inert line', async () => {
    const message = 'Pay now [here](command:suno.clearApiKey) $(alert) \u202Egpj.exe\n[error] forged <img src=x onerror=alert(1)>';
    const report = await reportFrom((response) => {
      response.writeHead(403, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message, type: 'x' } }));
    });
    const found = quotes(report);
    assert.ok(found.length > 0);
    for (const quote of found) {
      assert.ok(!rendersLink(quote), `renders a link: ${quote}`);
      assert.ok(!rendersIcon(quote), `renders an icon: ${quote}`);
      assert.ok(!/[\u202E\n\r]/.test(quote), `keeps a control character: ${JSON.stringify(quote)}`);
    }
  });

  it('quotes at most a line of a megabyte answer', async () => {
    const huge = `<html><head><title>${'A'.repeat(1_000_000)}</title></head><body></body></html>`;
    const report = await reportFrom((response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(huge);
    });
    for (const quote of quotes(report)) assert.ok(quote.length <= 300, `a quote of ${quote.length} characters`);
    assert.ok(renderGatewayCheckMarkdown(report).length < 20_000);
  });

  it('keeps gateway text out of Markdown: every quote stays inside a code span', async () => {
    const message = 'x ``` `[a](command:x)` <b>bold</b> **em** https://evil.example';
    const report = await reportFrom((response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message, type: 'x' } }));
    });
    const markdown = renderGatewayCheckMarkdown(report);
    const quoteLine = markdown.split('\n').find((line) => line.includes('<b>bold</b>'));
    assert.ok(quoteLine, 'the message is quoted');
    // A fence longer than the longest run of backticks inside opens and closes the span.
    assert.match(quoteLine, /^> ````[^`].*[^`]````$/);
  });
});
