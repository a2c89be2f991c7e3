// The harness's first proof that the extension really runs inside VS Code: it is loaded from the
// project, activates, and every command it contributes is registered. Also the one check that the
// ids the code uses (src/contributionIds.ts) are the ones package.json contributes, both ways.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  Commands,
  ContextKeys,
  LYRICS_LANGUAGE_ID,
  LYRICS_SCHEME,
  SONG_LANGUAGE_ID,
  TASK_PANEL_VIEW_TYPE,
  Views,
} from '../../src/contributionIds';

const extensionId = 'suno-tasks.suno-tasks';

interface ContributedCommand {
  command: string;
}

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: ContributedCommand[];
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    languages: { id: string }[];
    walkthroughs: { steps: { completionEvents: string[] }[] }[];
  };
}

function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

/** Every `when` clause of the manifest: menus, welcome views and the walkthrough's `onContext:` events. */
function whenClauses(): string[] {
  const { menus, viewsWelcome, walkthroughs } = manifest().contributes;
  const entries = [...Object.values(menus).flat(), ...viewsWelcome];
  const completions = walkthroughs
    .flatMap((walkthrough) => walkthrough.steps.flatMap((step) => step.completionEvents))
    .filter((event) => event.startsWith('onContext:'))
    .map((event) => event.slice('onContext:'.length));
  return [...entries.map((entry) => entry.when).filter((when): when is string => when !== undefined), ...completions];
}

/**
 * The terms of the `when` clauses as [key, operator, value]: `view == suno.tasks` gives
 * ['view', '==', 'suno.tasks'], `!suno.hasTasks` gives ['suno.hasTasks', '', ''].
 */
function whenTerms(): [string, string, string][] {
  return whenClauses()
    .flatMap((when) => when.split(/&&|\|\|/))
    .map((term) => {
      const match = /^\s*!?\s*([\w.-]+)\s*(==|!=|=~)?\s*(.*?)\s*$/.exec(term);
      assert.ok(match, `unreadable when term: ${term}`);
      // VS Code hands the manifest over with its when clauses normalised: values come quoted.
      return [match[1], match[2] ?? '', match[3].replace(/^'(.*)'$/, '$1')];
    });
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  assert.ok(found, `${extensionId} is not loaded`);
  return found;
}

describe('Extension activation', () => {
  it('is loaded from the project as an extension under development', () => {
    const loaded = extension();
    assert.equal(loaded.packageJSON.displayName, 'Suno Tasks');
    // This file compiles to out/test/integration/, three levels below the project root.
    assert.equal(loaded.extensionUri.fsPath, path.resolve(__dirname, '..', '..', '..'));
  });

  it('activates', async () => {
    const loaded = extension();
    await loaded.activate();
    assert.equal(loaded.isActive, true);
  });

  it('registers every command it contributes, suno.fetchTask among them', async () => {
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (extension().packageJSON.contributes.commands as ContributedCommand[]).map((entry) => entry.command);
    assert.ok(contributed.includes('suno.fetchTask'));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('has a constant for every command it contributes and contributes every command constant', () => {
    const contributed = manifest().contributes.commands.map((entry) => entry.command);
    assert.deepEqual(sorted(contributed), sorted(Object.values(Commands)));
  });

  it('names in its menus only commands it contributes', () => {
    const contributed = new Set(manifest().contributes.commands.map((entry) => entry.command));
    const inMenus = Object.values(manifest().contributes.menus)
      .flat()
      .map((entry) => entry.command);
    assert.deepEqual(inMenus.filter((id) => !contributed.has(id)), []);
  });

  it('has a constant for every view it contributes, and the views its menus and welcome texts name', () => {
    const { views, viewsWelcome } = manifest().contributes;
    const contributed = Object.values(views)
      .flat()
      .map((view) => view.id);
    assert.deepEqual(sorted(contributed), sorted(Object.values(Views)));
    const named = [...viewsWelcome.map((entry) => entry.view), ...whenTerms().filter(([key]) => key === 'view').map(([, , value]) => value)];
    assert.deepEqual(sorted(named), sorted(Object.values(Views)));
  });

  it('sets exactly the context keys of its own that its when clauses read', () => {
    const read = whenTerms()
      .map(([key]) => key)
      .filter((key) => key.startsWith('suno.'));
    assert.deepEqual(sorted(read), sorted(Object.values(ContextKeys)));
  });

  it('uses the lyrics scheme, the lyrics and song languages and the panel view type the manifest names', () => {
    const schemes = whenTerms()
      .filter(([key]) => key === 'resourceScheme')
      .map(([, , value]) => value);
    assert.deepEqual(sorted(schemes), [LYRICS_SCHEME]);
    assert.ok(manifest().contributes.languages.some((language) => language.id === LYRICS_LANGUAGE_ID));
    assert.ok(manifest().contributes.languages.some((language) => language.id === SONG_LANGUAGE_ID));
    assert.ok(manifest().activationEvents.includes(`onWebviewPanel:${TASK_PANEL_VIEW_TYPE}`));
  });

  it('hands its API to its own tests only: it runs in ExtensionMode.Test', async () => {
    // activate() returns its services only in this mode; an installed .vsix runs in Production
    // mode and exports nothing (the packaging UI test checks that from a second extension).
    const api = (await extension().activate()) as { services?: { context: vscode.ExtensionContext } } | undefined;
    assert.ok(api?.services, 'no API in test mode');
    assert.equal(api.services.context.extensionMode, vscode.ExtensionMode.Test);
  });

  it('runs in test mode with the test workspace open', () => {
    assert.equal(process.env.SUNO_TEST_MODE, '1');
    const workspace = process.env.SUNO_TEST_WORKSPACE;
    assert.ok(workspace, 'SUNO_TEST_WORKSPACE is not set');
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, workspace);
  });
});
