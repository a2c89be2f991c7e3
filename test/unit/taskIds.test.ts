import * as assert from 'node:assert/strict';
import { extractTaskIds, validateTaskIdInput } from '../../src/core/task/taskIds';

const UUID_A = '2a145658-3342-4228-b779-b8323a2b77df';
const UUID_B = 'ba46ad15-07ce-41a6-b68d-196321dc00d5';
const NEW_API_ID = 'task_Xy7KqP2mN8vR4tL0wZ3bC6dF9gH1jA5s';

describe('extractTaskIds', () => {
  it('finds a bare UUID, trimming the space around it', () => {
    assert.deepEqual(extractTaskIds(`  ${UUID_A}\n`), [UUID_A]);
  });

  it('finds a new-api task_… id', () => {
    assert.deepEqual(extractTaskIds(NEW_API_ID), [NEW_API_ID]);
  });

  it('accepts other opaque ids when they are given bare', () => {
    assert.deepEqual(extractTaskIds('abc12345_XYZ-9'), ['abc12345_XYZ-9']);
    assert.deepEqual(extractTaskIds('abcdefgh, 12345678'), ['abcdefgh', '12345678']);
  });

  it('keeps a flattened clip id with its suffix as given', () => {
    assert.deepEqual(extractTaskIds(`${UUID_B}_1`), [`${UUID_B}_1`]);
    assert.deepEqual(extractTaskIds(`the id is ${UUID_B}_2`), [`${UUID_B}_2`]);
  });

  it('finds the id in a fetch URL, with or without scheme, query or trailing slash', () => {
    assert.deepEqual(extractTaskIds(`https://api.gpt.ge/suno/fetch/${UUID_A}`), [UUID_A]);
    assert.deepEqual(extractTaskIds(`https://api.cometapi.com/suno/fetch/${UUID_A}?x=1#top`), [UUID_A]);
    assert.deepEqual(extractTaskIds(`api.gpt.ge/suno/fetch/${UUID_A}/`), [UUID_A]);
    assert.deepEqual(extractTaskIds('https://example.test/suno/fetch/short1'), ['short1'], 'a fetch URL marks any id-shaped segment as an id');
    assert.deepEqual(extractTaskIds(`(see https://api.gpt.ge/suno/fetch/${UUID_A})`), [UUID_A]);
  });

  it('decodes an escaped id in a URL', () => {
    assert.deepEqual(extractTaskIds('https://api.gpt.ge/suno/fetch/task%5Fabcdefgh'), ['task_abcdefgh']);
  });

  it('finds ids in a submit answer, a fetch answer and a batch request body', () => {
    assert.deepEqual(extractTaskIds(`{"code":"success","message":"","data":"${UUID_A}"}`), [UUID_A]);
    assert.deepEqual(extractTaskIds(`{"task_id": "${UUID_B}"}`), [UUID_B]);
    assert.deepEqual(extractTaskIds(`{"ids": ["${UUID_A}", "${UUID_B}"], "action": "MUSIC"}`), [UUID_A, UUID_B]);
    assert.deepEqual(extractTaskIds(`["${UUID_A}", "${UUID_B}", "${UUID_A}"]`), [UUID_A, UUID_B]);
  });

  it('takes the task id from a pasted fetch answer, not the clip ids inside it', () => {
    const answer = JSON.stringify({
      code: 'success',
      data: { task_id: UUID_A, status: 'SUCCESS', data: [{ id: UUID_B, task_id: `${UUID_A}_1` }] },
    });
    assert.deepEqual(extractTaskIds(answer), [UUID_A]);
  });

  it('finds ids in JSON fragments that are not a whole document', () => {
    assert.deepEqual(extractTaskIds(`"task_id": "${UUID_A}",\n"taskId":"${UUID_B}"`), [UUID_A, UUID_B]);
    assert.deepEqual(extractTaskIds(`"data": "${NEW_API_ID}"`), [NEW_API_ID]);
  });

  it('finds several ids separated by spaces, commas, semicolons and new lines, in order, once each', () => {
    const text = `${UUID_B}, ${UUID_A}\n${NEW_API_ID};${UUID_B}\r\n  ${UUID_A}`;
    assert.deepEqual(extractTaskIds(text), [UUID_B, UUID_A, NEW_API_ID]);
  });

  it('keeps the order of the text across URLs, JSON pairs and bare ids', () => {
    const text = `${NEW_API_ID} https://api.gpt.ge/suno/fetch/${UUID_B} "task_id": "${UUID_A}"`;
    assert.deepEqual(extractTaskIds(text), [NEW_API_ID, UUID_B, UUID_A]);
  });

  it('picks only unmistakable ids out of prose', () => {
    assert.deepEqual(extractTaskIds(`Your task ${UUID_A} was generated successfully.`), [UUID_A]);
    assert.deepEqual(extractTaskIds(`Task id: ${UUID_A}`), [UUID_A]);
    assert.deepEqual(extractTaskIds('Please generated something wonderful'), []);
  });

  it('reads id= and id: prefixes', () => {
    assert.deepEqual(extractTaskIds(`task_id=${UUID_A}`), [UUID_A]);
    assert.deepEqual(extractTaskIds(`id:${UUID_B}`), [UUID_B]);
  });

  it('returns nothing for empty text, punctuation or garbage', () => {
    for (const text of ['', '   ', '{}', '[]', '---', 'foo bar!', 'a.b', '<script>alert(1)</script>']) {
      assert.deepEqual(extractTaskIds(text), [], JSON.stringify(text));
    }
  });

  it('rejects ids that are too long to be ids', () => {
    assert.deepEqual(extractTaskIds('a'.repeat(129)), []);
    assert.deepEqual(extractTaskIds('a'.repeat(128)), ['a'.repeat(128)]);
  });
});

