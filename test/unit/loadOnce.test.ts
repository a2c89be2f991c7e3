import * as assert from 'node:assert/strict';
import { loadOnce } from '../../src/core/loadOnce';

describe('loadOnce', () => {
  it('loads nothing until it is first called', () => {
    let loads = 0;
    loadOnce(async () => ++loads);
    assert.equal(loads, 0);
  });

  it('loads once for calls that race, and once for calls after the load', async () => {
    let loads = 0;
    const load = loadOnce(async () => ({ loadNumber: ++loads }));
    const [first, second] = await Promise.all([load(), load()]);
    const third = await load();
    assert.equal(loads, 1);
    assert.equal(first, second);
    assert.equal(first, third);
  });

  it('forgets a failed load, so the next call loads again', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk missing');
      return 'engine';
    });
    await assert.rejects(load(), /chunk missing/);
    assert.equal(await load(), 'engine');
    assert.equal(await load(), 'engine');
    assert.equal(loads, 2);
  });

  it('rejects, and forgets, a load that throws before it returns a promise', async () => {
    let loads = 0;
    const load = loadOnce((): Promise<string> => {
      loads += 1;
      if (loads === 1) throw new Error('no such module');
      return Promise.resolve('engine');
    });
    await assert.rejects(load(), /no such module/);
    assert.equal(await load(), 'engine');
    assert.equal(loads, 2);
  });
});
