import * as assert from 'node:assert/strict';
import { DisposableStore, toDisposable } from '../../src/core/disposables';

/** A disposable that writes its name into `log` each time it is disposed. */
function logged(log: string[], name: string): { dispose(): void } {
  return { dispose: () => log.push(name) };
}

function throwing(log: string[], name: string): { dispose(): void } {
  return {
    dispose: () => {
      log.push(name);
      throw new Error(`${name} failed`);
    },
  };
}

describe('toDisposable', () => {
  it('runs its function on the first dispose only', () => {
    let runs = 0;
    const disposable = toDisposable(() => runs++);
    assert.equal(runs, 0, 'nothing runs before dispose');
    disposable.dispose();
    disposable.dispose();
    assert.equal(runs, 1);
  });
});

describe('DisposableStore', () => {
  it('disposes what it holds, the last added first', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(logged(log, 'emitter'));
    store.add(logged(log, 'subscription'));
    store.add(logged(log, 'view'));
    store.dispose();
    assert.deepEqual(log, ['view', 'subscription', 'emitter']);
  });

  it('returns what it adds, so a field is created and owned in one expression', () => {
    const store = new DisposableStore();
    const item = { dispose: () => undefined, name: 'item' };
    assert.equal(store.add(item), item);
  });

  it('disposes each item once: a second dispose and an item added twice do nothing more', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    const item = logged(log, 'item');
    store.add(item);
    store.add(item);
    store.dispose();
    store.dispose();
    assert.deepEqual(log, ['item']);
    assert.equal(store.isDisposed, true);
  });

  it('disposes at once what is added after it was disposed', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.dispose();
    store.add(logged(log, 'late'));
    assert.deepEqual(log, ['late']);
  });

  it('runs a clean-up callback like any other item', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(logged(log, 'first'));
    store.addCallback(() => log.push('callback'));
    store.dispose();
    assert.deepEqual(log, ['callback', 'first']);
  });

  it('disposes every item when one throws, then throws that error', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(logged(log, 'a'));
    store.add(throwing(log, 'b'));
    store.add(logged(log, 'c'));
    assert.throws(() => store.dispose(), { message: 'b failed' });
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('collects several errors into one AggregateError, in disposal order', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(throwing(log, 'a'));
    store.add(logged(log, 'b'));
    store.add(throwing(log, 'c'));
    assert.throws(
      () => store.dispose(),
      (error: unknown) => {
        assert.ok(error instanceof AggregateError);
        assert.deepEqual(
          error.errors.map((inner: Error) => inner.message),
          ['c failed', 'a failed'],
        );
        return true;
      },
    );
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('holds nothing after it was disposed, even when an item threw', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(throwing(log, 'a'));
    assert.throws(() => store.dispose());
    assert.doesNotThrow(() => store.dispose());
    assert.deepEqual(log, ['a'], 'the item that threw is not disposed again');
  });
});
