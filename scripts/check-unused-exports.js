#!/usr/bin/env node
/**
 * Lists the exports of `src/**` that no other file imports, and fails when there is any.
 *
 * An export is a promise that another module depends on a name; one nobody imports is dead code
 * or a symbol that should be private to its file. Tests count as importers: the core is tested
 * through its exported functions, and a seam that exists for a test is a reason to export.
 * Uses of a name inside its own file do not count.
 *
 * Built on the TypeScript compiler API (already a dev dependency): names are resolved through
 * re-exports and `import * as`, which a text search would get wrong. A namespace import or an
 * `export *` counts as a use of every export of the module it names.
 *
 * Usage: node scripts/check-unused-exports.js
 */
'use strict';

const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');

/**
 * Exports that no file imports on purpose, as `path#name`: entry points called by VS Code or
 * Node rather than by another module. Keep each one justified.
 */
const EXPECTED_UNUSED = new Set([
  // VS Code calls these on the extension's main module.
  'src/extension.ts#activate',
  'src/extension.ts#deactivate',
  // The same, on the web worker's entry (package.json's `browser`).
  'src/web/extension.ts#activate',
  'src/web/extension.ts#deactivate',
  // The type of the public GatewayPollState.state field: callers may name what they read.
  'src/core/polling/poller.ts#GatewayPollStateName',
  // scripts/bench/startup.js bundles it to write a task folder exactly as the store does.
  'src/core/store/taskStore.ts#MIGRATED_PATH',
]);

function loadProgram() {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // The webview's sources are type-checked by their own tsconfig (DOM library); here they only
  // need to be in the program so that their imports and exports are seen.
  const webviewFiles = ts.sys.readDirectory(path.join(ROOT, 'src', 'webview-ui'), ['.ts']);
  const options = { ...parsed.options, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], noEmit: true };
  return ts.createProgram([...parsed.fileNames, ...webviewFiles], options);
}

function relative(fileName) {
  return path.relative(ROOT, fileName).split(path.sep).join('/');
}

function isProjectFile(sourceFile) {
  return !sourceFile.isDeclarationFile && !relative(sourceFile.fileName).startsWith('..') && !sourceFile.fileName.includes('node_modules');
}

/** The project file a module specifier resolves to, or undefined for packages. */
function targetFile(checker, specifier) {
  const symbol = checker.getSymbolAtLocation(specifier);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (declaration === undefined || !ts.isSourceFile(declaration) || !isProjectFile(declaration)) return undefined;
  return relative(declaration.fileName);
}

/** `path#name` for every import, `path#*` for imports of a whole module. */
function collectUses(program, checker) {
  const uses = new Set();
  const use = (file, name) => {
    if (file !== undefined) uses.add(`${file}#${name}`);
  };
  for (const sourceFile of program.getSourceFiles()) {
    if (!isProjectFile(sourceFile)) continue;
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && node.importClause !== undefined) {
        const file = targetFile(checker, node.moduleSpecifier);
        const clause = node.importClause;
        if (clause.name !== undefined) use(file, 'default');
        const bindings = clause.namedBindings;
        if (bindings !== undefined && ts.isNamespaceImport(bindings)) use(file, '*');
        if (bindings !== undefined && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) use(file, (element.propertyName ?? element.name).text);
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
        const file = targetFile(checker, node.moduleSpecifier);
        const clause = node.exportClause;
        if (clause === undefined || ts.isNamespaceExport(clause)) use(file, '*');
        else for (const element of clause.elements) use(file, (element.propertyName ?? element.name).text);
      } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
        // import('…') and require('…'): the whole module.
        const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if (isImport || isRequire) use(targetFile(checker, node.arguments[0]), '*');
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        // import('…').Name in a type position.
        const file = targetFile(checker, node.argument.literal);
        if (node.qualifier !== undefined) use(file, ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.left.getText());
        else use(file, '*');
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return uses;
}

function unusedExports() {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  const uses = collectUses(program, checker);
  const unused = [];
  for (const sourceFile of program.getSourceFiles()) {
    const file = relative(sourceFile.fileName);
    if (!isProjectFile(sourceFile) || !file.startsWith('src/') || uses.has(`${file}#*`)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const key = `${file}#${exported.name}`;
      if (!uses.has(key) && !EXPECTED_UNUSED.has(key)) unused.push(key);
    }
  }
  return unused.sort();
}

const unused = unusedExports();
if (unused.length > 0) {
  console.error(`Exports that no other file imports (remove the export, or list a justified exception in scripts/check-unused-exports.js):`);
  for (const key of unused) console.error(`  ${key.replace('#', ': ')}`);
  process.exit(1);
}
