import * as assert from 'node:assert/strict';
import { TextPositions } from '../../../src/core/song/textPositions';

describe('TextPositions', () => {
  it('counts lines the way editors do: \\r\\n, \\r and \\n', () => {
    const positions = new TextPositions('ab\r\ncd\ref\ngh');
    assert.equal(positions.lineCount, 4);
    assert.deepEqual(positions.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(positions.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(positions.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(positions.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(positions.positionAt(11), { line: 3, character: 1 });
    assert.equal(positions.lineStart(2), 7);
  });

  it('clamps offsets and lines outside the text', () => {
    const positions = new TextPositions('a\nb');
    assert.deepEqual(positions.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(positions.positionAt(99), { line: 1, character: 1 });
    assert.deepEqual(positions.positionAt(Number.NaN), { line: 0, character: 0 });
    assert.equal(positions.lineStart(99), 2);
  });

  it('has one line for an empty text and a line after a final line break', () => {
    assert.equal(new TextPositions('').lineCount, 1);
    assert.deepEqual(new TextPositions('a\n').positionAt(2), { line: 1, character: 0 });
  });
});
