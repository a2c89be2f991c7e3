/**
 * A local Suno gateway: a real HTTP server on 127.0.0.1 that speaks the fetch protocol the way
 * the third-party gateways do (PROTOCOL.md), with scripted tasks, scriptable faults and its own
 * media. Unit tests, extension-host tests, browser UI tests and the offline demo all use it.
 *
 * Routes:
 *   GET  /suno/fetch/{id}             one task (id URL-decoded)                        auth
 *   POST /suno/fetch                  {"ids": [...], "action"?} → data: [...]          auth
 *   POST /suno/submit/fetch           the same, in 'submit_path' batch mode only        auth
 *   POST /suno/submit/{music|lyrics}  a new task (action case-insensitive; submitDesk.ts) auth
 *   GET  /media/{clipId}.wav          generated WAV audio (Range supported)
 *   GET  /stream/{clipId}             the same audio, as the "live stream" of a streaming clip
 *   GET  /media/{clipId}.png          256×256 cover; /media/{clipId}-large.png is 512×512
 *   GET  /media/{clipId}.mp4          always 404: the local gateway renders no video
 *   *    /__control/...               the control API (controlApi.ts), no auth
 * Anything else is a 404 (plain text like Gin, or OpenAI-style JSON under /v1/).
 *
 * A task moves one stage on every `pollsPerStage` answered fetches of it (single or batch).
 * Requests that end in a fault, 401, 404 or 400 do not count as polls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleControlRequest } from './controlApi';
import { applyCrossOriginRules } from './crossOrigin';
import { renderBatchBody, renderSingleBody } from './dialects';
import { cannedFaultResponse, faultSchema, type CannedResponse, type Fault } from './faults';
import { BodyTooLargeError, jsonResponse, newRequestId, readBody, send } from './httpUtil';
import { clipCoverPng, clipWav, parseRange } from './media';
import { serveMediaFault, type MediaFault } from './mediaFaults';
import { ScriptedTask, type Dialect, type ScriptedTaskSpec, type Stage } from './scriptedTask';
import { SubmitDesk, type SubmitRecord } from './submitDesk';
import type { SubmitFault } from './submitFaults';
import { submitActionOf, type SubmitFieldMode } from './submitRequests';
import { CountedFault } from './countedFault';

export type { Dialect, Stage } from './scriptedTask';
export type { Fault, FaultKind } from './faults';

/**
 * true: `POST /suno/fetch`; false: no batch route (404, like a gateway without it);
 * 'submit_path': only `POST /suno/submit/fetch`; 'method_not_allowed': `POST /suno/fetch` answers 405.
 */
type BatchMode = boolean | 'submit_path' | 'method_not_allowed';

export interface LocalGatewayOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only loopback is ever bound. */
  host?: '127.0.0.1';
  /** Accepted bearer keys (default ['test-key']); '*' accepts any non-empty key. */
  apiKeys?: string[];
  batch?: BatchMode;
  /** Epoch milliseconds for timestamps and the request log; inject it to make them predictable. */
  now?: () => number;
  /**
   * Whether the API routes allow cross-origin requests, as VS Code for the web needs (default
   * false: a browser page cannot read them). See crossOrigin.ts.
   */
  allowCrossOrigin?: boolean;
}

interface GatewayRequestRecord {
  readonly method: string;
  /** The raw path, without the query. */
  readonly path: string;
  /** The id of a single fetch, or the string ids of a batch body ([] when it was malformed). */
  readonly ids: string[];
  readonly authorized: boolean;
  /** The request's Origin header: a browser page's requests carry one, Node's do not. */
  readonly origin: string | null;
  /** Epoch milliseconds when the request arrived. */
  readonly at: number;
  /** The HTTP status answered; null for a dropped connection (or while still pending). */
  status: number | null;
}

interface TaskInfo {
  readonly id: string;
  readonly dialect: Dialect;
  readonly stage: Stage;
  readonly outcome: 'success' | 'failure';
  readonly title: string;
  readonly clipIds: string[];
}

