/**
 * Fetching one media file a gateway named, within limits: only from hosts the gateway may point
 * at (hostReach.ts), following at most a few redirects that are checked the same way, giving up
 * when no bytes arrive for a while, and refusing files larger than a cap. Each limit ends the
 * download with a message that says which one it was.
 *
 * A browser hides a redirect from the code that asked (an "opaque redirect": no status, no
 * Location), so there a file that redirects cannot be downloaded at all: following it blindly
 * would send requests to hosts nobody checked.
 */
import { systemClock, type Clock } from '../clock';
import { isReachableFromGateway } from '../hostReach';
import { isHttpUrl } from '../safeUrl';

export interface DownloadLimits {
  /** No bytes for this long (waiting for the answer or within the body): give up. */
  readonly idleTimeoutMs: number;
  /** The largest file accepted. A song is tens of megabytes, a video a few hundred at most. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

const DOWNLOAD_LIMITS: DownloadLimits = { idleTimeoutMs: 30_000, maxBytes: 1_000_000_000, maxRedirects: 5 };

/** A download refused or stopped by one of the rules above; its message is for the user. */
export class DownloadRefusedError extends Error {
  override readonly name = 'DownloadRefusedError';
}

interface MediaDownloadOptions {
  /** The base URL of the task's gateway: decides which hosts may be fetched from. */
  readonly gatewayBaseUrl: string;
  readonly signal: AbortSignal;
  readonly limits?: DownloadLimits;
  readonly clock?: Clock;
}

interface MediaBody {
  /** Where the bytes finally came from, after redirects. */
  readonly url: string;
  readonly contentType: string | null;
  /** Each chunk as it arrives; throws when a limit is hit or the download is aborted. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Fetches `url` and hands its body over chunk by chunk. `consume` writes the chunks somewhere; the
 * idle timer does not run while it does (a slow disk is not a stalled server).
 */
export async function downloadMedia(url: string, options: MediaDownloadOptions, consume: (body: MediaBody) => Promise<void>): Promise<void> {
  const limits = options.limits ?? DOWNLOAD_LIMITS;
  const clock = options.clock ?? systemClock;
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(options.signal.reason);
  if (options.signal.aborted) forwardAbort();
  options.signal.addEventListener('abort', forwardAbort, { once: true });

  let idleTimer: unknown;
  let stalled = false;
  const stopIdleTimer = (): void => clock.clearTimeout(idleTimer);
  const startIdleTimer = (): void => {
    stopIdleTimer();
    idleTimer = clock.setTimeout(() => {
      stalled = true;
      controller.abort();
    }, limits.idleTimeoutMs);
  };

  let current = url;
  try {
    startIdleTimer();
    const response = await fetchFollowingRedirects(url, options.gatewayBaseUrl, limits, controller.signal, (next) => (current = next));
    const announced = Number(response.headers.get('content-length'));
    if (Number.isFinite(announced) && announced > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new DownloadRefusedError(`the file is ${formatBytes(announced)}, more than the ${formatBytes(limits.maxBytes)} a download may be (${current})`);
    }
    const body = response.body;
    if (body === null) throw new Error(`an empty answer from ${current}`);

    async function* chunks(): AsyncIterable<Uint8Array> {
      let total = 0;
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        stopIdleTimer();
        total += chunk.byteLength;
        if (total > limits.maxBytes) {
          throw new DownloadRefusedError(`the file is larger than the ${formatBytes(limits.maxBytes)} a download may be; stopped (${current})`);
        }
        yield chunk;
        startIdleTimer();
      }
    }
    await consume({ url: current, contentType: response.headers.get('content-type'), chunks: chunks() });
  } catch (error) {
    if (stalled) {
      throw new DownloadRefusedError(`no data arrived for ${Math.round(limits.idleTimeoutMs / 1000)} s; gave up (${current})`);
    }
    throw error;
  } finally {
    stopIdleTimer();
    options.signal.removeEventListener('abort', forwardAbort);
    // Releases the connection of a body that was not read to its end.
    if (!controller.signal.aborted) controller.abort();
  }
}

async function fetchFollowingRedirects(
  url: string,
  gatewayBaseUrl: string,
  limits: DownloadLimits,
  signal: AbortSignal,
  onUrl: (url: string) => void,
): Promise<Response> {
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    onUrl(current);
    refuseUnreachable(current, gatewayBaseUrl);
    const response = await fetch(current, { signal, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      throw new DownloadRefusedError(`${current} redirects elsewhere, which the browser does not let the extension follow`);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) {
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${current}`);
      return response;
    }
    await response.body?.cancel().catch(() => undefined);
    if (redirects >= limits.maxRedirects) throw new DownloadRefusedError(`more than ${limits.maxRedirects} redirects from ${url}`);
    current = new URL(location, current).href;
  }
}

function refuseUnreachable(url: string, gatewayBaseUrl: string): void {
  if (!isHttpUrl(url)) throw new DownloadRefusedError(`not a web address: ${url}`);
  if (!isReachableFromGateway(url, gatewayBaseUrl)) {
    throw new DownloadRefusedError(
      `refused ${url}: the gateway ${gatewayBaseUrl} may not point downloads at this machine or its local network`,
    );
  }
}

/** `1 GB`, `12.5 MB`, `300 kB`: decimal units, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const rounded = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}
