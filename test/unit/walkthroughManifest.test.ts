import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { ContextKeys, FOCUS_TASKS_VIEW_COMMAND, Views, WALKTHROUGH_ID } from '../../src/contributionIds';
import { LINKED_TEXT_LINK } from './support/workbenchMarkup';

/**
 * The "Get started with Suno Tasks" walkthrough as package.json contributes it: every step has a
 * button that runs a command somebody contributes, an event that checks it off, and an image that
 * exists, ships in the package and follows the colour theme; the welcome views link to it.
 * VS Code accepts a broken walkthrough silently (a button that does nothing, a step that never
 * completes, an empty image), so these checks are the only ones there are.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Commands of the workbench itself that the walkthrough and the welcome views may run. */
const WORKBENCH_COMMANDS = new Set(['workbench.action.openSettings', 'workbench.action.openWalkthrough', FOCUS_TASKS_VIEW_COMMAND]);

/**
 * Commands that ask for a task in a quick pick when run without one. A step whose completion
 * event is such a command is checked off the moment the command starts, and the walkthrough,
 * redrawn, takes the focus and closes the quick pick: the first click on the button would do
 * nothing. Such a command may complete a step, but not be its button.
 */
const COMMANDS_THAT_ASK_FOR_A_TASK = new Set(['suno.openTask', 'suno.openLyrics', 'suno.copyLyricsToEditor', 'suno.download', 'suno.copyTaskId']);

/** The completion events VS Code 1.139 knows, by their prefix. */
const COMPLETION_EVENT = /^(onCommand|onSettingChanged|onContext|onView|onLink|onEvent|extensionInstalled):(.+)$/;

const imageVariantsSchema = z.object({ dark: z.string(), light: z.string(), hc: z.string(), hcLight: z.string() });
const mediaSchema = z.union([
  z.strictObject({ svg: z.string(), altText: z.string() }),
  z.strictObject({ image: z.union([z.string(), imageVariantsSchema]), altText: z.string() }),
  z.strictObject({ markdown: z.string() }),
]);
const stepSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  media: mediaSchema,
  completionEvents: z.array(z.string()),
  when: z.optional(z.string()),
});
const manifestSchema = z.object({
  publisher: z.string(),
  name: z.string(),
  contributes: z.object({
    commands: z.array(z.object({ command: z.string(), title: z.string() })),
    configuration: z.object({ properties: z.record(z.string(), z.unknown()) }),
    viewsWelcome: z.array(z.object({ view: z.string(), contents: z.string() })),
    walkthroughs: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), steps: z.array(stepSchema) })),
  }),
});

type Manifest = z.infer<typeof manifestSchema>;
type Step = z.infer<typeof stepSchema>;

/** package.json with its `%key%` strings replaced by their English text, as VS Code shows them. */
function manifest(): Manifest {
  const english = z.record(z.string(), z.string()).parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')));
  const raw = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  return manifestSchema.parse(JSON.parse(raw, (_key, value: unknown) => (typeof value === 'string' ? englishOf(value, english) : value)));
}

function englishOf(value: string, english: Readonly<Record<string, string>>): string {
  const placeholder = /^%([^%]+)%$/.exec(value);
  if (placeholder === null) return value;
  const text = english[placeholder[1]];
  assert.ok(text !== undefined, `package.nls.json has no ${placeholder[1]}`);
  return text;
}

function walkthrough(): Manifest['contributes']['walkthroughs'][number] {
  const found = manifest().contributes.walkthroughs.find((entry) => entry.id === WALKTHROUGH_ID);
  assert.ok(found, `package.json contributes no walkthrough ${WALKTHROUGH_ID}`);
  return found;
}

interface Link {
  readonly label: string;
  readonly href: string;
  /** Whether the link is a line of its own, which the walkthrough draws as a button. */
  readonly button: boolean;
}

/** The links of a description, line by line, as the workbench's linked-text parser finds them. */
function links(description: string): Link[] {
  return description.split('\n').flatMap((line) =>
    [...line.matchAll(new RegExp(LINKED_TEXT_LINK.source, LINKED_TEXT_LINK.flags))].map((match) => ({
      label: match[1],
      href: match[2],
      button: match[0] === line.trim(),
    })),
  );
}

interface CommandLink {
  readonly command: string;
  readonly args: unknown[];
}

/** A `command:` link's command and its arguments, read as VS Code reads them (`toSide:` aside). */
function commandLink(href: string): CommandLink | undefined {
  const match = /^command:(?:toSide:)?([^?]+)(?:\?(.*))?$/.exec(href);
  if (!match) return undefined;
  const args: unknown = match[2] === undefined ? [] : JSON.parse(decodeURIComponent(match[2]));
  return { command: match[1], args: Array.isArray(args) ? args : [args] };
}

