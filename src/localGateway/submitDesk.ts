/**
 * The local gateway's submit counter: takes `POST /suno/submit/{action}`, checks it as new-api
 * does (`submitRequests.ts`), creates the scripted task (`songFromSubmit.ts`) and answers
 * `{"code":"success","message":"","data":"<task id>"}`; or plays the submit fault that is set
 * (`submitFaults.ts`). It records every submit, as received and as forwarded, for the tests.
 * Reading the request and holding or dropping its connection stay with the server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { CannedResponse } from './faults';
import { jsonResponse, newRequestId } from './httpUtil';
import type { Dialect, ScriptedTaskSpec } from './scriptedTask';
import { songFromSubmit } from './songFromSubmit';
import { cannedSubmitFault, DEFAULT_HANG_MS, submitFaultSchema, type SubmitFault } from './submitFaults';
import { checkSubmit, type ForwardedSubmit, type SubmitFieldMode } from './submitRequests';
import { CountedFault } from './countedFault';

/** One submit as the gateway received it. */
export interface SubmitRecord {
  /** The action as written in the path. */
  readonly action: string;
  readonly path: string;
  /** The body as JSON, or as text when it was no JSON. */
  readonly body: unknown;
  /** What reached the "upstream" after new-api's checks and dropped fields; null when refused. */
  forwarded: ForwardedSubmit | null;
  readonly authorized: boolean;
  /** The request's Origin header: a browser page sends one, Node's fetch does not. */
  readonly origin: string | null;
  /** Epoch milliseconds when the submit arrived. */
  readonly at: number;
  /** The HTTP status answered; null for a hang or a dropped connection. */
  status: number | null;
  /** The task the submit created, or null. */
  taskId: string | null;
}

/** What the server does with a submit: answer it, or hold it and drop it, or drop it at once. */
type SubmitOutcome =
  | { readonly kind: 'answer'; readonly answer: CannedResponse }
  | { readonly kind: 'hang'; readonly hangMs: number }
  | { readonly kind: 'reset' };

/** What the desk needs of the gateway's tasks. */
interface SubmitTaskBoard {
  hasTask(id: string): boolean;
  /** Adds a task and returns its id. */
  addTask(spec: ScriptedTaskSpec): string;
}

/** How music tasks made by submits are spoken, unless set otherwise: the newer new-api DTO. */
const DEFAULT_MUSIC_DIALECT: Dialect = 'newapi';

/** new-api's public id: `task_` and 32 hex digits; the other dialects use the upstream's UUIDs. */
function newSubmitId(dialect: Dialect): string {
  return dialect === 'newapi' || dialect === 'lyrics' ? `task_${randomBytes(16).toString('hex')}` : randomUUID();
}

function bodyAsReceived(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

export class SubmitDesk {
  private readonly records: SubmitRecord[] = [];
  private readonly fault = new CountedFault<SubmitFault>();
  private fieldMode: SubmitFieldMode = 'all';
  private musicDialect: Dialect = DEFAULT_MUSIC_DIALECT;

  constructor(private readonly board: SubmitTaskBoard) {}

  /** Takes one submit whose key was (or was not) accepted, and says what to do with it. */
  receive(action: string, path: string, body: string, authorized: boolean, origin: string | null, now: number): SubmitOutcome {
    const record: SubmitRecord = { action, path, body: bodyAsReceived(body), forwarded: null, authorized, origin, at: now, status: null, taskId: null };
    this.records.push(record);
    const outcome = this.outcomeFor(record, action, body, authorized, now);
    if (outcome.kind === 'answer') record.status = outcome.answer.status;
    return outcome;
  }

  private outcomeFor(record: SubmitRecord, action: string, body: string, authorized: boolean, now: number): SubmitOutcome {
    if (!authorized) {
      return { kind: 'answer', answer: jsonResponse(401, { error: { message: `无效的令牌 (request id: ${newRequestId(now)})`, type: 'new_api_error', code: '' } }) };
    }
    const check = checkSubmit(action, body, this.fieldMode, (id) => this.board.hasTask(id));
    if (check.kind === 'refused') return { kind: 'answer', answer: check.answer };
    const fault = this.fault.take();
    if (fault !== null && fault.kind !== 'hang' && fault.kind !== 'reset') return { kind: 'answer', answer: cannedSubmitFault(fault, newRequestId(now)) };
    record.forwarded = check.forwarded;
    const dialect = check.action === 'lyrics' ? 'lyrics' : this.musicDialect;
    record.taskId = this.board.addTask({ dialect, ...songFromSubmit(check.action, check.forwarded), id: newSubmitId(dialect) });
    if (fault?.kind === 'hang') return { kind: 'hang', hangMs: fault.hangMs ?? DEFAULT_HANG_MS };
    if (fault?.kind === 'reset') return { kind: 'reset' };
    return { kind: 'answer', answer: jsonResponse(200, { code: 'success', message: '', data: record.taskId }) };
  }

  /** The fault to play on submits (null clears it); `count` limits how many submits it hits. */
  setFault(fault: SubmitFault | null): void {
    this.fault.set(fault === null ? null : submitFaultSchema.parse(fault));
  }

  /** The fault still in force, with `count` showing the submits it has left. */
  currentFault(): SubmitFault | null {
    return this.fault.current();
  }

  /** 'vanilla' drops the fields open-source new-api drops; `musicDialect` is how new songs are spoken. */
  setMode(fields: SubmitFieldMode, musicDialect: Dialect = DEFAULT_MUSIC_DIALECT): void {
    this.fieldMode = fields;
    this.musicDialect = musicDialect;
  }

  /** Every submit, oldest first (copies). */
  get submits(): SubmitRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  clear(): void {
    this.records.length = 0;
  }

  /** Back to a fresh desk: no records, no fault, every field kept, new songs in new-api's DTO. */
  reset(): void {
    this.clear();
    this.setFault(null);
    this.setMode('all');
  }

}
