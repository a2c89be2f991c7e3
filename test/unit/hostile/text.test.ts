// Hostile gateway text: what a title, fail reason, tag or error message may hold, and what the
// inert-text helpers make of it before it reaches a notification, a quick pick, the tree, the
// status bar or the log. Each case states the outcome it expects.
import * as assert from 'node:assert/strict';
import { INERT_LABEL_MAX_LENGTH, INERT_LOG_MAX_LENGTH, INERT_TEXT_MAX_LENGTH, inertLogText, inertText } from '../../../src/core/inertText';
import { rendersIcon, rendersLink, visible } from '../support/workbenchMarkup';

interface SurfaceCase {
  readonly name: string;
  readonly input: string;
  /** The exact result, when it is known. */
  readonly expected?: string;
  /** What a reader sees (word joiners removed), when markup was broken. */
  readonly reads?: string;
}

const NO_MARKUP_CASES: readonly SurfaceCase[] = [
  { name: 'a command link', input: '[click](command:suno.clearApiKey)', reads: '[click](command:suno.clearApiKey)' },
  { name: 'a command link with arguments', input: '[Fix](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)', reads: '[Fix](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)' },
  { name: 'an https link', input: '[x](https://evil.example)', reads: '[x](https://evil.example)' },
  { name: 'an http link with a title', input: '[x](http://evil.example "Open me")', reads: '[x](http://evil.example "Open me")' },
  { name: 'a file link', input: '[notes](file:///etc/passwd)', reads: '[notes](file:///etc/passwd)' },
  { name: 'an upper-case scheme', input: '[X](COMMAND:suno.setApiKey)', reads: '[X](COMMAND:suno.setApiKey)' },
  { name: 'a link split by a line break', input: '[a]\n(command:x)', expected: '[a] (command:x)' },
  { name: 'a link hidden behind a zero-width space', input: '[a]\u200B(command:x)', reads: '[a](command:x)' },
  { name: 'two links in a fail reason', input: 'Failed: [retry](command:a) or [help](https://b.example)', reads: 'Failed: [retry](command:a) or [help](https://b.example)' },
  { name: 'a codicon', input: '$(alert) Payment due', reads: '$(alert) Payment due' },
  { name: 'a spinning codicon', input: 'Song $(loading~spin)', reads: 'Song $(loading~spin)' },
  { name: 'a codicon already escaped with a backslash', input: '\\$(key)', reads: '\\$(key)' },
  { name: 'a codicon inside a link label', input: '[$(key) Set key](command:suno.setApiKey)', reads: '[$(key) Set key](command:suno.setApiKey)' },
];

const CHARACTER_CASES: readonly SurfaceCase[] = [
  { name: 'a right-to-left override', input: 'song\u202Egpj.exe', expected: 'songgpj.exe' },
  { name: 'bidi isolates and embeddings', input: '\u2066a\u2069\u202Ab\u202C\u2067c\u2069', expected: 'abc' },
  { name: 'left-to-right and right-to-left marks', input: 'a\u200Eb\u200Fc\u061Cd', expected: 'abcd' },
  { name: 'a byte order mark and a zero-width space', input: '\uFEFFTitle\u200B', expected: 'Title' },
  { name: 'tag characters that smuggle hidden text', input: 'Hi\u{E0041}\u{E0042}', expected: 'Hi' },
  { name: 'a forged log line in a title', input: 'Song\n[error] Key leaked', expected: 'Song [error] Key leaked' },
  { name: 'carriage returns that would overwrite text', input: 'safe\r\rdanger', expected: 'safe danger' },
  { name: 'ANSI colours', input: '\u001b[31mRED\u001b[0m', expected: 'RED' },
  { name: 'an OSC 8 terminal hyperlink', input: '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', expected: 'link' },
  { name: 'C1 control characters', input: 'a\u0085b\u009Bc', expected: 'a b c' },
  { name: 'NUL and DEL', input: 'a\u0000b\u007Fc', expected: 'a b c' },
  { name: 'Chinese text', input: '夜空中最亮的星（现场版）', expected: '夜空中最亮的星（现场版）' },
  { name: 'Japanese and Korean text', input: '夜に駆ける · 봄날', expected: '夜に駆ける · 봄날' },
  { name: 'Arabic with its number sign', input: '\u0600١٢ أغنية', expected: '\u0600١٢ أغنية' },
  { name: 'an emoji ZWJ sequence', input: '🏳️\u200D🌈 Pride', expected: '🏳️\u200D🌈 Pride' },
  { name: 'square brackets of lyrics sections', input: '[Verse 1] (intro) [Chorus]', expected: '[Verse 1] (intro) [Chorus]' },
  { name: 'HTML', input: '<img src=x onerror=alert(1)><b>bold</b>', expected: '<img src=x onerror=alert(1)><b>bold</b>' },
  { name: 'Markdown emphasis', input: '**bold** _it_ `code` # heading', expected: '**bold** _it_ `code` # heading' },
  { name: 'an empty string', input: '', expected: '' },
];

