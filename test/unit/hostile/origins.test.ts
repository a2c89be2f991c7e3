import * as assert from 'node:assert/strict';
import { inertText } from '../../../src/core/inertText';
import { originActionName, originDocumentName, type TaskOrigin } from '../../../src/core/task/taskOrigin';
import { parseHostMessage } from '../../../src/shared/hostMessages';
import { parsePageMessage } from '../../../src/shared/panelMessages';
import { buildTask } from '../support/taskBuilders';

function origin(documentUri: string | null, action = 'generateSong'): TaskOrigin {
  return { documentUri, action, submittedAt: 1 };
}

describe('hostile task origins and the link back to the document', () => {
  it('a page cannot name the document to open: the message carries no URI to the host', () => {
    const parsed = parsePageMessage({ type: 'openSourceDocument', uri: 'file:///etc/passwd', documentUri: 'command:workbench.action.quit' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.message, { type: 'openSourceDocument' });
  });

  it('names a document by the last segment of its path, decoded, without query or fragment', () => {
    assert.equal(originDocumentName(origin('file:///home/me/songs/City%20Lights.suno')), 'City Lights.suno');
    assert.equal(originDocumentName(origin('untitled:Untitled-1')), 'Untitled-1');
    assert.equal(originDocumentName(origin('vscode-vfs://github/me/songs/a.suno?ref=main#L1')), 'a.suno');
    assert.equal(originDocumentName(origin(null)), null);
  });

  it('survives names that are no valid escapes, and names full of markup stay text once made inert', () => {
    assert.equal(originDocumentName(origin('file:///songs/100%.suno')), '100%.suno');
    const sneaky = originDocumentName(origin('file:///songs/%5Bx%5D(command%3Aworkbench.action.quit)%20%24(alert)%E2%80%AE.suno'));
    assert.equal(sneaky, '[x](command:workbench.action.quit) $(alert)\u202e.suno');
    const shown = inertText(sneaky!);
    assert.doesNotMatch(shown, /\]\(command:/);
    assert.doesNotMatch(shown, /\$\(alert\)/);
    assert.doesNotMatch(shown, /\u202e/);
  });

  it('shows an action word a newer build wrote as it is, and one named like an Object property as itself', () => {
    assert.equal(originActionName(origin(null, 'generateSong')), 'Generate Song');
    assert.equal(originActionName(origin(null, 'remixSection')), 'remixSection');
    assert.equal(originActionName(origin(null, 'constructor')), 'constructor');
  });

  it('the host never sends the page an over-long document name', () => {
    const task = buildTask({ id: 'a' });
    assert.equal(parseHostMessage({ type: 'update', task, sourceDocument: 'City Lights.suno' }).ok, true);
    assert.equal(parseHostMessage({ type: 'update', task, sourceDocument: 'x'.repeat(10_000) }).ok, false);
  });
});
