// Song documents in the editor: New Song, the Suno Song language for .suno files, diagnostics
// from the validator while typing, quick fixes, completion and hover in the front matter, and
// the outline of the lyrics below it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, SONG_LANGUAGE_ID } from '../../src/contributionIds';
import { extensionApi, waitFor } from './support/extensionTestSupport';

let songCount = 0;

/**
 * An untitled song with `content`, under a name no other test used: untitled documents closed by
 * one test give their `Untitled-N` to the next one, and a provider asked about that URI right
 * away could still be answered from the closed document.
 */
async function openSong(content: string): Promise<vscode.TextEditor> {
  songCount += 1;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `song-documents-${songCount}.suno` }));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
  assert.equal(document.languageId, SONG_LANGUAGE_ID);
  return editor;
}

function codes(document: vscode.TextDocument): string[] {
  return vscode.languages.getDiagnostics(document.uri).map((diagnostic) => String(diagnostic.code));
}

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  return (await completions(document, position)).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The line after accepting the completion item labelled `label`. */
async function lineAfterAccepting(document: vscode.TextDocument, position: vscode.Position, label: string): Promise<string> {
  const item = (await completions(document, position)).find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === label);
  assert.ok(item, `no completion ${label}`);
  const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
  assert.ok(range, 'the item says what it replaces');
  const insert = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? label);
  const line = document.lineAt(position.line).text;
  return line.slice(0, range.start.character) + insert + line.slice(range.end.character);
}

describe('Song documents', function () {
  this.timeout(30_000);

  before(async () => {
    await extensionApi();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('suno').update('models', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('suno').update('defaultModel', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('New Song opens an untitled song from the template in the default model, its title selected', async () => {
    await vscode.workspace.getConfiguration('suno').update('defaultModel', 'chirp-crow', vscode.ConfigurationTarget.Global);
    const document = await executeCommand(Commands.newSong);
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, SONG_LANGUAGE_ID);
    assert.match(document.getText(), /^---\ntitle: <Song title>\nstyle: .*\nmodel: chirp-crow\n---\n\[Verse\]\n/);
    const editor = await waitFor('the song in the active editor', () => (vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : undefined));
    assert.equal(document.getText(editor.selection), '<Song title>');
    await waitFor('the placeholders marked', () => codes(document).filter((code) => code === 'placeholder').length === 6);
  });

  it('opens a .suno file as a song', async () => {
    const workspace = process.env.SUNO_TEST_WORKSPACE;
    assert.ok(workspace);
    const file = path.join(workspace, 'city-lights.suno');
    fs.writeFileSync(file, '---\ntitle: City Lights\n---\n[Verse]\nNeon\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.equal(document.languageId, SONG_LANGUAGE_ID);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('marks an unknown key, lyrics past the model’s limit and a placeholder as the user types', async () => {
    const { document } = await openSong('---\ntitle: Fine\nmodel: chirp-v4\n---\n[Verse]\nla\n');
    await waitFor('a clean song to be checked', () => vscode.languages.getDiagnostics(document.uri).length === 0 && document.getText() !== '');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 0), 'styel: rock\n');
    edit.insert(document.uri, new vscode.Position(5, 0), `<A line of the verse>\n${'x'.repeat(3000)}\n`);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitFor('the three problems', () => ['lyrics-too-long', 'placeholder', 'unknown-key'].every((code) => codes(document).includes(code)));
    const unknown = vscode.languages.getDiagnostics(document.uri).find((diagnostic) => diagnostic.code === 'unknown-key');
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(unknown?.source, 'Suno');
    assert.deepEqual([unknown?.range.start.line, unknown?.range.start.character, unknown?.range.end.character], [1, 0, 5]);
  });

  it('checks again when the model list changes, and forgets a song that closes', async () => {
    const { document } = await openSong('---\nmodel: chirp-auk\n---\nla\n');
    await vscode.workspace.getConfiguration('suno').update('models', [{ id: 'chirp-v4', lyricsLimit: 3000, styleLimit: 200 }], vscode.ConfigurationTarget.Global);
    await waitFor('the unlisted model hint', () => codes(document).includes('unlisted-model'));
    const hint = vscode.languages.getDiagnostics(document.uri)[0];
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Information);

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('no diagnostics for the closed song', () => vscode.languages.getDiagnostics(document.uri).length === 0);
  });

  it('applies a quick fix: an unknown key becomes the key it means', async () => {
    const { document } = await openSong('---\ntags: rock\n---\nla\n');
    await waitFor('the unknown key', () => codes(document).includes('unknown-key'));
    const range = new vscode.Range(1, 0, 1, 4);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
    const fix = actions.find((action) => action.title === 'Change to "style"');
    assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.getText(), '---\nstyle: rock\n---\nla\n');
    await waitFor('the problem gone', () => codes(document).length === 0);
  });

  it('completes the keys not set yet, and model ids from the model list', async () => {
    const { document } = await openSong('---\ntitle: x\n\nmodel: \n---\nla\n');
    const keys = await completionLabels(document, new vscode.Position(2, 0));
    for (const key of ['style', 'exclude', 'instrumental']) assert.ok(keys.includes(key), `${key} in ${keys.join(', ')}`);
    assert.equal(keys.includes('title'), false, 'title is set already');

    const models = await completionLabels(document, new vscode.Position(3, 7));
    for (const id of ['chirp-v3-5', 'chirp-auk', 'chirp-fenix']) assert.ok(models.includes(id), `${id} in ${models.join(', ')}`);

    assert.equal(await lineAfterAccepting(document, new vscode.Position(3, 7), 'chirp-fenix'), 'model: chirp-fenix');
    const bare = (await openSong('---\nmodel:\n---\n')).document;
    assert.equal(await lineAfterAccepting(bare, new vscode.Position(1, 6), 'chirp-v4'), 'model: chirp-v4', 'right after the colon');
    assert.equal(await lineAfterAccepting(document, new vscode.Position(2, 0), 'instrumental'), 'instrumental: ');

    await vscode.workspace.getConfiguration('suno').update('models', [{ id: 'my-model', label: 'Mine', lyricsLimit: 10, styleLimit: 10 }], vscode.ConfigurationTarget.Global);
    assert.ok((await completionLabels(document, new vscode.Position(3, 7))).includes('my-model'));
    assert.deepEqual((await completionLabels(document, new vscode.Position(5, 1))).filter((label) => label === 'style'), [], 'no keys in the lyrics');
  });

  it('documents a key on hover', async () => {
    const { document } = await openSong('---\nstyle: rock\n---\nla\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 2));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Sent as `tags`/);
  });

  it('lists the lyrics’ sections in the outline and folds them, front matter aside', async () => {
    const { document } = await openSong('---\ntitle: x\n---\n[Verse]\nNeon rivers\n\n[Chorus]\nCity lights\n');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.range.start.line, symbol.range.end.line, symbol.detail]),
      [
        ['Verse', 3, 4, 'Neon rivers'],
        ['Chorus', 6, 7, 'City lights'],
      ],
    );
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.deepEqual(
      ranges.filter((range) => range.start >= 3).map((range) => [range.start, range.end]),
      [
        [3, 4],
        [6, 7],
      ],
    );
  });
});

