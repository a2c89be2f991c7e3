import type { Disposable } from './emitter';

/**
 * The one way this project releases what it holds: an object keeps a `DisposableStore`, adds what
 * it creates or subscribes to, and its `dispose()` disposes the store. The same shape as VS Code's
 * own, without importing `vscode`, so the core, the CLI and the adapters share it.
 */

/** A `Disposable` that runs `dispose` the first time it is disposed and never again. */
export function toDisposable(dispose: () => void): Disposable {
  let disposed = false;
  return {
    dispose: () => {
      if (disposed) return;
      disposed = true;
      dispose();
    },
  };
}

/**
 * Owns disposables and disposes each of them once, the last added first: what was built later
 * may use what was built before it (a subscription to an emitter, a view of a provider), so it
 * goes first. One that throws does not keep the others alive: every one is disposed, then the
 * error is thrown (several errors as one `AggregateError`).
 */
export class DisposableStore implements Disposable {
  // A Set keeps the order of addition and holds something added twice once.
  private readonly items = new Set<Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Takes ownership of `item` and returns it, so a field can be created and owned in one
   * expression. Once the store is disposed, whatever is added is disposed at once rather than
   * leaked.
   */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  /** Shorthand for `add(toDisposable(dispose))`: clean-up that is not an object of its own. */
  addCallback(dispose: () => void): void {
    this.add(toDisposable(dispose));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const items = [...this.items].reverse();
    this.items.clear();
    const errors: unknown[] = [];
    for (const item of items) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} disposables failed to dispose`);
  }
}
