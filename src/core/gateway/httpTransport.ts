/**
 * One HTTP exchange with a gateway, and nothing about the Suno protocol: the request with the key
 * in its `Authorization` header, the whole answer read under one timeout and a size cap, the
 * request log entry, and the key blanked out of everything that comes back. It never retries:
 * whether asking again is safe is the caller's business (a fetch may, a submit never).
 *
 * Built on the global `fetch` (injectable) and free of Node imports, so the same code runs in
 * the extension host, the CLI and a browser worker.
 */

import { GatewayError, isGatewayError } from '../gatewayError';
import { redactKey, redactKeyInError } from './redaction';
import type { RawResponse, RequestDescription } from './responseErrors';

/** One HTTP request, for the extension's log channel. Never carries the key. */
export interface RequestLogEntry {
  method: 'GET' | 'POST';
  url: string;
  /** Null when no answer arrived (network failure, timeout). */
  httpStatus: number | null;
  durationMs: number;
  /** The message of the error this request ended in, or null. */
  error: string | null;
}

export interface HttpTransportOptions {
  /** The normalised base URL, for messages. */
  baseUrl: string;
  apiKey: string | undefined;
  fetch?: typeof globalThis.fetch;
  /** Per request, covering the answer's body too. Default 30 000. */
  timeoutMs?: number;
  now?: () => Date;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** What arrived: the answer with the key blanked out of its URL and body. */
export interface Exchange {
  response: RawResponse;
  retryAfter: string | null;
  redirectedTo: string | null;
}

/**
 * How an exchange failed before a whole answer was read. `phase` says how far it got: 'request'
 * while sending and waiting for the status line (the gateway may or may not have the request),
 * 'body' after the status arrived. `cause` is what fetch or the body stream threw.
 */
export interface TransportFailure {
  readonly kind: 'timeout' | 'network';
  readonly phase: 'request' | 'body';
  readonly httpStatus: number | null;
  readonly cause: unknown;
}

/** Per exchange: what the caller needs beyond the default GET-or-POST-of-JSON. */
interface ExchangeOptions {
  /** 'manual' hands a redirect back as the 3xx answer instead of following it. Default 'follow'. */
  readonly redirect?: 'follow' | 'manual';
  /** The error for a failed exchange; default: 'timeout' or 'network' naming the URL. */
  readonly failure?: (failure: TransportFailure, request: RequestDescription) => GatewayError;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** A batch answer for thousands of tasks fits; a file download behind a wrong base URL does not. */
const MAX_BODY_BYTES = 10_000_000;
const TOO_LARGE = Symbol('too large');

/** Thrown inside `send` and turned into the caller's error in one place. */
class FailedExchange extends Error {
  constructor(readonly failure: TransportFailure) {
    super(`exchange failed: ${failure.kind}`);
  }
}

export class HttpTransport {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  private readonly apiKey: string | undefined;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly now: () => Date;
  private readonly onRequest: ((entry: RequestLogEntry) => void) | undefined;

  constructor(options: HttpTransportOptions) {
    this.baseUrl = options.baseUrl;
    const key = options.apiKey?.trim();
    this.apiKey = key === undefined || key === '' ? undefined : key;
    // Bound so that a browser's fetch is not called with the client as `this`.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.fetchImpl = (input, init) => fetchImpl(input, init);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
    this.onRequest = options.onRequest;
  }

  /** Throws GatewayError('auth') when there is no key, or one that cannot travel in a header. */
  requireKey(): void {
    if (this.apiKey === undefined) {
      throw new GatewayError('auth', `No API key is set for ${this.baseUrl}. Set the key the gateway gave you, then try again.`, {
        url: this.baseUrl,
      });
    }
    // fetch would refuse such a header with a message that quotes it: say so without the key.
    if (!/^[\x21-\x7e]+$/.test(this.apiKey)) {
      throw new GatewayError(
        'auth',
        `The API key for ${this.baseUrl} contains spaces, line breaks or non-ASCII characters, so it cannot be sent. Paste the key again — set a new key.`,
        { url: this.baseUrl, reason: 'unsendable_key' },
      );
    }
  }

  /** The clock the transport stamps its log entries with, for answers that need the time. */
  currentTime(): Date {
    return this.now();
  }

  /**
   * Sends one request, reads the whole body under one timeout, runs `interpret` on the answer
   * (and waits for it, when it loads the wording of a failure), and logs the request with the
   * error it ended in. Errors leave with the key blanked out.
   */
  async exchange<T>(
    request: RequestDescription,
    body: string | undefined,
    interpret: (exchange: Exchange, request: RequestDescription) => T | Promise<T>,
    options: ExchangeOptions = {},
  ): Promise<T> {
    const started = this.now().getTime();
    let httpStatus: number | null = null;
    try {
      const exchange = await this.send(request, body, options.redirect ?? 'follow', (status) => {
        httpStatus = status;
      });
      const described: RequestDescription = { ...request, redirectedTo: exchange.redirectedTo };
      const value = await interpret(exchange, described);
      this.log(request, httpStatus, started, null);
      return value;
    } catch (error) {
      const failure = redactKeyInError(await this.asGatewayError(error, request, httpStatus, options), this.apiKey);
      this.log(request, httpStatus, started, failure.message);
      throw failure;
    }
  }

