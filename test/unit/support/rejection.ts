import * as assert from 'node:assert/strict';
import { GatewayError, type GatewayErrorKind } from '../../../src/core/gatewayError';

/** The GatewayError `promise` rejects with, after asserting it is one and of `kind`. */
export async function rejection(promise: Promise<unknown>, kind: GatewayErrorKind): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GatewayError, `expected a GatewayError, got ${String(error)}`);
    assert.equal(error.kind, kind, `expected ${kind}, got ${error.kind}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a '${kind}' GatewayError`);
}
