/** Small helpers the local gateway's routes share: reading bodies and writing canned answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { CannedResponse } from './faults';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Request bodies larger than this are refused: the gateway only ever needs a list of ids. */
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): CannedResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** Writes a canned answer unless the connection is already gone (closed gateway, dropped socket). */
export function send(response: ServerResponse, answer: CannedResponse, method: string | undefined): void {
  if (response.destroyed || response.writableEnded) return;
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.length) });
  response.end(method === 'HEAD' ? undefined : body);
}

/** A request id in new-api's style: a timestamp followed by random characters. */
export function newRequestId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/\D/g, '').slice(0, 17);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return stamp + [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('');
}
