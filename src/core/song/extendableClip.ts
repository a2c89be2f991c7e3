import { isValidId } from '../task/idRules';
import type { Clip, Task } from '../task/model';

/**
 * Which clips Extend is offered on: a finished clip of a song, with ids a gateway accepts as
 * `task_id` and `continue_clip_id`. The tree's menu, the panel's button and the command itself
 * ask the same question. (Whether the gateway created the task is the gateway's to say: a
 * continuation goes to the task's own gateway, and a foreign task is answered `task_not_exist`.)
 */

/** Why a clip cannot be extended; the command words it (in the display language). */
export type ExtendProblem = 'lyrics_task' | 'unfinished' | 'unusable_id';

/** Why `clip` cannot be extended, or null when it can. */
export function extendProblem(task: Task, clip: Clip): ExtendProblem | null {
  if (task.action === 'lyrics') return 'lyrics_task';
  if (clip.status !== 'succeeded' || clip.isStreaming) return 'unfinished';
  if (!isValidId(task.id) || !isValidId(clip.id)) return 'unusable_id';
  return null;
}

export function isExtendable(task: Task, clip: Clip): boolean {
  return extendProblem(task, clip) === null;
}
