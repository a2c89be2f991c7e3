/**
 * A key-value store such as `vscode.Memento` (an extension's `globalState`), which fits this
 * interface as it is; tests use `MemoryStorage`. The task store only reads the list older
 * versions kept there (see `legacyTaskList.ts`); tasks themselves live in `SharedFiles`.
 */

export interface KeyValueStorage {
  get(key: string): unknown;
  /** `PromiseLike` so that `vscode.Memento.update`'s `Thenable` fits without importing `vscode`. */
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * An in-memory `KeyValueStorage`. Values go through a JSON round trip on the way in, as they do
 * in VS Code's `globalState`, so anything that would not survive real persistence (a `Date`, a
 * `Map`, an `undefined` field, a shared reference mutated later) fails in tests too.
 */
export class MemoryStorage implements KeyValueStorage {
  private readonly values = new Map<string, string>();

  constructor(initial: Readonly<Record<string, unknown>> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      if (value !== undefined) this.values.set(key, JSON.stringify(value));
    }
  }

  get(key: string): unknown {
    const stored = this.values.get(key);
    return stored === undefined ? undefined : (JSON.parse(stored) as unknown);
  }

  update(key: string, value: unknown): Promise<void> {
    // Like Memento: writing `undefined` deletes the key.
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  keys(): string[] {
    return [...this.values.keys()];
  }
}
