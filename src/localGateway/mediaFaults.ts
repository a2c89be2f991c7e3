/**
 * Faults of the media routes, the ways a CDN lets a download down: a body that stops arriving, a
 * body that never ends, a file larger than anything a song should be, a redirect elsewhere. Set
 * with `LocalGateway.setMediaFault`; the fetch routes are not affected (see faults.ts for those).
 */
import type { ServerResponse } from 'node:http';

export type MediaFault =
  /** Headers and the first `afterBytes` bytes (default 1024), then silence with the connection open. */
  | { readonly kind: 'stall'; readonly afterBytes?: number }
  /** A 200 without Content-Length whose body goes on until the client hangs up. */
  | { readonly kind: 'endless' }
  /** Announces `announcedBytes` (default 5 GB) in Content-Length, sends the file, then stalls. */
  | { readonly kind: 'oversized'; readonly announcedBytes?: number }
  /** A 302 to `location`. */
  | { readonly kind: 'redirect'; readonly location: string };

const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, 0x55);

/** Answers a media request with `fault` instead of `file`. */
export function serveMediaFault(
  response: ServerResponse,
  fault: MediaFault,
  file: Buffer,
  headers: Readonly<Record<string, string>>,
): void {
  switch (fault.kind) {
    case 'stall':
      response.writeHead(200, { ...headers, 'Content-Length': String(file.length) });
      response.write(file.subarray(0, Math.min(file.length, fault.afterBytes ?? 1024)));
      return;
    case 'oversized':
      response.writeHead(200, { ...headers, 'Content-Length': String(fault.announcedBytes ?? 5_000_000_000) });
      response.write(file);
      return;
    case 'endless':
      response.writeHead(200, { ...headers });
      writeForever(response);
      return;
    case 'redirect':
      response.writeHead(302, { Location: fault.location, 'Content-Length': '0' });
      response.end();
      return;
  }
}

/** Writes chunks as fast as the client reads them, until it goes away. */
function writeForever(response: ServerResponse): void {
  const pump = (): void => {
    while (!response.destroyed && response.write(ENDLESS_CHUNK)) {
      // Keep writing while the socket's buffer has room.
    }
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
}