const DEFAULT_KEYS = ['test-key'];
const CLIP_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

function notFoundRoute(method: string, path: string): CannedResponse {
  if (path.startsWith('/v1/')) {
    return jsonResponse(404, {
      error: { message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', param: '', code: '' },
    });
  }
  // Gin's default answer for a route it does not have.
  return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: '404 page not found' };
}

function isFetchPath(path: string): boolean {
  return path === '/suno/fetch' || path === '/suno/submit/fetch' || path.startsWith('/suno/fetch/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The string ids of a batch body, or null when the body is not `{"ids": [string…]}`. */
function parseBatchIds(body: string): string[] | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const ids = (value as { ids?: unknown }).ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null;
  return ids as string[];
}

export class LocalGateway {
  readonly url: string;
  private readonly tasks = new Map<string, ScriptedTask>();
  private readonly log: GatewayRequestRecord[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly now: () => number;
  private readonly initialKeys: string[];
  private readonly initialBatch: BatchMode;
  private readonly initialAllowCrossOrigin: boolean;
  private allowCrossOrigin: boolean;
  private keys: string[];
  private batch: BatchMode;
  private readonly fault = new CountedFault<Fault>();
  private mediaFault: MediaFault | null = null;
  private nextRowId = 1;
  private closed = false;
  private readonly submitDesk = new SubmitDesk({ hasTask: (id) => this.tasks.has(id), addTask: (spec) => this.addTask(spec) });

  private constructor(
    private readonly server: Server,
    port: number,
    options: LocalGatewayOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.now = options.now ?? Date.now;
    this.initialKeys = [...(options.apiKeys ?? DEFAULT_KEYS)];
    this.initialBatch = options.batch ?? true;
    this.initialAllowCrossOrigin = options.allowCrossOrigin ?? false;
    this.keys = [...this.initialKeys];
    this.batch = this.initialBatch;
    this.allowCrossOrigin = this.initialAllowCrossOrigin;
  }

  static async start(options: LocalGatewayOptions = {}): Promise<LocalGateway> {
    const host = options.host ?? '127.0.0.1';
    if (host !== '127.0.0.1') throw new Error('The local gateway only binds 127.0.0.1');
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const gateway = new LocalGateway(server, (server.address() as AddressInfo).port, options);
    server.on('connection', (socket: Socket) => {
      gateway.sockets.add(socket);
      socket.once('close', () => gateway.sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      gateway.handle(request, response).catch((error: unknown) => {
        send(response, jsonResponse(500, { code: 'internal_error', message: String(error), data: null }), request.method);
      });
    });
    return gateway;
  }

  /** Adds a scripted task and returns its id; throws on a bad spec or a duplicate id. */
  addTask(spec: ScriptedTaskSpec = {}): string {
    const task = new ScriptedTask(spec, this.now(), this.nextRowId++);
    if (this.tasks.has(task.id)) throw new Error(`task ${task.id} already exists`);
    this.tasks.set(task.id, task);
    return task.id;
  }

  /** The stage the next fetch of the task will show. Throws for an unknown id. */
  stageOf(id: string): Stage {
    return this.task(id).stage;
  }

  /** Moves a task one stage on by hand (terminal stages stay); returns the new stage. */
  advance(id: string): Stage {
    return this.task(id).advance(this.now());
  }

  /** Puts a task at any stage by hand. */
  setStage(id: string, stage: Stage): void {
    this.task(id).setStage(stage, this.now());
  }

  /** Forgets a task (its fetches then answer task_not_exist); false if it was unknown. */
  removeTask(id: string): boolean {
    return this.tasks.delete(id);
  }

  /** Facts about a task, or undefined for an unknown id. */
  taskInfo(id: string): TaskInfo | undefined {
    const task = this.tasks.get(id);
    if (!task) return undefined;
    return {
      id: task.id,
      dialect: task.dialect,
      stage: task.stage,
      outcome: task.outcome,
      title: task.title,
      clipIds: task.clips.map((clip) => clip.id),
    };
  }

  /** Every task, in creation order. */
  listTasks(): TaskInfo[] {
    return [...this.tasks.keys()].map((id) => this.taskInfo(id) as TaskInfo);
  }

  /** The fault to answer fetches with (null clears it). `count` limits how many requests it hits. */
  setFault(fault: Fault | null): void {
    this.fault.set(fault === null ? null : faultSchema.parse(fault));
  }

  /** The fault still in force, with `count` showing the requests it has left. */
  currentFault(): Fault | null {
    return this.fault.current();
  }

  /** The fault to answer media requests with (null clears it); fetch routes are not affected. */
  setMediaFault(fault: MediaFault | null): void {
    this.mediaFault = fault;
  }

  setBatch(mode: BatchMode): void {
    this.batch = mode;
  }

  /** Allows or refuses cross-origin requests to the API routes from now on. */
  setAllowCrossOrigin(allow: boolean): void {
    this.allowCrossOrigin = allow;
  }

  /** Replaces the accepted keys ([] accepts none; '*' accepts any non-empty key). */
  setApiKeys(keys: string[]): void {
    this.keys = [...keys];
  }

  /** Every request to a fetch route, oldest first (a copy). */
  get requests(): readonly GatewayRequestRecord[] {
    return this.log.map((entry) => ({ ...entry, ids: [...entry.ids] }));
  }

  clearRequests(): void {
    this.log.length = 0;
  }

  /** Every submit, oldest first: the body as received, and what was forwarded (copies). */
  get submits(): readonly SubmitRecord[] {
    return this.submitDesk.submits;
  }

  clearSubmits(): void {
    this.submitDesk.clear();
  }

  /** The fault to answer submits with (null clears it). `count` limits how many submits it hits. */
  setSubmitFault(fault: SubmitFault | null): void {
    this.submitDesk.setFault(fault);
  }

  currentSubmitFault(): SubmitFault | null {
    return this.submitDesk.currentFault();
  }

  /** 'vanilla' drops the submit fields open-source new-api drops; `musicDialect` is how new songs are spoken. */
  setSubmitMode(fields: SubmitFieldMode, musicDialect?: Dialect): void {
    this.submitDesk.setMode(fields, musicDialect);
  }

  /** Back to a fresh gateway: no tasks, no fault, empty log, the keys and batch mode it started with. */
  reset(): void {
    this.tasks.clear();
    this.setFault(null);
    this.setMediaFault(null);
    this.clearRequests();
    this.submitDesk.reset();
    this.keys = [...this.initialKeys];
    this.batch = this.initialBatch;
    this.allowCrossOrigin = this.initialAllowCrossOrigin;
  }

  /** Stops listening, drops every connection and pending delay; resolves when the port is free. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.pendingDelays) {
      clearTimeout(pending.timer);
      pending.resolve();
    }
    this.pendingDelays.clear();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const socketsClosed = [...this.sockets].map(
      (socket) => new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve()))),
    );
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([closing, ...socketsClosed]);
  }

  /** What the gateway still holds open; after close() it is not listening and holds nothing. */
  openResources(): { listening: boolean; connections: number; pendingDelays: number } {
    return { listening: this.server.listening, connections: this.sockets.size, pendingDelays: this.pendingDelays.size };
  }

  private task(id: string): ScriptedTask {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`no such task: ${id}`);
    return task;
  }

  private isAuthorized(header: string | undefined): boolean {
    if (header === undefined) return false;
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return false;
    return this.keys.includes(match[1]) || this.keys.includes('*');
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);

    if (path === '/__control' || path.startsWith('/__control/')) {
      const body = method === 'POST' || method === 'PUT' ? await this.readBodyOr413(request, response) : '';
      if (body === null) return;
      send(response, handleControlRequest(this, method, path, body), method);
      return;
    }
    if (path.startsWith('/media/') || path.startsWith('/stream/')) {
      this.serveMedia(request, response, method, path);
      return;
    }
    // A preflight is the browser's question, not a request: answered here, never logged.
    if (applyCrossOriginRules(this.allowCrossOrigin, method, response)) return;
    if (isFetchPath(path)) {
      await this.serveFetch(request, response, method, path);
      return;
    }
    const submitAction = submitActionOf(path);
    if (submitAction !== null && method === 'POST') {
      await this.serveSubmit(request, response, submitAction, path);
      return;
    }
    if (path === '/' && (method === 'GET' || method === 'HEAD')) {
      send(
        response,
        {
          status: 200,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          body: `Local Suno gateway at ${this.url}\nGET /suno/fetch/{task_id}, POST /suno/fetch and POST /suno/submit/{music,lyrics} with Authorization: Bearer <key>\n`,
        },
        method,
      );
      return;
    }
    send(response, notFoundRoute(method, path), method);
  }

  private async readBodyOr413(request: IncomingMessage, response: ServerResponse): Promise<string | null> {
    try {
      return await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        send(response, jsonResponse(413, { code: 'invalid_request', message: error.message, data: null }), request.method);
        return null;
      }
      throw error;
    }
  }

  private async serveFetch(request: IncomingMessage, response: ServerResponse, method: string, path: string): Promise<void> {
    const authorized = this.isAuthorized(request.headers.authorization);
    const at = this.now();
    const origin = request.headers.origin ?? null;
    let body = '';
    let ids: string[] = [];
    if (method === 'POST') {
      const read = await this.readBodyOr413(request, response);
      if (read === null) {
        this.log.push({ method, path, ids, authorized, origin, at, status: 413 });
        return;
      }
      body = read;
      ids = parseBatchIds(body) ?? [];
    } else if (path.startsWith('/suno/fetch/')) {
      ids = [safeDecode(path.slice('/suno/fetch/'.length))];
    }
    const record: GatewayRequestRecord = { method, path, ids, authorized, origin, at, status: null };
    this.log.push(record);

    const fault = this.fault.take();
    if (fault !== null && fault.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault !== null && fault.kind === 'delay') {
      await this.sleep(fault.delayMs ?? 1000);
      if (this.closed) return;
    }
    let answer: CannedResponse;
    if (fault !== null && fault.kind !== 'delay') {
      const requestId = newRequestId(this.now());
      answer = cannedFaultResponse(fault, () => this.answerFetch(method, path, body, record.authorized, false).body, requestId, ids);
    } else {
      answer = this.answerFetch(method, path, body, record.authorized, true);
    }
    record.status = answer.status;
    send(response, answer, method);
  }

  /** A submit: answered, or held and dropped ('hang'), or dropped after its body arrived ('reset'). */
  private async serveSubmit(request: IncomingMessage, response: ServerResponse, action: string, path: string): Promise<void> {
    const body = await this.readBodyOr413(request, response);
    if (body === null) return;
    const outcome = this.submitDesk.receive(
      action,
      path,
      body,
      this.isAuthorized(request.headers.authorization),
      request.headers.origin ?? null,
      this.now(),
    );
    if (outcome.kind === 'answer') {
      send(response, outcome.answer, 'POST');
      return;
    }
    if (outcome.kind === 'hang') await this.sleep(outcome.hangMs);
    request.socket.destroy();
  }

  /** The normal answer to a fetch request; `countPolls` moves the fetched tasks on. */
  private answerFetch(method: string, path: string, body: string, authorized: boolean, countPolls: boolean): CannedResponse {
    const unauthorized = (): CannedResponse =>
      jsonResponse(401, {
        error: { message: `无效的令牌 (request id: ${newRequestId(this.now())})`, type: 'new_api_error', code: '' },
      });

    if (method === 'GET' && path.startsWith('/suno/fetch/')) {
      const segment = path.slice('/suno/fetch/'.length);
      if (segment === '' || segment.includes('/')) return notFoundRoute(method, path);
      if (!authorized) return unauthorized();
      const task = this.tasks.get(safeDecode(segment));
      if (!task) return jsonResponse(400, { code: 'task_not_exist', message: 'task_not_exist', data: null });
      const rendered = renderSingleBody(task, this.url);
      if (countPolls) task.recordPoll(this.now());
      return { status: 200, headers: { 'Content-Type': rendered.contentType }, body: rendered.body };
    }

    if (method === 'POST' && (path === '/suno/fetch' || path === '/suno/submit/fetch')) {
      const routeMode = path === '/suno/fetch' ? this.batch : this.batch === 'submit_path';
      if (routeMode === 'method_not_allowed') {
        return { status: 405, headers: { 'Content-Type': 'text/plain', Allow: 'GET' }, body: '405 method not allowed' };
      }
      if (routeMode !== true) return notFoundRoute(method, path);
      if (!authorized) return unauthorized();
      const ids = parseBatchIds(body);
      if (ids === null) {
        return jsonResponse(400, {
          code: 'invalid_request',
          message: 'invalid request body: expected {"ids": ["<task_id>", …]}',
          data: null,
        });
      }
      const wanted = new Set(ids);
      // Rows come back in creation (database) order, not request order; unknown ids are left out.
      const rows = [...this.tasks.values()].filter((task) => wanted.has(task.id));
      const rendered = renderBatchBody(rows, this.url);
      if (countPolls) for (const task of rows) task.recordPoll(this.now());
      return { status: 200, headers: { 'Content-Type': rendered.contentType }, body: rendered.body };
    }

    return notFoundRoute(method, path);
  }


  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const pending = {
        timer: setTimeout(() => {
          this.pendingDelays.delete(pending);
          resolve();
        }, ms),
        resolve,
      };
      this.pendingDelays.add(pending);
    });
  }

  private serveMedia(request: IncomingMessage, response: ServerResponse, method: string, path: string): void {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    if (method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'Range',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return;
    }
    const notFound = (): void =>
      send(response, { status: 404, headers: { ...cors, 'Content-Type': 'text/plain' }, body: 'Not Found' }, method);
    if (method !== 'GET' && method !== 'HEAD') {
      send(response, { status: 405, headers: { ...cors, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, body: '' }, method);
      return;
    }

    let file: Buffer;
    let contentType: string;
    let cacheControl = 'public, max-age=3600';
    const name = safeDecode(path.startsWith('/media/') ? path.slice('/media/'.length) : path.slice('/stream/'.length));
    if (path.startsWith('/stream/')) {
      if (!CLIP_ID_PATTERN.test(name)) return notFound();
      file = clipWav(name);
      contentType = 'audio/wav';
      cacheControl = 'no-store';
    } else {
      const match = /^(.+?)(-large)?\.(wav|png|mp4)$/.exec(name);
      if (!match || !CLIP_ID_PATTERN.test(match[1])) return notFound();
      const [, clipId, large, extension] = match;
      if (extension === 'wav' && large === undefined) {
        file = clipWav(clipId);
        contentType = 'audio/wav';
      } else if (extension === 'png') {
        file = clipCoverPng(clipId, large === undefined ? 256 : 512);
        contentType = 'image/png';
      } else {
        // No video is rendered locally; the URL exists so clients see a realistic video_url.
        return notFound();
      }
    }

    const headers: Record<string, string> = {
      ...cors,
      'Content-Type': contentType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': cacheControl,
    };
    if (this.mediaFault !== null && method === 'GET') {
      serveMediaFault(response, this.mediaFault, file, headers);
      return;
    }
    const range = parseRange(request.headers.range, file.length);
    if (range.kind === 'unsatisfiable') {
      response.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.length}`, 'Content-Length': '0' });
      response.end();
      return;
    }
    const slice = range.kind === 'partial' ? file.subarray(range.start, range.end + 1) : file;
    if (range.kind === 'partial') headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.length}`;
    response.writeHead(range.kind === 'partial' ? 206 : 200, { ...headers, 'Content-Length': String(slice.length) });
    response.end(method === 'HEAD' ? undefined : slice);
  }
}
