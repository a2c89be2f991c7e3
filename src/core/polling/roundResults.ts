import { GatewayError, isGatewayError, type GatewayErrorKind } from '../gatewayError';
import { isFinished, type Task } from '../task/model';

/** The ids of one round that share an error kind, and the first error of that kind. */
interface ErrorGroup {
  readonly error: GatewayError;
  readonly ids: string[];
}

/** What one round's answers say, sorted before the poller acts on them. */
interface RoundResults {
  /** Every task fetched, each under the id that was asked for. */
  readonly tasks: Task[];
  /** Of those, the ones that went from unfinished to succeeded/failed. */
  readonly newlyFinished: Task[];
  /** Per-task errors by kind, in the order of the first id of each kind. */
  readonly errorsByKind: Map<GatewayErrorKind, ErrorGroup>;
}

/**
 * Sorts a batch answer per asked id. An id the answer lacks counts as `not_found`; an id no
 * longer tracked (`tracked` returns undefined) is left out, so a task the user removed while the
 * request was out does not come back.
 */
export function sortRoundResults(
  ids: readonly string[],
  results: Map<string, Task | GatewayError>,
  baseUrl: string,
  tracked: (id: string) => Task | undefined,
): RoundResults {
  const tasks: Task[] = [];
  const newlyFinished: Task[] = [];
  const errorsByKind = new Map<GatewayErrorKind, ErrorGroup>();
  for (const id of ids) {
    const previous = tracked(id);
    if (previous === undefined) continue;
    const result = results.get(id) ?? new GatewayError('not_found', `The gateway at ${baseUrl} did not return task ${id}.`);
    if (isGatewayError(result)) {
      const group = errorsByKind.get(result.kind) ?? { error: result, ids: [] };
      group.ids.push(id);
      errorsByKind.set(result.kind, group);
      continue;
    }
    // Stored under the id that was asked for: a gateway that answers with the id upper-cased
    // must not make a second task appear next to the tracked one.
    const task = result.id === id ? result : { ...result, id };
    tasks.push(task);
    if (!isFinished(previous.status) && isFinished(task.status)) newlyFinished.push(task);
  }
  return { tasks, newlyFinished, errorsByKind };
}
