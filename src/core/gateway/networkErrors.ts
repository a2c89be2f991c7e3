/**
 * Failures without an answer to read: the network failed, or the gateway did not answer in time.
 * Messages name the URL and the platform's reason (Node, undici or a browser) in a few words.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { GatewayError } from '../gatewayError';
import { clip, isRecord } from '../wire/answerBody';
import type { RequestDescription } from './responseErrors';

/** The platform's error code of a failed request (`ECONNREFUSED`, `UND_ERR_SOCKET`, …), or null. */
export function networkErrorCode(error: unknown): string | null {
  const cause = isRecord(error) && 'cause' in error ? (error as { cause?: unknown }).cause : undefined;
  const code = [cause, error]
    .map((candidate) => (isRecord(candidate) && typeof candidate.code === 'string' ? candidate.code : null))
    .find((candidate) => candidate !== null);
  return code ?? null;
}

/** The Node/undici/browser reason a request failed, in a few words. */
export function describeNetworkFailure(error: unknown): string {
  const cause = isRecord(error) && 'cause' in error ? (error as { cause?: unknown }).cause : undefined;
  const code = networkErrorCode(error);
  const known: Record<string, string> = {
    ENOTFOUND: 'the host name could not be resolved',
    EAI_AGAIN: 'the host name could not be resolved right now',
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    EPIPE: 'the connection was closed',
    ETIMEDOUT: 'connecting timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    UND_ERR_SOCKET: 'the connection closed before the answer was complete',
    UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
    UND_ERR_HEADERS_TIMEOUT: 'the gateway sent no answer in time',
    UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  };
  if (code !== null) return `${known[code] ?? 'the request failed'} (${code})`;
  const message = [cause, error]
    .map((candidate) => (candidate instanceof Error && candidate.message !== '' ? candidate.message : null))
    .find((candidate) => candidate !== null && candidate !== 'fetch failed');
  if (message != null) return `the request failed (${clip(message, 200)})`;
  return 'the request failed';
}

export function networkError(error: unknown, request: RequestDescription, phase: 'request' | 'body', httpStatus: number | null): GatewayError {
  const reason = describeNetworkFailure(error);
  const message =
    phase === 'request'
      ? `Could not reach the gateway: ${request.method} ${request.url} failed: ${reason}.`
      : `The connection broke while reading the answer to ${request.method} ${request.url} (HTTP ${httpStatus}): ${reason}.`;
  return new GatewayError('network', message, { url: request.url, httpStatus, cause: error });
}

export function timeoutError(request: RequestDescription, timeoutMs: number, httpStatus: number | null): GatewayError {
  const seconds = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`;
  return new GatewayError('timeout', `${request.method} ${request.url} did not answer within ${seconds}.`, {
    url: request.url,
    httpStatus,
  });
}
