// A stand-in for the `vscode` module, enough for the extension's `activate()` to run in plain
// Node: `npm run bench` times loading the bundle and activating it with this in place of the
// editor. Settings are the manifest's defaults, no API key is stored, and what VS Code would draw
// (views, status bar, output channel) is an object that accepts any call and does nothing.
'use strict';

const { URL } = require('node:url');
const manifest = require('../../package.json');

class StandInDisposable {
  static from(...disposables) {
    return new StandInDisposable(() => disposables.forEach((disposable) => disposable?.dispose()));
  }
  constructor(onDispose) {
    this.onDispose = onDispose;
  }
  dispose() {
    this.onDispose?.();
    this.onDispose = undefined;
  }
}

class EventEmitter {
  listeners = new Set();
  event = (listener) => {
    this.listeners.add(listener);
    return new StandInDisposable(() => this.listeners.delete(listener));
  };
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

/** An event nothing ever fires. */
const never = () => new StandInDisposable();

/** A UI handle (tree view, status bar item, output channel): every property and call is inert. */
function inert() {
  const handle = new Proxy(function () {}, {
    get: (_target, property) => {
      if (property === 'then') return undefined;
      if (typeof property === 'string' && property.startsWith('onDid')) return never;
      return handle;
    },
    set: () => true,
    apply: () => handle,
    construct: () => handle,
  });
  return handle;
}

const defaults = Object.fromEntries(
  Object.entries(manifest.contributes.configuration.properties).map(([key, schema]) => [key, schema.default]),
);

function getConfiguration(section) {
  const full = (key) => (section ? `${section}.${key}` : key);
  return {
    get: (key, fallback) => defaults[full(key)] ?? fallback,
    inspect: (key) => ({ key: full(key), defaultValue: defaults[full(key)] }),
    has: (key) => full(key) in defaults,
    update: async () => undefined,
  };
}

class Uri {
  static file(fsPath) {
    return new Uri('file', fsPath);
  }
  static joinPath(base, ...segments) {
    return new Uri(base.scheme, [base.path, ...segments].join('/'));
  }
  static parse(text) {
    const url = new URL(text);
    return new Uri(url.protocol.slice(0, -1), url.pathname);
  }
  static from({ scheme, path }) {
    return new Uri(scheme, path);
  }
  constructor(scheme, path) {
    this.scheme = scheme;
    this.path = path;
    this.fsPath = path;
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
}

class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}

class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}

const registration = () => new StandInDisposable();

module.exports = {
  Disposable: StandInDisposable,
  EventEmitter,
  Uri,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  UIKind: { Desktop: 1, Web: 2 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  SymbolKind: { String: 14 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  FoldingRange: class FoldingRange {},
  DocumentSymbol: class DocumentSymbol {},
  commands: { registerCommand: registration, executeCommand: async () => undefined },
  window: {
    state: { focused: true },
    onDidChangeWindowState: never,
    createOutputChannel: inert,
    createStatusBarItem: inert,
    createTreeView: inert,
    registerWebviewPanelSerializer: registration,
    showWarningMessage: async () => undefined,
    showInformationMessage: async () => undefined,
    showErrorMessage: async () => undefined,
  },
  workspace: {
    getConfiguration,
    onDidChangeConfiguration: never,
    onDidOpenTextDocument: never,
    onDidChangeTextDocument: never,
    onDidCloseTextDocument: never,
    registerTextDocumentContentProvider: registration,
    textDocuments: [],
    workspaceFolders: undefined,
  },
  languages: {
    registerDocumentSymbolProvider: registration,
    registerFoldingRangeProvider: registration,
    registerCodeActionsProvider: registration,
    registerCompletionItemProvider: registration,
    registerHoverProvider: registration,
    registerCodeLensProvider: registration,
    createDiagnosticCollection: inert,
  },
  env: { uiKind: 1, remoteName: undefined, language: 'en' },
  // English, as VS Code's l10n.t gives it without a bundle: `{0}`… replaced by the arguments.
  l10n: { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (placeholder, index) => (index in args ? String(args[index]) : placeholder)) },
};
