// Hostile gateway text in what a screen reader says for the tracker's rows and the status bar:
// the labels stay one bounded line with no link, icon or hidden character, however the title,
// status word, model, progress or duration arrive.
import * as assert from 'node:assert/strict';
import { INERT_TEXT_MAX_LENGTH } from '../../../src/core/inertText';
import { spokenClipLabel, spokenRunningTasksLabel, spokenTaskLabel } from '../../../src/tracker/spokenLabels';
import { buildClip, buildTask } from '../support/taskBuilders';
import { rendersIcon, rendersLink, visible } from '../support/workbenchMarkup';

const NOW = Date.parse('2024-12-09T04:20:00Z');

const HOSTILE_TITLES: readonly [string, string][] = [
  ['a command link', '[Play](command:suno.clearApiKey)'],
  ['a codicon', '$(alert) Payment due'],
  ['a right-to-left override', 'song\u202Egpj.exe'],
  ['a forged line', 'Song\nStatus: succeeded'],
  ['10 MB of text', 'A'.repeat(10 * 1024 * 1024)],
  ['nothing at all', ''],
];

function assertInertLine(label: string): void {
  assert.equal(rendersLink(label), false, `a link in ${JSON.stringify(label.slice(0, 80))}`);
  assert.equal(rendersIcon(label), false, `an icon in ${JSON.stringify(label.slice(0, 80))}`);
  assert.doesNotMatch(label, /[\n\r\u202E]/);
  assert.ok(Array.from(label).length <= INERT_TEXT_MAX_LENGTH, `${label.length} characters`);
}

describe('Hostile text: spoken labels', () => {
  for (const [name, title] of HOSTILE_TITLES) {
    it(`a title with ${name} is spoken inertly, and the status still comes through`, () => {
      const task = buildTask({ title, status: 'running', progress: 40 });
      const taskLabel = spokenTaskLabel(task, title, NOW);
      assertInertLine(taskLabel);
      assert.match(taskLabel, /, song, running, 40 percent$/);

      const clipLabel = spokenClipLabel(buildClip({ title, status: 'failed' }), title, { index: 0, count: 2 });
      assertInertLine(clipLabel);
      assert.match(clipLabel, /, clip 1 of 2, failed$/);

      assertInertLine(spokenRunningTasksLabel(Array.from({ length: 8 }, () => ({ task, title }))));
    });
  }

  it('a status word, model and progress from the gateway cannot add markup or nonsense numbers', () => {
    const task = buildTask({ status: 'unknown', rawStatus: '$(check) DONE [ok](command:x)', progress: 1e308 });
    const label = spokenTaskLabel(task, 'Song', NOW);
    assertInertLine(label);
    assert.match(visible(label), /^Song, song, unknown \(\$\(check\) DONE \[ok\]\(command:x\)\), 100 percent$/);

    const clip = buildClip({ model: '[m](https://evil.example)\u202E', durationSeconds: -5 });
    const clipLabel = spokenClipLabel(clip, 'Song', { index: 0, count: 1 });
    assertInertLine(clipLabel);
    assert.equal(visible(clipLabel), 'Song, succeeded, [m](https://evil.example)');
  });

  it('a negative progress is spoken as 0 percent, and an unknown one not at all', () => {
    const spoken = (progress: number | null): string => spokenTaskLabel(buildTask({ status: 'running', progress }), 'Song', NOW);
    assert.equal(spoken(-20), 'Song, song, running, 0 percent');
    assert.equal(spoken(Number.NaN), 'Song, song, running');
    assert.equal(spoken(null), 'Song, song, running');
  });
});
