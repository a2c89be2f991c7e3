import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { readHostMessage } from '../../src/shared/hostMessageEnvelope';
import { buildClip, buildTask } from './support/taskBuilders';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

describe('hostMessageEnvelope (what the page checks of the host’s messages)', () => {
  it('accepts an update carrying a task, as the host posted it', () => {
    const message = JSON.parse(JSON.stringify({ type: 'update', task: buildTask({ clips: [buildClip()] }) })) as unknown;
    const read = readHostMessage(message);
    assert.ok(read.ok);
    assert.equal(read.message, message);
  });

  const refused: { name: string; value: unknown }[] = [
    { name: 'null', value: null },
    { name: 'a string', value: 'update' },
    { name: 'an array', value: [{ type: 'update', task: buildTask() }] },
    { name: 'an unknown type', value: { type: 'reload', task: buildTask() } },
    { name: 'a type that is no string', value: { type: ['update'], task: buildTask() } },
    { name: 'an update without a task', value: { type: 'update' } },
    { name: 'a task that is no object', value: { type: 'update', task: 'task' } },
    { name: 'a task without an id', value: { type: 'update', task: { ...buildTask(), id: undefined } } },
    { name: 'a task with an empty id', value: { type: 'update', task: buildTask({ id: '' }) } },
    { name: 'a task whose id is a number', value: { type: 'update', task: { ...buildTask(), id: 5 } } },
    { name: 'a task whose clips are no list', value: { type: 'update', task: { ...buildTask(), clips: { 0: buildClip() } } } },
    { name: 'a task with a clip that is null', value: { type: 'update', task: { ...buildTask(), clips: [buildClip(), null] } } },
  ];
  for (const { name, value } of refused) {
    it(`ignores ${name}, with a reason`, () => {
      const read = readHostMessage(value);
      assert.equal(read.ok, false);
      assert.ok(!read.ok && read.reason.length > 0);
    });
  }

  it('keeps zod out of the page’s bundle: the host checks the task before posting it', async function () {
    this.timeout(30_000);
    const result = await esbuild.build({
      absWorkingDir: repositoryRoot,
      entryPoints: ['src/webview-ui/panel.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'iife',
      outfile: 'panel.js',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.endsWith('src/webview-ui/panel.ts')), inputs.join(', '));
    assert.deepEqual(
      inputs.filter((input) => input.includes('node_modules')),
      [],
    );
  });
});