describe('validateTaskIdInput', () => {
  it('accepts one id, several ids, a URL and JSON', () => {
    for (const text of [UUID_A, `${UUID_A}, ${UUID_B}`, `https://api.gpt.ge/suno/fetch/${UUID_A}`, `{"task_id":"${UUID_A}"}`, NEW_API_ID, 'abcdefgh']) {
      assert.equal(validateTaskIdInput(text), null, text);
    }
  });

  it('asks for an id when the input is empty', () => {
    assert.equal(validateTaskIdInput(''), 'Enter a task id, e.g. 2a145658-3342-4228-b779-b8323a2b77df');
    assert.equal(validateTaskIdInput('  \n '), 'Enter a task id, e.g. 2a145658-3342-4228-b779-b8323a2b77df');
  });

  it('says which characters ids are made of', () => {
    assert.equal(validateTaskIdInput('foo bar!'), "'foo bar!' is not a task id: ids are letters, digits, '-' and '_'");
  });

  it('says when an id is too short or too long', () => {
    assert.equal(validateTaskIdInput('abc'), "'abc' is too short for a task id: ids have 8 to 128 characters");
    assert.match(validateTaskIdInput('a'.repeat(200)) ?? '', /is too long for a task id/);
  });

  it('names the part that is not an id when others are', () => {
    assert.equal(validateTaskIdInput(`${UUID_A}, bad!id`), "'bad!id' is not a task id: ids are letters, digits, '-' and '_'");
  });

  it('says what is wrong with a URL or JSON without an id', () => {
    assert.match(validateTaskIdInput('https://api.gpt.ge/') ?? '', /has no task id in it/);
    assert.match(validateTaskIdInput('{"foo": 1}') ?? '', /No task id in this JSON/);
  });

  it('shortens a long quote', () => {
    const reason = validateTaskIdInput(`${'word '.repeat(50)}!`) ?? '';
    assert.ok(reason.length < 120, reason);
    assert.ok(reason.includes('…'));
  });
});
