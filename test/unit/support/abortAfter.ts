/**
 * A `fetch` whose abort waits until `condition` holds, e.g. until the server has read the whole
 * request. A client timeout then cannot overtake the request on a slow machine: tests of what
 * happens after a request arrived stay true whatever the machine's speed.
 */
export function fetchAbortingOnlyAfter(condition: () => boolean): typeof globalThis.fetch {
  return (input, init) => {
    const inner = new AbortController();
    init?.signal?.addEventListener('abort', () => {
      void until(condition).then(() => inner.abort(init.signal?.reason));
    });
    return globalThis.fetch(input, { ...init, signal: inner.signal });
  };
}

/** Resolves once `condition` holds, checking every 5 ms for at most 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 10_000 && !condition(); waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
