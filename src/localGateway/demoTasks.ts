/**
 * The demo's tasks: one of each kind a user meets, so the extension has something to show
 * offline — a finished song, a failed one, one that progresses as it is polled, and lyrics.
 */
import type { LocalGateway } from './localGateway';
import type { Dialect, ScriptedTaskSpec, Stage } from './scriptedTask';

export interface DemoTask {
  readonly id: string;
  readonly dialect: Dialect;
  /** How the task ends; 'running' tasks end in success after a few polls. */
  readonly outcome: 'success' | 'failure' | 'running';
  readonly startStage: Stage;
}

const DEMO_SPECS: readonly (ScriptedTaskSpec & { dialect: Dialect; startStage: Stage; label: DemoTask['outcome'] })[] = [
  { dialect: 'native', startStage: 'SUCCESS', label: 'success', title: 'Harbour Lights' },
  { dialect: 'flat', startStage: 'FAILURE', label: 'failure', failReason: '任务超时（10分钟）', title: 'Paper Kites' },
  // Two polls per stage: at a 15 s poll interval it finishes in about two minutes.
  { dialect: 'newapi', startStage: 'NOT_START', label: 'running', pollsPerStage: 2, title: 'Neon Rain' },
  { dialect: 'lyrics', startStage: 'SUCCESS', label: 'success' },
  { dialect: 'goapi', startStage: 'SUCCESS', label: 'success', title: 'Blowing Through the Pines', tags: 'acoustic folk ballad' },
];

export function addDemoTasks(gateway: LocalGateway): DemoTask[] {
  return DEMO_SPECS.map(({ label, ...spec }) => ({
    id: gateway.addTask(spec),
    dialect: spec.dialect,
    outcome: label,
    startStage: spec.startStage,
  }));
}

/** One machine-readable line per task: `demo task: <id> <dialect> <outcome> <startStage>`. */
export function formatDemoTask(task: DemoTask): string {
  return `demo task: ${task.id} ${task.dialect} ${task.outcome} ${task.startStage}`;
}
