// The known gateways as the extension keeps them: seeded once from tracked tasks and stored keys,
// then fed by new uses only, so that a forgotten gateway stays forgotten. Each test builds its own
// KnownGateways over an empty or prepared memento and the running extension's settings, store
// and keys.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { notFetchedYet } from '../../src/core/task/model';
import { KnownGateways } from '../../src/gateways/knownGateways';
import { TEST_KEY, fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

const KEYED = 'https://keyed.example';
const TRACKED = 'https://tracked.example';

/** globalState's interface over a map: what KnownGateways stores, and nothing shared with the extension's own. */
class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }

  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('Known gateways', function () {
  this.timeout(20_000);
  const fixture = useExtensionWithGateway();
  const built: KnownGateways[] = [];

  function knownGateways(memento: vscode.Memento): KnownGateways {
    const { settings, store, apiKeys } = fixture.api.services;
    const known = new KnownGateways(memento, { settings, store, apiKeys });
    built.push(known);
    return known;
  }

  function urls(known: KnownGateways): string[] {
    return known.list().map((gateway) => gateway.baseUrl);
  }

  beforeEach(async () => {
    await fixture.api.services.apiKeys.set(KEYED, TEST_KEY);
    await fixture.api.services.store.upsert([{ ...notFetchedYet('tracked-elsewhere', TRACKED), status: 'succeeded' }]);
  });

  afterEach(async () => {
    for (const known of built.splice(0)) known.dispose();
    await fixture.api.services.apiKeys.delete(KEYED);
  });

  it('starts from the configured gateway, the tracked tasks’ gateways and those with a key', async () => {
    const known = knownGateways(new MemoryMemento());
    await known.ready;
    const list = urls(known);
    assert.equal(list[0], fixture.gateway.url, 'the configured gateway is the newest use');
    assert.ok(list.includes(TRACKED), `${TRACKED} in ${list.join(', ')}`);
    assert.ok(list.includes(KEYED), `${KEYED} in ${list.join(', ')}`);
  });

  it('does not bring back a forgotten gateway whose tasks and key are still there', async () => {
    const memento = new MemoryMemento();
    const first = knownGateways(memento);
    await first.ready;
    await first.forget(TRACKED);
    await first.forget(KEYED);
    first.dispose();

    // The next window, or the next start.
    const next = knownGateways(memento);
    await next.ready;
    assert.deepEqual(urls(next), [fixture.gateway.url]);
  });

  it('remembers the gateway of a newly tracked task and one a key is stored for', async () => {
    const memento = new MemoryMemento();
    memento.values.set('suno.knownGateways', []);
    const known = knownGateways(memento);
    await known.ready;
    assert.deepEqual(urls(known), [fixture.gateway.url], 'nothing seeded over a list stored before');

    await fetchTasks(fixture.gateway.addTask({ startStage: 'SUCCESS' }));
    await fixture.api.services.store.upsert([{ ...notFetchedYet('tracked-now', 'https://new.example/v1'), status: 'succeeded' }]);
    await waitFor('the new task’s gateway to be known', () => urls(known).includes('https://new.example'));
    await fixture.api.services.apiKeys.set('https://another.example', TEST_KEY);
    try {
      await waitFor('the keyed gateway to be known', () => urls(known)[0] === 'https://another.example');
    } finally {
      await fixture.api.services.apiKeys.delete('https://another.example');
    }
    assert.ok(!urls(known).includes(KEYED), 'a key stored before is no new use');
  });

  it('ignores what is not a list of gateways in its storage', async () => {
    const memento = new MemoryMemento();
    memento.values.set('suno.knownGateways', { evil: '[x](command:suno.clearApiKey)', length: 1e9 });
    const known = knownGateways(memento);
    await known.ready;
    assert.deepEqual(urls(known), [fixture.gateway.url]);
  });
});
