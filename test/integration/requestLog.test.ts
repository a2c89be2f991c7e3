// The "Suno" log channel records every gateway request — method, URL, status, duration — and
// never the API key. A LogOutputChannel writes to a file in the extension's log folder, which is
// what the Output view shows.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SunoExtensionApi } from '../../src/extension';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

const SECRET_KEY = 'sk-integration-secret-0123456789';

function logText(api: SunoExtensionApi): string {
  const folder = api.services.context.logUri.fsPath;
  if (!existsSync(folder)) return '';
  return readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => readFileSync(path.join(folder, name), 'utf8'))
    .join('\n');
}

describe('Request log', function () {
  this.timeout(20_000);
  const fixture = useExtensionWithGateway({ gateway: { apiKeys: [SECRET_KEY] }, apiKey: SECRET_KEY });

  it('records method, URL, status and duration of each request, without the key', async () => {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks(id);
    const line = await waitFor('the request in the log', () =>
      logText(fixture.api)
        .split('\n')
        .find((candidate) => candidate.includes(`GET ${fixture.gateway.url}/suno/fetch/${id}`)),
    );
    assert.match(line, /→ 200 \(\d+ ms\)/);
    assert.doesNotMatch(logText(fixture.api), new RegExp(SECRET_KEY));
  });

  it('records a refused request as a warning', async () => {
    await fixture.api.services.apiKeys.set(fixture.gateway.url, `${SECRET_KEY}-wrong`);
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks(id);
    const line = await waitFor('the refused request in the log', () =>
      logText(fixture.api)
        .split('\n')
        .find((candidate) => candidate.includes(`/suno/fetch/${id}`) && candidate.includes('401')),
    );
    assert.match(line, /\[warning\]/);
    assert.doesNotMatch(logText(fixture.api), new RegExp(SECRET_KEY));
  });
});
