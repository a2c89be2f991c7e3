// Hostile task and clip ids: each one goes through the id rules, the client's check (which guards
// the /suno/fetch/{id} path), the ids found in pasted text and the panel's messages, and must get
// the same verdict everywhere.
import * as assert from 'node:assert/strict';
import { checkTaskId } from '../../../src/core/gateway/gatewayClient';
import { GatewayError } from '../../../src/core/gatewayError';
import { idProblem, type IdProblem } from '../../../src/core/task/idRules';
import { extractTaskIds, validateTaskIdInput } from '../../../src/core/task/taskIds';
import { parsePageMessage, parsePanelState } from '../../../src/shared/panelMessages';

interface Case {
  readonly name: string;
  readonly id: string;
  /** null: a valid id. */
  readonly problem: IdProblem | null;
}

const UUID = '2a145658-3342-4228-b779-b8323a2b77df';

const CASES: readonly Case[] = [
  { name: 'empty', id: '', problem: 'empty' },
  { name: 'a UUID', id: UUID, problem: null },
  { name: 'a UUID in upper case', id: UUID.toUpperCase(), problem: null },
  { name: "new-api's task_ id", id: 'task_Xy7KqP2mN8vR4tL0wZ3bC6dF9gH1jA5s', problem: null },
  { name: 'a flattened clip id', id: `${UUID}_1`, problem: null },
  { name: 'dots inside an id', id: 'v1.2.3-task', problem: null },
  { name: 'exactly the maximum length', id: 'a'.repeat(128), problem: null },
  { name: 'one character too long', id: 'a'.repeat(129), problem: 'too_long' },
  { name: 'a megabyte', id: 'x'.repeat(1_000_000), problem: 'too_long' },
  { name: 'a single dot', id: '.', problem: 'dots' },
  { name: 'two dots', id: '..', problem: 'dots' },
  { name: 'three dots', id: '...', problem: 'dots' },
  { name: 'a slash', id: 'a/b', problem: 'characters' },
  { name: 'a parent path', id: '../x', problem: 'characters' },
  { name: 'a backslash', id: '..\\x', problem: 'characters' },
  { name: 'escaped dots', id: '%2e%2e', problem: 'characters' },
  { name: 'an escaped slash', id: 'a%2Fb', problem: 'characters' },
  { name: 'a query', id: 'abc?x=1', problem: 'characters' },
  { name: 'a fragment', id: 'abc#frag', problem: 'characters' },
  { name: 'spaces', id: 'task id', problem: 'characters' },
  { name: 'Cyrillic letters', id: 'задача-12345', problem: 'characters' },
  { name: 'a look-alike of a UUID (Cyrillic а)', id: UUID.replace('a', 'а'), problem: 'characters' },
  { name: 'a NUL character', id: 'abc\u0000def', problem: 'characters' },
  { name: 'a line break', id: 'abc\ndef', problem: 'characters' },
  { name: 'an escape sequence', id: 'abc\u001b[2Jdef', problem: 'characters' },
  { name: 'a bidi override', id: 'abc\u202edef', problem: 'characters' },
  { name: 'a zero-width space', id: 'abc\u200bdef', problem: 'characters' },
  { name: 'HTML markup', id: '<img src=x onerror=alert(1)>', problem: 'characters' },
  { name: 'a markdown command link', id: '[x](command:suno.clearApiKey)', problem: 'characters' },
  { name: 'codicon syntax', id: '$(alert)', problem: 'characters' },
];

describe('hostile ids', () => {
  for (const { name, id, problem } of CASES) {
    it(`${name}: ${problem === null ? 'accepted everywhere' : `refused everywhere (${problem})`}`, () => {
      assert.equal(idProblem(id), problem);
      if (problem === null) {
        assert.equal(checkTaskId(id), id);
        assert.ok(parsePageMessage({ type: 'copyLink', clipId: id }).ok);
        assert.deepEqual(parsePanelState({ taskId: id }), { taskId: id });
        assert.deepEqual(extractTaskIds(`{"task_id": ${JSON.stringify(id)}}`), [id]);
      } else {
        assert.throws(
          () => checkTaskId(id),
          (error: unknown) => error instanceof GatewayError && error.kind === 'invalid_input',
        );
        assert.equal(parsePageMessage({ type: 'copyLink', clipId: id }).ok, false);
        assert.equal(parsePanelState({ taskId: id }), undefined);
        assert.deepEqual(extractTaskIds(`{"task_id": ${JSON.stringify(id)}}`), []);
      }
    });
  }

  it('a fetch URL whose id decodes to ".." yields no id, and says why', () => {
    const text = 'https://api.gpt.ge/suno/fetch/%2e%2e';
    assert.deepEqual(extractTaskIds(text), []);
    assert.match(validateTaskIdInput(text) ?? '', /has no task id in it/);
  });

  it('"task_id": ".." in pasted JSON is refused with the dot rule, not a character rule', () => {
    assert.deepEqual(extractTaskIds('{"task_id": ".."}'), []);
    assert.equal(validateTaskIdInput('{"task_id": ".."}'), '".." is not a task id: dots alone would be read as a path.');
  });

  it('Fetch Task’s refusal quotes pasted links, icons and bidi controls as inert text, in any display language', () => {
    const marked = (message: string, ...args: (string | number | boolean)[]): string => `«${message.replace('{0}', String(args[0]))}»`;
    for (const pasted of ['[open](command:workbench.action.quit)', '$(alert) not-an-id!', 'abc\u202Eevil', 'https://evil.example/[x](command:x)']) {
      for (const message of [validateTaskIdInput(pasted), validateTaskIdInput(pasted, marked)]) {
        assert.ok(message !== null, pasted);
        assert.doesNotMatch(message, /\]\(|\$\(|\u202E/, JSON.stringify(message));
      }
    }
  });

  it('a refused id is quoted shortened and on one line in the message', () => {
    const message = (() => {
      try {
        checkTaskId(`${'a'.repeat(100)}\n${'b'.repeat(100)}`);
      } catch (error) {
        return (error as GatewayError).message;
      }
      return '';
    })();
    assert.ok(!message.includes('\n'), message);
    assert.ok(message.length < 150, message);
  });
});
