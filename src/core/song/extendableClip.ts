import { isValidId } from '../task/idRules';
import type { Clip, Task } from '../task/model';

/**
 * Which clips Extend is offered on: a finished clip of a song, with ids a gateway accepts as
 * `task_id` and `continue_clip_id`. The tree's menu, the panel's button and the command itself
 * ask the same question. (Whether the gateway created the task is the gateway's to say: a
 * continuation goes to the task's own gateway, and a foreign task is answered `task_not_exist`.)
 */

/** Why `clip` cannot be extended, in a sentence; null when it can. */
export function extendRefusal(task: Task, clip: Clip): string | null {
  if (task.action === 'lyrics') return 'A lyrics task has no song to extend.';
  if (clip.status !== 'succeeded' || clip.isStreaming) return 'Only a finished clip can be extended: wait until it is complete.';
  if (!isValidId(task.id) || !isValidId(clip.id)) return 'This clip has no id a gateway would accept.';
  return null;
}

export function isExtendable(task: Task, clip: Clip): boolean {
  return extendRefusal(task, clip) === null;
}
