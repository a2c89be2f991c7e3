/**
 * 128 random bits as 32 hex digits, from Web Crypto's `getRandomValues`. Not `randomUUID`: a
 * browser offers that only in a secure context, and the web worker extension host of a
 * code-server served over plain http on a LAN is none.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
