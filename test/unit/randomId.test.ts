import * as assert from 'node:assert/strict';
import { randomId } from '../../src/core/randomId';

describe('randomId', () => {
  it('gives 32 hex digits, different each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  });
});
