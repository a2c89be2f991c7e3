/**
 * The one error type the core raises. Every adapter (CLI, tree, notifications) decides what to
 * do from `kind` alone, so a new failure mode means a new kind here, not a new class.
 */

export type GatewayErrorKind =
  | 'invalid_input'
  | 'auth'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'bad_response'
  | 'network'
  | 'timeout'
  /** The gateway account's balance is too low for a submit. Not a key problem: never pauses polling. */
  | 'quota'
  /** A submit whose answer was lost (timeout, dropped connection): it may or may not have been accepted. */
  | 'outcome_unknown';

/** A setting whose value caused an error, so that the fix offered is to open that setting. */
type FaultySetting = 'baseUrl';

/**
 * What an error's kind alone does not tell, where the words shown must differ:
 * - `unsendable_key` (auth): a key is stored but holds characters a header cannot carry.
 * - `cross_origin` (network, outcome_unknown): the browser refused to let us read the answer of
 *   a gateway that does answer (CORS).
 */
type GatewayErrorReason = 'unsendable_key' | 'cross_origin';

interface GatewayErrorDetails {
  /** The URL that was called (never contains the key: keys travel only in headers). */
  readonly url?: string | null;
  /** HTTP status of the answer, or null when there was no answer. */
  readonly httpStatus?: number | null;
  /** The gateway's own message, verbatim, when it sent one. */
  readonly gatewayMessage?: string | null;
  /** For `rate_limited`: how long the gateway asked us to wait. */
  readonly retryAfterMs?: number | null;
  /** For an answer about another task than the one asked for: the id the gateway answered about. */
  readonly answeredTaskId?: string | null;
  /** For `invalid_input` caused by a setting's value: that setting. */
  readonly faultySetting?: FaultySetting | null;
  readonly reason?: GatewayErrorReason | null;
  readonly cause?: unknown;
}

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly url: string | null;
  readonly httpStatus: number | null;
  readonly gatewayMessage: string | null;
  readonly retryAfterMs: number | null;
  readonly answeredTaskId: string | null;
  readonly faultySetting: FaultySetting | null;
  readonly reason: GatewayErrorReason | null;

  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    details: GatewayErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url ?? null;
    this.httpStatus = details.httpStatus ?? null;
    this.gatewayMessage = details.gatewayMessage ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.answeredTaskId = details.answeredTaskId ?? null;
    this.faultySetting = details.faultySetting ?? null;
    this.reason = details.reason ?? null;
  }

  /** The JSON shape the CLI prints for a failed id. */
  toJSON(): { kind: GatewayErrorKind; message: string; httpStatus: number | null } {
    return { kind: this.kind, message: this.message, httpStatus: this.httpStatus };
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** Errors that pass by themselves: back off and keep every task. */
export function isTransient(error: GatewayError): boolean {
  return (
    error.kind === 'rate_limited' ||
    error.kind === 'server' ||
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'bad_response'
  );
}
