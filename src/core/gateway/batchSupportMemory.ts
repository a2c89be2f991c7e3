/**
 * Remembers, per gateway, what it learnt about asking for many tasks at once, so that only the
 * first poll of a gateway pays for finding out:
 * - which batch route works — `POST /suno/fetch` (new-api), `POST /suno/submit/fetch` (a few
 *   resellers) or none;
 * - how many ids one batch may carry: at most `MAX_BATCH_IDS`, less after the gateway said a
 *   request was too large;
 * - for a gateway without a batch route, where the next round of single fetches starts, so that
 *   a round cut short (a rate limit) does not always spend itself on the same tasks.
 * One instance is shared by every client in a process (the extension makes a client per poll
 * round), keyed by the normalised base URL.
 */

export type BatchRoute = '/suno/fetch' | '/suno/submit/fetch';

export const BATCH_ROUTES: readonly BatchRoute[] = ['/suno/fetch', '/suno/submit/fetch'];

/** Ids per batch request: an answer for 100 tasks stays far below the client's size cap. */
export const MAX_BATCH_IDS = 100;

export class BatchSupportMemory {
  private readonly unsupported = new Set<string>();
  private readonly routes = new Map<string, BatchRoute>();
  private readonly batchSizes = new Map<string, number>();
  private readonly nextSingleFetch = new Map<string, string>();

  /** True when neither batch route worked on this gateway: fetch one task per request. */
  isUnsupported(baseUrl: string): boolean {
    return this.unsupported.has(baseUrl);
  }

  markUnsupported(baseUrl: string): void {
    this.routes.delete(baseUrl);
    this.unsupported.add(baseUrl);
  }

  /** The batch route that last worked on this gateway, if any. */
  routeFor(baseUrl: string): BatchRoute | undefined {
    return this.routes.get(baseUrl);
  }

  markRoute(baseUrl: string, route: BatchRoute): void {
    this.unsupported.delete(baseUrl);
    this.routes.set(baseUrl, route);
  }

  /** How many ids one batch request to this gateway may carry. */
  batchSizeFor(baseUrl: string): number {
    return this.batchSizes.get(baseUrl) ?? MAX_BATCH_IDS;
  }

  /**
   * The gateway refused a batch of `size` ids as too large: from now on it gets batches of half
   * that. Returns the new size; 1 means no batch can be made smaller.
   */
  markTooLarge(baseUrl: string, size: number): number {
    const smaller = Math.max(1, Math.min(this.batchSizeFor(baseUrl), Math.floor(size / 2)));
    this.batchSizes.set(baseUrl, smaller);
    return smaller;
  }

  /**
   * `ids` in the order the next round of single fetches should ask for them: from the id the last
   * round stopped at (or one past where it started, when it went through), wrapping around.
   */
  singleFetchOrder(baseUrl: string, ids: readonly string[]): string[] {
    const start = Math.max(0, ids.indexOf(this.nextSingleFetch.get(baseUrl) ?? ''));
    return [...ids.slice(start), ...ids.slice(0, start)];
  }

  /** A round of single fetches in `order` got answers for the first `answered` ids. */
  noteSingleFetchRound(baseUrl: string, order: readonly string[], answered: number): void {
    if (order.length === 0) return;
    const next = answered >= order.length ? 1 % order.length : answered;
    this.nextSingleFetch.set(baseUrl, order[next]);
  }

  /** Forget what was learnt (about one gateway, or all): the next batch finds out again. */
  forget(baseUrl?: string): void {
    if (baseUrl === undefined) {
      this.unsupported.clear();
      this.routes.clear();
      this.batchSizes.clear();
      this.nextSingleFetch.clear();
    } else {
      this.unsupported.delete(baseUrl);
      this.routes.delete(baseUrl);
      this.batchSizes.delete(baseUrl);
      this.nextSingleFetch.delete(baseUrl);
    }
  }
}

/** The memory clients use when they are not given one. */
export const sharedBatchSupport = new BatchSupportMemory();
