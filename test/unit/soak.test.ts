// A small soak (the full one is `npm run soak`): the same module, fewer tasks and rounds.
import * as assert from 'node:assert/strict';
import { SOAK_FAULTS, runSoak, soakViolations, type SoakOptions } from '../soak/soak';

const SMALL_SOAK: SoakOptions = {
  tasksPerGateway: 20,
  rounds: 2 * SOAK_FAULTS.length * 3,
  faultRate: 0.5,
  seed: 11,
  clientTimeoutMs: 300,
  maxRealMs: 60_000,
  tasksAddedDuringRun: 4,
};

describe('Soak (small)', function () {
  this.timeout(90_000);

  it('loses no task, never storms a gateway and announces each task once, whatever the gateways answer', async () => {
    const report = await runSoak(SMALL_SOAK);
    assert.deepEqual(soakViolations(report, SMALL_SOAK), []);
    assert.equal(report.rounds, SMALL_SOAK.rounds);
    assert.equal(report.tasks, 44);
    assert.equal(report.tasksLost, 0);
    assert.equal(report.phantomTasks, 0);
    assert.equal(report.maxRoundsWithinMinInterval, 1);
    assert.equal(report.maxRequestsWithinMinInterval, 1);
    assert.equal(report.maxRequestsPerRound, 1);
    assert.ok(report.maxCompletionEventsPerTask <= 1);
    assert.ok(report.tasksFinished > 0, 'some tasks finished');
    assert.equal(report.unhandledRejections, 0);
    assert.deepEqual(Object.keys(report.faultsByKind).sort(), SOAK_FAULTS.map((fault) => fault.name).sort(), 'every kind of fault came up');
  });

  it('reports a broken bound as a violation', () => {
    const report = {
      tasks: 2,
      rounds: 10,
      roundsByGateway: [5, 5],
      requestsByGateway: [5, 7],
      faultyRounds: 5,
      faultsByKind: {},
      tasksLost: 1,
      phantomTasks: 0,
      maxRoundsWithinMinInterval: 2,
      maxRequestsWithinMinInterval: 2,
      maxRequestsPerRound: 1.4,
      tasksFinished: 1,
      maxCompletionEventsPerTask: 2,
      unhandledRejections: 1,
      clockHours: 1,
      realSeconds: 1,
      stoppedEarly: null,
    };
    assert.equal(soakViolations(report, { ...SMALL_SOAK, rounds: 10 }).length, 5);
  });
});