/** The parts of VS Code's own TextMate engine a grammar test needs. */
interface TextMateEngine {
  Registry: new (options: unknown) => { loadGrammar(scopeName: string): Promise<TextMateGrammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
  INITIAL: unknown;
}
interface TextMateGrammar {
  tokenizeLine(line: string, stack: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

/**
 * Tokenizes lines with the manifest's grammars in the TextMate engine VS Code itself ships (the
 * workbench has no API that returns scopes), the way the editor highlights a document.
 */
async function tokenize(lines: string[]): Promise<{ text: string; scopes: string }[]> {
  const modules = path.join(vscode.env.appRoot, 'node_modules');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- VS Code's own copy, found at run time
  const textmate = require(path.join(modules, 'vscode-textmate')) as TextMateEngine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- VS Code's own copy, found at run time
  const oniguruma = require(path.join(modules, 'vscode-oniguruma')) as Oniguruma;
  const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const root = path.resolve(__dirname, '..', '..', '..');
  const grammars = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string }[] } }).contributes.grammars;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const grammar = grammars.find((candidate) => candidate.scopeName === scopeName);
      if (grammar === undefined) return null;
      const file = path.join(root, grammar.path);
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.suno-song');
  assert.ok(grammar, 'the song grammar loads');
  let stack = textmate.INITIAL;
  const tokens: { text: string; scopes: string }[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes.join(' ') });
    stack = result.ruleStack;
  }
  return tokens;
}

describe('Song highlighting', function () {
  this.timeout(30_000);

  it('scopes the front matter’s keys, values and comments, and the lyrics below it with the lyrics grammar', async () => {
    const tokens = await tokenize(['---', 'title: City Lights', 'Style: "punk" # loud', 'styl: x', 'instrumental: false', '# note', '---', '[Verse]', 'title: not a key', '---']);
    const scopesOf = (text: string): string => {
      const token = tokens.find((candidate) => candidate.text.trim() === text);
      assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens)}`);
      return token.scopes;
    };
    assert.match(scopesOf('title'), /support\.type\.property-name\.suno-song/);
    assert.match(scopesOf('City Lights'), /string\.unquoted\.suno-song/);
    assert.match(scopesOf('Style'), /support\.type\.property-name\.suno-song/);
    assert.match(scopesOf('punk'), /string\.quoted\.double\.suno-song/);
    assert.match(scopesOf('# loud'), /comment\.line\.number-sign\.suno-song/);
    assert.match(scopesOf('styl'), /invalid\.illegal\.unknown-key\.suno-song/);
    assert.match(scopesOf('false'), /constant\.language\.boolean\.suno-song/);
    assert.match(scopesOf('note'), /comment\.line\.number-sign\.suno-song/);
    assert.match(scopesOf('Verse'), /entity\.name\.section\.suno-lyrics/);
    assert.doesNotMatch(scopesOf('title: not a key'), /suno-song\S*property/, 'keys below the front matter are lyrics');
  });
});
