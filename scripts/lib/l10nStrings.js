/**
 * The English sentences the extension shows, found in its source the way `@vscode/l10n-dev
 * export` finds them: the first argument of every `l10n.t(…)` call (`vscode.l10n.t('…', …)`, or
 * the object form `vscode.l10n.t({ message: '…', args, comment })`) and of every `localize(…)`
 * call (the core's injected `Localize`, see src/core/localize.ts). The sentence is the key of
 * `l10n/bundle.l10n.<language>.json`. The source is parsed, not searched by pattern, so quotes of
 * any kind and calls spread over several lines are found alike.
 *
 * Also reports what would slip past that: such a call whose first argument is not a string
 * literal (it cannot be looked up), and an English literal passed straight to a notification or
 * a status bar message.
 *
 * Built on the TypeScript compiler API (already a dev dependency).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');

/** Folders whose words are not translated: the CLI stays English, the local gateway is for tests. */
const UNTRANSLATED = ['src/cli/', 'src/localGateway/'];

/**
 * Files that look sentences up by variable: the panel's table translates the page's sentences,
 * which are found where the page uses them (and kept in step by the translations test).
 */
const LOOKED_UP_BY_VARIABLE = new Set(['src/panel/panelTranslations.ts']);

/** Calls that show their first argument to the user as it is. */
const SHOWN_AS_IS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);

function sourceFiles(folder = path.join(ROOT, 'src')) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** `l10n.t`, `vscode.l10n.t`, `localize`, `language.localize`. */
function isTranslationCall(callee) {
  if (ts.isIdentifier(callee)) return callee.text === 'localize';
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  if (name === 'localize') return true;
  if (name !== 't') return false;
  const target = callee.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

function calleeName(callee) {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

function isLiteral(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** Words in a literal or in a template's fixed parts, codicons (`$(key)`) aside. */
function hasWords(node) {
  const parts = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)] : isLiteral(node) ? [node.text] : [];
  return parts.some((part) => /[A-Za-z]{2,}/.test(part.replace(/\$\([\w~-]+\)/g, '')));
}

/**
 * The sentence a translation call names: its first argument when that is a string literal, or the
 * `message` of the object form. Undefined when it names none a reader of the source could find.
 */
function sentenceOf(first) {
  if (first === undefined) return undefined;
  if (isLiteral(first)) return first.text;
  if (!ts.isObjectLiteralExpression(first)) return undefined;
  const message = first.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'message');
  return message !== undefined && isLiteral(message.initializer) ? message.initializer.text : undefined;
}

/**
 * The sentences of one source file and the calls that would slip past the translation:
 * `{ messages: Map<English sentence, places>, problems: string[] }`, places and problems as
 * `<relative path>:line`.
 */
function scanSource(relative, text, messages = new Map(), problems = []) {
  const source = ts.createSourceFile(relative, text, ts.ScriptTarget.Latest, true);
  const where = (node) => `${relative}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      if (isTranslationCall(node.expression)) {
        const sentence = sentenceOf(first);
        if (sentence !== undefined) {
          const places = messages.get(sentence) ?? [];
          places.push(where(node));
          messages.set(sentence, places);
        } else if (!LOOKED_UP_BY_VARIABLE.has(relative)) {
          problems.push(`${where(node)}: the sentence to translate is not a string literal`);
        }
      } else if (SHOWN_AS_IS.has(calleeName(node.expression)) && first !== undefined && hasWords(first)) {
        problems.push(`${where(node)}: ${calleeName(node.expression)} is given English text; wrap it in vscode.l10n.t`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, problems };
}

/** Every sentence of the extension's source (`src/`, the English-only folders aside). */
function scanL10nStrings() {
  const messages = new Map();
  const problems = [];
  for (const file of sourceFiles()) {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    if (UNTRANSLATED.some((folder) => relative.startsWith(folder))) continue;
    scanSource(relative, fs.readFileSync(file, 'utf8'), messages, problems);
  }
  return { messages, problems };
}

module.exports = { scanL10nStrings, scanSource, ROOT };