  private async asGatewayError(error: unknown, request: RequestDescription, httpStatus: number | null, options: ExchangeOptions): Promise<GatewayError> {
    if (error instanceof FailedExchange) return options.failure ? options.failure(error.failure, request) : defaultFailure(error.failure, request, this.timeoutMs);
    if (isGatewayError(error)) return error;
    return new GatewayError('bad_response', `${request.method} ${request.url} failed unexpectedly: ${String(error)}`, {
      url: request.url,
      httpStatus,
      cause: error,
    });
  }

  private async send(
    request: RequestDescription,
    body: string | undefined,
    redirect: 'follow' | 'manual',
    onStatus: (status: number) => void,
  ): Promise<Exchange> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        Authorization: `Bearer ${this.apiKey ?? ''}`,
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      try {
        response = await this.fetchImpl(request.url, { method: request.method, headers, body, signal: controller.signal, redirect });
      } catch (error) {
        // A fetch that knows why it failed says so itself (a browser's CORS refusal: crossOriginRefusal.ts).
        if (isGatewayError(error)) throw error;
        throw new FailedExchange({ kind: timedOut ? 'timeout' : 'network', phase: 'request', httpStatus: null, cause: error });
      }
      onStatus(response.status);
      let text: string | typeof TOO_LARGE;
      try {
        text = await readText(response, MAX_BODY_BYTES);
      } catch (error) {
        throw new FailedExchange({ kind: timedOut ? 'timeout' : 'network', phase: 'body', httpStatus: response.status, cause: error });
      }
      if (text === TOO_LARGE) throw this.answerTooLarge(request, response.status);
      const finalUrl = redactKey(response.url !== '' ? response.url : request.url, this.apiKey);
      // Blanked out before anything reads the body: messages cut it, quote it and escape it, and
      // --raw prints it, and none of that may leave a piece of the key behind.
      const redactedBody = redactKey(text, this.apiKey);
      return {
        response: { url: finalUrl, httpStatus: response.status, contentType: response.headers.get('content-type'), body: redactedBody },
        retryAfter: response.headers.get('retry-after'),
        redirectedTo: response.redirected && finalUrl !== request.url ? finalUrl : null,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A body over the size cap. A batch of at most 100 tasks is a few hundred KB, so more than the
   * cap says the gateway misbehaved, not that the batch was too big: the batch size stays (only a
   * gateway that refuses the request as too large, HTTP 413, gets smaller batches). For one task,
   * no fetch answer is that big.
   */
  private answerTooLarge(request: RequestDescription, httpStatus: number): GatewayError {
    const limit = `more than ${MAX_BODY_BYTES / 1_000_000} MB`;
    if (request.method === 'POST') {
      const forWhat = request.ids.length > 0 ? ` for ${request.ids.length} tasks` : '';
      return new GatewayError(
        'bad_response',
        `${request.method} ${request.url} answered HTTP ${httpStatus} with ${limit}${forWhat}: the answer was too large to read.`,
        { url: request.url, httpStatus },
      );
    }
    return new GatewayError(
      'bad_response',
      `${request.method} ${request.url} answered HTTP ${httpStatus} with ${limit}, which is no Suno fetch answer. The base URL ${this.baseUrl} may be wrong.`,
      { url: request.url, httpStatus },
    );
  }

  private log(request: RequestDescription, httpStatus: number | null, started: number, error: string | null): void {
    if (this.onRequest === undefined) return;
    try {
      this.onRequest({
        method: request.method,
        url: redactKey(request.url, this.apiKey),
        httpStatus,
        durationMs: Math.max(0, this.now().getTime() - started),
        error: error === null ? null : redactKey(error, this.apiKey),
      });
    } catch {
      // A broken logger must not turn a good answer into a failure.
    }
  }
}

/**
 * The fetch side's reading of a failed exchange: it timed out, or the network failed. Its wording
 * is imported with the first failure: a session whose gateway answers never needs it.
 */
async function defaultFailure(failure: TransportFailure, request: RequestDescription, timeoutMs: number): Promise<GatewayError> {
  const { networkError, timeoutError } = await import('./networkErrors');
  return failure.kind === 'timeout'
    ? timeoutError(request, timeoutMs, failure.httpStatus)
    : networkError(failure.cause, request, failure.phase, failure.httpStatus);
}

/**
 * The body as text, reading at most `maxBytes`; TOO_LARGE beyond that (and the rest is not
 * downloaded). Streams where the platform offers it, in Node and browsers alike.
 */
async function readText(response: Response, maxBytes: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return TOO_LARGE;
  }
  if (response.body === null) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
