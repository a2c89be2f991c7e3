import * as assert from 'node:assert/strict';
import { INERT_LABEL_MAX_LENGTH, INERT_TEXT_MAX_LENGTH, inertLogText, inertText } from '../../src/core/inertText';
import { rendersIcon, rendersLink, visible } from './support/workbenchMarkup';

describe('inertText', () => {
  it('leaves ordinary titles exactly as they are', () => {
    for (const title of ['City Lights', '夜空中最亮的星', '[Verse] Neon (live)', 'Rock & Roll: 100% <loud>', 'Ünïcödé — “quotes” …']) {
      assert.equal(inertText(title), title);
    }
  });

  it('breaks link syntax invisibly: the workbench finds no link, the reader sees the same characters', () => {
    const hostile = 'Done [click here](command:suno.clearApiKey) or [x](https://evil.example)';
    assert.equal(rendersLink(hostile), true, 'the workbench pattern should match the raw text');
    const inert = inertText(hostile);
    assert.equal(rendersLink(inert), false);
    assert.equal(visible(inert), hostile);
  });

  it('breaks icon syntax invisibly', () => {
    const inert = inertText('$(alert) urgent $(loading~spin)');
    assert.equal(rendersIcon(inert), false);
    assert.equal(visible(inert), '$(alert) urgent $(loading~spin)');
  });

  it('turns line breaks, tabs and control characters into one space and drops ANSI escapes', () => {
    assert.equal(inertText('first\r\nsecond\tthird\u0000fourth'), 'first second third fourth');
    assert.equal(inertText('\u001b[31mred\u001b[0m title'), 'red title');
    assert.equal(inertText('a\u2028b\u2029c'), 'a b c');
  });

  it('drops bidi overrides and zero-width characters but keeps the joiners scripts and emoji need', () => {
    assert.equal(inertText('abc\u202Eexe.txt'), 'abcexe.txt');
    assert.equal(inertText('in\u200Bvisible\uFEFF'), 'invisible');
    const family = '👨\u200D👩\u200D👧';
    assert.equal(inertText(family), family);
    assert.equal(inertText('می\u200Cخواهم'), 'می\u200Cخواهم');
  });

  it('cuts long text to the limit with an ellipsis, never inside a surrogate pair', () => {
    const cut = inertText('🎵'.repeat(INERT_TEXT_MAX_LENGTH + 10));
    assert.equal(Array.from(cut).length, INERT_TEXT_MAX_LENGTH);
    assert.ok(cut.endsWith('🎵…'));
    assert.equal(inertText('x'.repeat(300), INERT_LABEL_MAX_LENGTH).length, INERT_LABEL_MAX_LENGTH);
  });

  it('is idempotent', () => {
    for (const text of ['[a](command:x) $(alert)', 'x'.repeat(5000), 'plain', '\u202E$(x)']) {
      const once = inertText(text);
      assert.equal(inertText(once), once);
    }
  });
});

describe('inertLogText', () => {
  it('keeps one log entry on one line and shows what was hidden as an escape', () => {
    assert.equal(inertLogText('ok\n2026-01-01 [error] forged'), 'ok\\n2026-01-01 [error] forged');
    assert.equal(inertLogText('\u001b[2Jcleared'), '\\u001b[2Jcleared');
    assert.equal(inertLogText('name\u202Etxt.exe'), 'name\\u202etxt.exe');
  });

  it('keeps tabs and ordinary text', () => {
    assert.equal(inertLogText('GET https://api.gpt.ge/suno/fetch/1 → 200\t(12 ms) 夜空'), 'GET https://api.gpt.ge/suno/fetch/1 → 200\t(12 ms) 夜空');
  });

  it('bounds a huge line', () => {
    const line = inertLogText('a'.repeat(10_000_000));
    assert.ok(line.length <= 4000);
    assert.ok(line.endsWith('…'));
  });
});
