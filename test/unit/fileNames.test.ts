import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { hashedFileName, isHashedFileName } from '../../src/core/store/fileNames';
import { sha256Hex } from '../../src/core/store/sha256';
import { nodeSha256Hex } from '../../src/storage/nodeSha256';

function nodeSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('File names for task ids and gateway URLs', () => {
  it('hashes with SHA-256, byte for byte as Node does, at every padding boundary', () => {
    // 55, 56 and 64 bytes are where the length no longer fits the last block.
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const text = 'x'.repeat(length);
      assert.equal(sha256Hex(text), nodeSha256(text), `length ${length}`);
    }
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes any text as Node does, multi-byte characters and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 200 },
    );
    for (const text of ['\ud800', 'a\udfffb', '任务-🎵', '\u202e\u0000']) assert.equal(sha256Hex(text), nodeSha256(text));
  });

  it('names files in the extension host (node:crypto) exactly as the portable hash does in memory', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => hashedFileName(text, nodeSha256Hex) === hashedFileName(text, sha256Hex)),
      { numRuns: 100 },
    );
    for (const text of ['', '\ud800', 'a\udfffb', '任务-🎵', '\u202e\u0000', 'x'.repeat(10_000)]) {
      assert.equal(hashedFileName(text, nodeSha256Hex), hashedFileName(text, sha256Hex));
    }
  });

  it('gives ids that differ only by case different names, all lowercase', () => {
    const upper = hashedFileName('ABC-123', sha256Hex);
    const lower = hashedFileName('abc-123', sha256Hex);
    assert.notEqual(upper.toLowerCase(), lower.toLowerCase());
    assert.equal(upper, upper.toLowerCase());
  });

  it('recognises only its own names', () => {
    assert.ok(isHashedFileName(hashedFileName('../../etc/passwd', sha256Hex)));
    for (const name of ['revision.txt', 'a.json', `${'0'.repeat(64)}.json.tmp`, `${'A'.repeat(64)}.json`, '..']) {
      assert.equal(isHashedFileName(name), false, name);
    }
  });
});
