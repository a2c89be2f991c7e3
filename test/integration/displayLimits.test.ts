// Display limits in the tracker tree: a task with more clips than the tree shows lists the first
// ones and a row saying how many more there are; commands never take that row for a clip.
// (The panel's limits are tested in the browser: test/ui/panelLimits.test.ts.)
import * as assert from 'node:assert/strict';
import { MAX_CLIPS_SHOWN } from '../../src/core/task/displayLimits';
import type { Task } from '../../src/core/task/model';
import { isTaskTreeElement } from '../../src/tracker/treeElements';
import { fetchTasks, useExtensionWithGateway } from './support/extensionTestSupport';

function withClips(task: Task, count: number): Task {
  const [first] = task.clips;
  return { ...task, clips: Array.from({ length: count }, (_, index) => ({ ...first, id: `clip-${index + 1}`, title: `Take ${index + 1}` })) };
}

describe('Display limits in the tree', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('shows the first clips of a task with 1,000 and says how many more there are', async () => {
    const id = fixture.gateway.addTask({ title: 'Thousand Takes', startStage: 'SUCCESS', pollsPerStage: 0 });
    const [task] = await fetchTasks(id);
    await fixture.api.services.store.upsert([withClips(task, 1000)]);

    const { provider } = fixture.api.tracker;
    const root = provider.taskElement(id);
    const children = provider.getChildren(root);
    assert.equal(children.length, MAX_CLIPS_SHOWN + 1);
    assert.deepEqual(
      children.slice(0, 3).map((child) => provider.getTreeItem(child).label),
      ['Take 1', 'Take 2', 'Take 3'],
    );
    const more = children[children.length - 1];
    assert.equal(more.kind, 'moreClips');
    const item = provider.getTreeItem(more);
    assert.equal(item.label, `${1000 - MAX_CLIPS_SHOWN} more clips not shown`);
    assert.equal(item.command, undefined, 'the row runs nothing');
    assert.equal(provider.getParent(more), root);
    assert.deepEqual(provider.getChildren(more), []);
    // Commands take tree rows through isTaskTreeElement: this row is neither a task nor a clip.
    assert.equal(isTaskTreeElement(more), false);
  });

  it('shows every clip and no extra row when the task is within the limit', async () => {
    const id = fixture.gateway.addTask({ title: 'Two Takes', startStage: 'SUCCESS' });
    await fetchTasks(id);
    const { provider } = fixture.api.tracker;
    const children = provider.getChildren(provider.taskElement(id));
    assert.deepEqual(children.map((child) => child.kind), ['clip', 'clip']);
  });
});
