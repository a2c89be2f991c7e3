/**
 * The web-standard globals the core uses, and only those. The core is type-checked against
 * these declarations alone (no Node types, no DOM; see tsconfig.core.json), so a use of
 * `process`, `Buffer`, `document` or any API outside this list fails to compile: the core then
 * runs unchanged in Node, the extension host and a browser, which all provide these.
 *
 * Shapes follow the WHATWG and ECMAScript specifications, cut down to the members in use.
 */

declare class URL {
  constructor(url: string, base?: string | URL);
  href: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  pathname: string;
  search: string;
  hash: string;
  readonly searchParams: URLSearchParams;
}

interface URLSearchParams {
  has(name: string): boolean;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

interface Headers {
  get(name: string): string | null;
}

interface ReadableStreamReadResult<T> {
  done: boolean;
  value: T;
}

interface ReadableStreamDefaultReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  cancel(reason?: unknown): Promise<void>;
}

interface ReadableStream<T> {
  getReader(): ReadableStreamDefaultReader<T>;
  [Symbol.asyncIterator](): AsyncIterator<T>;
  cancel(reason?: unknown): Promise<void>;
}

interface Response {
  readonly url: string;
  readonly status: number;
  readonly ok: boolean;
  readonly redirected: boolean;
  /** 'opaque' for the answer to a `no-cors` request, whose status and body a page may not read. */
  readonly type: string;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect?: 'follow' | 'manual' | 'error';
  mode?: 'cors' | 'no-cors' | 'same-origin';
}

declare function fetch(input: string, init?: RequestInit): Promise<Response>;

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;

declare const console: {
  error(...data: unknown[]): void;
};

/** Web Crypto as every context has it, secure or not (no `randomUUID`, no `subtle`). */
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
};
