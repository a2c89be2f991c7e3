import * as assert from 'node:assert/strict';
import { errorText } from '../../src/core/errorText';
import { GatewayError } from '../../src/core/gatewayError';

describe('errorText', () => {
  it('gives an Error its message, without the class name', () => {
    assert.equal(errorText(new TypeError('bad thing')), 'bad thing');
  });

  it('gives a GatewayError its message', () => {
    assert.equal(errorText(new GatewayError('network', 'offline')), 'offline');
  });

  it('gives a thrown string itself', () => {
    assert.equal(errorText('plain words'), 'plain words');
  });

  it('gives a thrown undefined or number its string form', () => {
    assert.equal(errorText(undefined), 'undefined');
    assert.equal(errorText(42), '42');
  });
});
