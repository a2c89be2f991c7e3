import * as assert from 'node:assert/strict';
import * as path from 'node:path';

// The scanner is plain Node (scripts/), shared by the translations test and the pseudo-locale build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanSource } = require(path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'l10nStrings.js')) as {
  scanSource: (relative: string, text: string) => { messages: Map<string, string[]>; problems: string[] };
};

/** The sentences found in `text`, each with the lines it was found on. */
function sentences(text: string): Record<string, string[]> {
  return Object.fromEntries([...scanSource('src/example.ts', text).messages].map(([message, places]) => [message, places]));
}

function problems(text: string): string[] {
  return scanSource('src/example.ts', text).problems;
}

describe('The scanner of sentences to translate (scripts/lib/l10nStrings.js)', () => {
  it('finds a sentence in single, double and plain backtick quotes', () => {
    const found = sentences(["vscode.l10n.t('Single quoted');", 'vscode.l10n.t("Double quoted");', 'vscode.l10n.t(`Backticks`);'].join('\n'));
    assert.deepEqual(found, { 'Single quoted': ['src/example.ts:1'], 'Double quoted': ['src/example.ts:2'], Backticks: ['src/example.ts:3'] });
  });

  it('finds a call spread over several lines, with its {0} arguments, at the line it starts on', () => {
    const text = ['const a = 1;', 'vscode.l10n.t(', "  'Saved {0} of {1} files.',", '  saved,', '  total,', ');'].join('\n');
    assert.deepEqual(sentences(text), { 'Saved {0} of {1} files.': ['src/example.ts:2'] });
  });

  it('finds the message of the object form, comments and arguments aside', () => {
    const text = "vscode.l10n.t({\n  message: 'Hello {0}',\n  args: [name],\n  comment: ['the user name'],\n});";
    assert.deepEqual(sentences(text), { 'Hello {0}': ['src/example.ts:1'] });
  });

  it('finds `l10n.t` imported on its own and the core’s `localize`, plain or as a member', () => {
    const text = "l10n.t('One');\nlocalize('Two');\nlanguage.localize('Three');";
    assert.deepEqual(Object.keys(sentences(text)), ['One', 'Two', 'Three']);
  });

  it('lists every place a sentence is used', () => {
    assert.deepEqual(sentences("l10n.t('Again');\n\nl10n.t(\"Again\");"), { Again: ['src/example.ts:1', 'src/example.ts:3'] });
  });

  it('reports a sentence that is not written out, in any of the forms', () => {
    const text = ['vscode.l10n.t(`Hello ${name}`);', 'vscode.l10n.t(sentence);', 'vscode.l10n.t({ message: sentence });', 'localize(words);'].join('\n');
    assert.deepEqual(
      problems(text),
      [1, 2, 3, 4].map((line) => `src/example.ts:${line}: the sentence to translate is not a string literal`),
    );
    assert.deepEqual(sentences(text), {});
  });

  it('reports English handed straight to a notification or the status bar, not a translated sentence or a codicon', () => {
    const text = [
      "vscode.window.showInformationMessage('Done');",
      'vscode.window.setStatusBarMessage(`$(key) Saved ${name}`);',
      "vscode.window.showErrorMessage(vscode.l10n.t('Failed'));",
      "vscode.window.setStatusBarMessage('$(sync~spin)');",
    ].join('\n');
    assert.deepEqual(problems(text), [
      'src/example.ts:1: showInformationMessage is given English text; wrap it in vscode.l10n.t',
      'src/example.ts:2: setStatusBarMessage is given English text; wrap it in vscode.l10n.t',
    ]);
  });

  it('leaves other calls named `t` alone', () => {
    assert.deepEqual(sentences("i18n.t('Not ours');\nt('Nor this');"), {});
    assert.deepEqual(problems('other.t(variable);'), []);
  });
});
