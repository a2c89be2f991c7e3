/**
 * What the task tree holds: plain references, never copies of task data, so that a node always
 * shows the store's current snapshot and stays valid across refreshes.
 */
export interface TaskElement {
  readonly kind: 'task';
  readonly taskId: string;
}

export interface ClipElement {
  readonly kind: 'clip';
  readonly taskId: string;
  readonly clipId: string;
}

export type TaskTreeElement = TaskElement | ClipElement;

/**
 * The last row under a task with more clips than the tree shows ("3 more clips not shown"). It
 * is no task or clip: commands never receive it as one (`isTaskTreeElement` says no).
 */
export interface MoreClipsElement {
  readonly kind: 'moreClips';
  readonly taskId: string;
}

/**
 * The group of one gateway's tasks, at the root while tasks from several gateways are tracked.
 * It is no task either: commands never receive it as one.
 */
export interface GatewayElement {
  readonly kind: 'gateway';
  readonly baseUrl: string;
}

/** Every row of the tracker tree. */
export type TrackerNode = TaskTreeElement | MoreClipsElement | GatewayElement;

export function isTaskTreeElement(value: unknown): value is TaskTreeElement {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { kind?: unknown; taskId?: unknown; clipId?: unknown };
  if (typeof candidate.taskId !== 'string') return false;
  return candidate.kind === 'task' || (candidate.kind === 'clip' && typeof candidate.clipId === 'string');
}
