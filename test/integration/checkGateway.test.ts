// Suno: Check Gateway in the extension host: the report document it opens for a healthy local
// gateway and for broken ones (a web page, a refused key, no batch route, nothing listening), and
// the "Check Gateway" action on a gateway error notification.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, GATEWAY_CHECK_SCHEME } from '../../src/contributionIds';
import type { CheckId, GatewayCheckReport } from '../../src/core/gateway/gatewayCheck';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';
import { closedPort } from '../unit/support/closedPort';

function outcomeOf(report: GatewayCheckReport | undefined, id: CheckId): string | undefined {
  return report?.checks.find((check) => check.id === id)?.outcome;
}

/** The report document the command just opened. */
function reportDocument(): vscode.TextDocument {
  const document = vscode.window.activeTextEditor?.document;
  assert.ok(document, 'no editor is open');
  assert.equal(document.uri.scheme, GATEWAY_CHECK_SCHEME);
  return document;
}

describe('Check Gateway', function () {
  this.timeout(40_000);
  const fixture = useExtensionWithGateway();

  it('opens a read-only Markdown report that finds a healthy gateway healthy', async () => {
    const report = await executeCommand(Commands.checkGateway);
    assert.equal(report?.baseUrl, fixture.gateway.url);
    for (const id of ['base_url', 'reachable', 'json', 'api_key', 'balance', 'batch_route'] as const) assert.equal(outcomeOf(report, id), 'ok', id);
    const document = reportDocument();
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# Suno gateway check$/m);
    assert.ok(text.includes(`Gateway: \`${fixture.gateway.url}\``));
    assert.match(text, /^## API key: OK$/m);
    assert.match(text, /^## Batch route: OK$/m);
    assert.ok(!text.includes('test-key'), 'the key is not in the report');
  });

  it('says a web page answered, and that the base URL points at a website', async () => {
    fixture.gateway.setFault({ kind: 'html', status: 200 });
    const report = await executeCommand(Commands.checkGateway);
    assert.equal(outcomeOf(report, 'json'), 'failed');
    const text = reportDocument().getText();
    assert.match(text, /^## Answers JSON: Failed$/m);
    assert.match(text, /looks like a web page/);
    assert.match(text, /^> `<title>New API<\/title>`$/m);
  });

  it('says the key was refused, quoting the gateway', async () => {
    await fixture.api.services.apiKeys.set(fixture.gateway.url, 'wrong-key');
    const report = await executeCommand(Commands.checkGateway);
    assert.equal(outcomeOf(report, 'api_key'), 'failed');
    const text = reportDocument().getText();
    assert.match(text, /^## API key: Failed$/m);
    assert.match(text, /refused the API key \(HTTP 401\)/);
    assert.match(text, /无效的令牌/);
    assert.match(text, /^## Request ids: OK$/m);
    assert.ok(!text.includes('wrong-key'));
  });

  it('says there is no batch route', async () => {
    fixture.gateway.setBatch(false);
    const report = await executeCommand(Commands.checkGateway);
    assert.equal(outcomeOf(report, 'batch_route'), 'warning');
    assert.match(reportDocument().getText(), /^## Batch route: Warning\n\nThere is no batch route/m);
  });

  it('says nothing listens at an unreachable address', async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}`;
    await vscode.workspace.getConfiguration('suno').update('baseUrl', unreachable, vscode.ConfigurationTarget.Global);
    const report = await executeCommand(Commands.checkGateway);
    assert.equal(report?.baseUrl, unreachable);
    assert.equal(outcomeOf(report, 'reachable'), 'failed');
    const text = reportDocument().getText();
    assert.match(text, /^## Reachable: Failed$/m);
    assert.match(text, /connection was refused \(ECONNREFUSED\)/);
    assert.match(text, /^## API key: Skipped$/m);
  });

  it('checks the configured gateway, not an address another extension or a link passes', async () => {
    const report = await executeCommand(Commands.checkGateway, `http://127.0.0.1:${await closedPort()}`);
    assert.equal(report?.baseUrl, fixture.gateway.url);
  });

  it('is offered on a gateway error notification, and checks that gateway', async () => {
    const window = vscode.window as { showWarningMessage: typeof vscode.window.showWarningMessage };
    const original = window.showWarningMessage;
    const shown: { message: string; actions: string[] }[] = [];
    window.showWarningMessage = ((message: string, ...actions: string[]): Thenable<string | undefined> => {
      shown.push({ message, actions });
      return Promise.resolve(actions.includes('Check Gateway') ? 'Check Gateway' : undefined);
    }) as unknown as typeof vscode.window.showWarningMessage;
    try {
      fixture.gateway.setFault({ kind: 'status', status: 500 });
      const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
      await fetchTasks(id);
      await waitFor('the warning with its actions', () => shown.find((entry) => entry.actions.includes('Check Gateway')));
      await waitFor('the report to open', () => vscode.window.activeTextEditor?.document.uri.scheme === GATEWAY_CHECK_SCHEME);
    } finally {
      window.showWarningMessage = original;
    }
    assert.match(reportDocument().getText(), /^## Reachable: OK$/m);
  });
});
