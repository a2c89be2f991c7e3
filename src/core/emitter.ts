/**
 * A minimal event emitter with the same listener shape as `vscode.Event`, so the core can publish
 * events without importing `vscode` and the extension can hand them to VS Code APIs unchanged.
 */

export interface Disposable {
  dispose(): void;
}

/** Subscribe with a listener; dispose the result to unsubscribe. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

interface EmitterOptions {
  /**
   * Called when a listener throws. One faulty listener must not stop the others from hearing
   * the event, nor break the code that fired it (a polling round, a store write), so errors are
   * caught and handed here. Defaults to `console.error`.
   */
  onListenerError?: (error: unknown) => void;
}

export class Emitter<T> {
  private listeners: ((event: T) => void)[] = [];
  private disposed = false;
  private readonly onListenerError: (error: unknown) => void;

  constructor(options: EmitterOptions = {}) {
    this.onListenerError = options.onListenerError ?? ((error) => console.error(error));
  }

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return { dispose: () => undefined };
    // Wrap so the same function can be subscribed twice and unsubscribed independently.
    const entry = (event: T): void => listener(event);
    this.listeners.push(entry);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((candidate) => candidate !== entry);
      },
    };
  };

  fire(event: T): void {
    if (this.disposed) return;
    // Iterate over a snapshot: listeners may subscribe or unsubscribe while we deliver. A listener
    // removed by an earlier one in this same delivery is skipped.
    for (const listener of [...this.listeners]) {
      if (!this.listeners.includes(listener)) continue;
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}
