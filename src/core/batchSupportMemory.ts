/**
 * Remembers, per gateway, which batch route works — `POST /suno/fetch` (new-api), `POST
 * /suno/submit/fetch` (a few resellers) or none — so that only the first poll of a gateway pays
 * for finding out. One instance is shared by every client in a process (the extension makes a
 * client per poll round), keyed by the normalised base URL.
 */

export type BatchRoute = '/suno/fetch' | '/suno/submit/fetch';

export const BATCH_ROUTES: readonly BatchRoute[] = ['/suno/fetch', '/suno/submit/fetch'];

export class BatchSupportMemory {
  private readonly unsupported = new Set<string>();
  private readonly routes = new Map<string, BatchRoute>();

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

  /** Forget what was learnt (about one gateway, or all): the next batch finds out again. */
  forget(baseUrl?: string): void {
    if (baseUrl === undefined) {
      this.unsupported.clear();
      this.routes.clear();
    } else {
      this.unsupported.delete(baseUrl);
      this.routes.delete(baseUrl);
    }
  }
}

/** The memory clients use when they are not given one. */
export const sharedBatchSupport = new BatchSupportMemory();
