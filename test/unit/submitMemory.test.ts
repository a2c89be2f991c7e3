import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { DUPLICATE_WINDOW_MS } from '../../src/core/song/submitGuard';
import { sha256Hex } from '../../src/core/store/sha256';
import { MemoryStorage } from '../../src/core/store/keyValueStorage';
import { SubmitMemory } from '../../src/generate/submitMemory';

const SONG = sha256Hex('a song');
const GATEWAY = 'https://api.example.com';

/** `globalState` as the windows of one machine share it. */
function sharedState(storage = new MemoryStorage()): vscode.Memento {
  return storage as unknown as vscode.Memento;
}

describe('SubmitMemory', () => {
  let now: number;
  const clock = (): number => now;

  beforeEach(() => {
    now = 1_767_225_600_000;
  });

  it('lets another window see a submit sent here, for a minute', async () => {
    const state = sharedState();
    const here = new SubmitMemory(state, clock);
    const there = new SubmitMemory(state, clock);
    await here.rememberSent(SONG);
    assert.equal(there.isRecentDuplicate(SONG), true);
    now += DUPLICATE_WINDOW_MS;
    assert.equal(there.isRecentDuplicate(SONG), false);
  });

  it('forgets a submit that was never taken, here and for the others', async () => {
    const state = sharedState();
    const here = new SubmitMemory(state, clock);
    await here.rememberSent(SONG);
    await here.forgetSent(SONG);
    assert.equal(here.isRecentDuplicate(SONG), false);
    assert.equal(new SubmitMemory(state, clock).isRecentDuplicate(SONG), false);
  });

  it('still counts its own submit when globalState could not be written', async () => {
    const broken = { get: () => undefined, update: () => Promise.reject(new Error('disk full')), keys: () => [] } as unknown as vscode.Memento;
    const here = new SubmitMemory(broken, clock);
    await assert.rejects(here.rememberSent(SONG));
    assert.equal(here.isRecentDuplicate(SONG), true);
  });

  it('reads nothing from a globalState value of another shape', () => {
    const state = sharedState(new MemoryStorage({ 'suno.recentSubmits': [SONG], 'suno.submitConfirmedGateways': GATEWAY }));
    const memory = new SubmitMemory(state, clock);
    assert.equal(memory.isRecentDuplicate(SONG), false);
    assert.deepEqual(memory.confirmedGateways(), []);
  });

  it('remembers "Don\'t Ask Again" for every window, and "Submit" for this window only', async () => {
    const state = sharedState();
    const here = new SubmitMemory(state, clock);
    here.confirmForSession('https://once.example');
    await here.confirmForGood(GATEWAY);
    const there = new SubmitMemory(state, clock);
    assert.deepEqual(there.confirmedGateways(), [GATEWAY]);
    assert.equal(there.confirmedThisSession().has('https://once.example'), false);
    assert.equal(here.confirmedThisSession().has('https://once.example'), true);
  });
});