function contributedCommands(): Set<string> {
  return new Set(manifest().contributes.commands.map((entry) => entry.command));
}

function runnableCommands(): Set<string> {
  return new Set([...contributedCommands(), ...WORKBENCH_COMMANDS]);
}

/** Every file a step's media names, theme variants included. */
function mediaFiles(step: Step): string[] {
  const { media } = step;
  if ('svg' in media) return [media.svg];
  if ('markdown' in media) return [media.markdown];
  return typeof media.image === 'string' ? [media.image] : Object.values(media.image);
}

/** The colours an SVG paints with, from its fill, stroke, stop-color and style attributes. */
function paints(svg: string): string[] {
  return [...svg.matchAll(/\b(?:fill|stroke|stop-color|color)\s*[=:]\s*"?([^";>]+)/g)].map((match) => match[1].trim());
}

describe('The Get Started walkthrough in package.json', () => {
  it('has a title, a description and between three and eight steps with their own ids', () => {
    const { title, description, steps } = walkthrough();
    assert.match(title, /Suno Tasks/);
    assert.ok(description.trim().length > 20);
    assert.ok(steps.length >= 3 && steps.length <= 8, `${steps.length} steps`);
    const ids = steps.map((step) => step.id);
    assert.equal(new Set(ids).size, ids.length, 'two steps share an id');
    for (const step of steps) assert.ok(step.title.trim() !== '' && step.description.trim() !== '', `step ${step.id} has no title or text`);
  });

  it('gives every step a button, and every link of a step a command that exists', () => {
    const runnable = runnableCommands();
    for (const step of walkthrough().steps) {
      const found = links(step.description);
      assert.ok(
        found.some((link) => link.button && link.href.startsWith('command:')),
        `step ${step.id} has no button: a command link on a line of its own`,
      );
      for (const link of found) {
        const command = commandLink(link.href);
        assert.ok(command, `step ${step.id} links to ${link.href}, which is no command`);
        assert.ok(runnable.has(command.command), `step ${step.id} runs ${command.command}, which nobody contributes`);
        assert.ok(link.label.trim() !== '', `step ${step.id} has a button without a label`);
      }
    }
  });

  it('writes its text without Markdown, which the walkthrough would show as it is', () => {
    // Its descriptions read links and $(icons) only: `code` and **bold** keep their marks.
    for (const step of walkthrough().steps) assert.doesNotMatch(step.description, /`|\*\*|__|^#|^\s*[-*] /m, `step ${step.id}`);
  });

  it('has no button whose own run checks its step off while it asks for a task', () => {
    for (const step of walkthrough().steps) {
      const completing = new Set(step.completionEvents.filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length)));
      for (const link of links(step.description)) {
        const command = commandLink(link.href)?.command ?? '';
        assert.ok(!(completing.has(command) && COMMANDS_THAT_ASK_FOR_A_TASK.has(command)), `step ${step.id}: ${command} would close its own quick pick`);
      }
    }
  });

  it('opens the setting it is about: the Choose Gateway button opens suno.baseUrl', () => {
    const settings = manifest().contributes.configuration.properties;
    const openings = walkthrough()
      .steps.flatMap((step) => links(step.description))
      .map((link) => commandLink(link.href))
      .filter((link) => link?.command === 'workbench.action.openSettings');
    assert.ok(openings.length > 0, 'no step opens a setting');
    for (const opening of openings) {
      const [query] = opening?.args ?? [];
      assert.equal(typeof query, 'string');
      assert.ok(Object.hasOwn(settings, String(query)), `the settings editor is opened on ${String(query)}, no setting of ours`);
    }
  });

  it('gives every step a completion event that names something the extension contributes', () => {
    const { properties } = manifest().contributes.configuration;
    const runnable = runnableCommands();
    const contextKeys = new Set<string>(Object.values(ContextKeys));
    const views = new Set<string>(Object.values(Views));
    for (const step of walkthrough().steps) {
      // Without events, VS Code checks a step off as soon as it is clicked.
      assert.ok(step.completionEvents.length > 0, `step ${step.id} has no completion event`);
      for (const event of step.completionEvents) {
        const match = COMPLETION_EVENT.exec(event);
        assert.ok(match, `step ${step.id}: ${event} is no completion event`);
        const [, kind, subject] = match;
        if (kind === 'onCommand') assert.ok(runnable.has(subject), `step ${step.id} waits for ${subject}, which nobody contributes`);
        else if (kind === 'onSettingChanged') assert.ok(Object.hasOwn(properties, subject), `step ${step.id} waits for an unknown setting ${subject}`);
        else if (kind === 'onContext') {
          for (const term of subject.split(/&&|\|\|/)) {
            const [key, value] = term.split('==').map((part) => part.trim().replace(/^!/, '').replace(/^'(.*)'$/, '$1'));
            assert.ok(contextKeys.has(key) && value === undefined, `step ${step.id} waits for ${term.trim()}, which the extension never makes true`);
          }
        } else if (kind === 'onView') assert.ok(views.has(subject), `step ${step.id} waits for an unknown view ${subject}`);
        else assert.fail(`step ${step.id}: ${event} waits for nothing the extension does`);
      }
    }
  });

  it('checks off each step on what the step asks for', () => {
    const events = Object.fromEntries(walkthrough().steps.map((step) => [step.id, step.completionEvents]));
    assert.deepEqual(events, {
      chooseGateway: ['onSettingChanged:suno.baseUrl', 'onCommand:suno.checkGateway'],
      setApiKey: ['onContext:suno.hasApiKey'],
      trackTask: ['onContext:suno.hasTasks'],
      // Lyrics opened, however: the panel's button runs Open Lyrics inside the extension host,
      // where the workbench sees no command, and it keeps no global resourceScheme to wait for.
      listen: ['onContext:suno.hasOpenedLyrics'],
      // A song generated and tracked, however: the CodeLens runs Generate Song inside the
      // extension host too, and its button would check the step off on a failed submit.
      writeSong: ['onContext:suno.hasGeneratedSong'],
    });
  });

  it('shows every step an image that exists, with a description for screen readers', () => {
    for (const step of walkthrough().steps) {
      if (!('markdown' in step.media)) assert.ok(step.media.altText.trim().length > 10, `step ${step.id} has no alt text`);
      const files = mediaFiles(step);
      assert.ok(files.length > 0);
      for (const file of files) {
        assert.ok(fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile(), `step ${step.id}: ${file} does not exist`);
      }
    }
  });

  it('ships every image: they live under media/, which the package takes in whole', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
    assert.ok(ignore.includes('!media/**/!(*.map)'), '.vscodeignore no longer ships media/');
    for (const file of walkthrough().steps.flatMap(mediaFiles)) {
      assert.ok(file.startsWith('media/') && !file.includes('..') && !file.endsWith('.map'), `${file} would not be packaged`);
    }
  });

  it('draws its images in the colours of the current theme, light, dark or high contrast', () => {
    for (const step of walkthrough().steps) {
      for (const file of mediaFiles(step)) {
        if (!file.endsWith('.svg')) {
          // A bitmap follows the theme only through one variant per theme kind.
          assert.ok('image' in step.media && typeof step.media.image !== 'string', `${file}: a bitmap needs dark, light, hc and hcLight variants`);
          continue;
        }
        const svg = fs.readFileSync(path.join(ROOT, file), 'utf8');
        assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${file} is not an SVG document`);
        assert.ok(svg.length < 8000, `${file} is ${svg.length} characters; keep the images small`);
        // Nothing a walkthrough image has no use for, and that a webview would run or fetch.
        assert.doesNotMatch(svg, /<script|<foreignObject|\bon\w+=|href=|url\(/i, `${file} holds a script, a link or an external reference`);
        const found = paints(svg);
        assert.ok(found.length > 0, `${file} paints nothing`);
        for (const paint of found) {
          assert.ok(
            paint === 'none' || paint === 'currentColor' || /^var\(--vscode-[\w-]+(?:, ?[^)]+)?\)$/.test(paint),
            `${file} paints with ${paint}: only theme colours (var(--vscode-…)) follow the theme`,
          );
        }
      }
    }
  });
});

describe('The links to the walkthrough', () => {
  it('open it from both welcome views of the Tasks view', () => {
    const { publisher, name, contributes } = manifest();
    const welcomes = contributes.viewsWelcome.filter((welcome) => welcome.view === Views.tasks);
    assert.ok(welcomes.length >= 2);
    for (const welcome of welcomes) {
      const opening = links(welcome.contents)
        .map((link) => commandLink(link.href))
        .find((link) => link?.command === 'workbench.action.openWalkthrough');
      assert.ok(opening, `a welcome view of ${welcome.view} does not link to the walkthrough`);
      // `#` in the id is encoded, or the link would end at it; the second argument keeps it beside nothing.
      assert.deepEqual(opening.args, [`${publisher}.${name}#${WALKTHROUGH_ID}`, false]);
    }
  });

  it('include the command Suno: Get Started', () => {
    const command = manifest().contributes.commands.find((entry) => entry.command === 'suno.openWalkthrough');
    assert.equal(command?.title, 'Get Started');
  });
});