describe('Hostile text: no link and no icon reaches the workbench', () => {
  for (const { name, input, expected, reads } of NO_MARKUP_CASES) {
    it(name, () => {
      const inert = inertText(input);
      assert.equal(rendersLink(inert), false, `a link in ${JSON.stringify(inert)}`);
      assert.equal(rendersIcon(inert), false, `an icon in ${JSON.stringify(inert)}`);
      if (reads !== undefined) assert.equal(visible(inert), reads);
      if (expected !== undefined) assert.equal(visible(inert), expected);
    });
  }
});

describe('Hostile text: invisible, control and foreign characters', () => {
  for (const { name, input, expected } of CHARACTER_CASES) {
    it(name, () => {
      assert.equal(inertText(input), expected);
    });
  }
});

describe('Hostile text: sizes', () => {
  it('a 10 MB title becomes one bounded line', () => {
    const inert = inertText('A'.repeat(10 * 1024 * 1024));
    assert.equal(Array.from(inert).length, INERT_TEXT_MAX_LENGTH);
    assert.ok(inert.endsWith('…'));
  });

  it('a label of 10,000 Chinese characters is cut to the label length', () => {
    const inert = inertText('歌'.repeat(10_000), INERT_LABEL_MAX_LENGTH);
    assert.equal(inert, `${'歌'.repeat(INERT_LABEL_MAX_LENGTH - 1)}…`);
  });

  it('a megabyte of bidi overrides before the text cannot push the cut past the limit', () => {
    const inert = inertText(`${'\u202E'.repeat(1024 * 1024)}tail`);
    assert.ok(Array.from(inert).length <= INERT_TEXT_MAX_LENGTH);
    assert.doesNotMatch(inert, /\u202E/);
  });

  it('a million links stay links nowhere', () => {
    const inert = inertText('[a](command:x)'.repeat(1_000_000));
    assert.equal(rendersLink(inert), false);
  });

  it('a log line of 10 MB with line breaks stays one bounded line', () => {
    const line = inertLogText('x\n'.repeat(5 * 1024 * 1024));
    assert.ok(line.length <= INERT_LOG_MAX_LENGTH);
    assert.doesNotMatch(line, /[\n\r]/);
  });
});

describe('Hostile text: the log', () => {
  const LOG_CASES: readonly [string, string, string][] = [
    ['a forged line', 'ok\n2026-11-30 12:00:00.000 [error] The key was sent to evil.example', 'ok\\n2026-11-30 12:00:00.000 [error] The key was sent to evil.example'],
    ['a carriage return that hides the start', 'visible\rhidden', 'visible\\rhidden'],
    ['an ANSI screen clear', '\u001b[2J\u001b[Hclean', '\\u001b[2J\\u001b[Hclean'],
    ['a right-to-left override', 'file\u202Efdp.exe', 'file\\u202efdp.exe'],
    ['a tag character', 'a\u{E0041}', 'a\\u{e0041}'],
    ['Chinese text', '任务失败：内容违规', '任务失败：内容违规'],
  ];
  for (const [name, input, expected] of LOG_CASES) {
    it(name, () => {
      assert.equal(inertLogText(input), expected);
    });
  }
});
