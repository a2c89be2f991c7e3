/**
 * Task progress as a percentage the user can trust.
 *
 * new-api gateways report `"0%"` until a task ends and `"100%"` after, even while audio already
 * streams, so their figure says nothing in between. Progress is derived from how far each clip has
 * come instead (submitted → queued → streaming → complete), and the gateway's figure is used only
 * when it says more than "not done" / "done".
 */

import type { TaskStatus } from './model';

/** What progress derivation needs to know about one clip (or a lyrics result, or the task itself). */
export interface ProgressPart {
  readonly status: TaskStatus;
  /** The gateway's own word: it tells `submitted` from `queued` where the status cannot. */
  readonly rawStatus: string | null;
  readonly isStreaming: boolean;
}

/**
 * How far along one part is. The figures are a judgement, not a measurement: each stage lands
 * visibly further than the last, and streaming (audio already playable) counts as most of the way.
 */
const STAGE_PERCENT = {
  notStarted: 0,
  submitted: 5,
  queued: 10,
  running: 30,
  streaming: 60,
  done: 100,
} as const;

/** A task that is not finished never shows 100%: that would read as done. */
const MAX_UNFINISHED_PERCENT = 99;

function stageProgress(part: ProgressPart): number {
  if (part.status === 'succeeded' || part.status === 'failed') return STAGE_PERCENT.done;
  if (part.isStreaming) return STAGE_PERCENT.streaming;
  const word = (part.rawStatus ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  switch (word) {
    case 'not_start':
    case 'not_started':
    case 'pending': // GoAPI's word before anything happened: it must not rank above `submitted`
      return STAGE_PERCENT.notStarted;
    case 'submitted':
      return STAGE_PERCENT.submitted;
    case 'queued':
    case 'queueing':
      return STAGE_PERCENT.queued;
    case 'streaming':
      return STAGE_PERCENT.streaming;
    default:
      break;
  }
  if (part.status === 'pending') return STAGE_PERCENT.submitted;
  if (part.status === 'running') return STAGE_PERCENT.running;
  return STAGE_PERCENT.notStarted;
}

interface ProgressInput {
  /** The task status after all status rules were applied. */
  readonly status: TaskStatus;
  /** The gateway's own figure (already 0–100), or null when it sent none or nonsense. */
  readonly gatewayPercent: number | null;
  /** The task's own stage, used when there are no clips yet. */
  readonly task: ProgressPart;
  readonly parts: readonly ProgressPart[];
}

/** 0–100, or null when the status is unknown (a figure would be a guess). */
export function deriveProgress(input: ProgressInput): number | null {
  const { status, gatewayPercent, task, parts } = input;
  if (status === 'unknown') return null;
  if (status === 'succeeded') return 100;
  const derived =
    parts.length > 0 ? parts.reduce((sum, part) => sum + stageProgress(part), 0) / parts.length : stageProgress(task);
  // "0%" and "100%" are what new-api says regardless of the real state; anything in between is
  // a real figure from a gateway that measures.
  const figure = gatewayPercent !== null && gatewayPercent > 0 && gatewayPercent < 100 ? gatewayPercent : derived;
  const rounded = Math.round(figure);
  return status === 'failed' ? rounded : Math.min(rounded, MAX_UNFINISHED_PERCENT);
}
