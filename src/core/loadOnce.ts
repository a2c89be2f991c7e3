/**
 * `load` run at the first call only, every later call sharing its promise: what the extension
 * loads on first use (a command's module, the song language's engine) is imported once however
 * many calls race for it. A failed load is forgotten, so that the next call tries again instead
 * of failing forever.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    // In an async function, a load that throws before returning its promise rejects as well.
    loading ??= (async () => load())().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
