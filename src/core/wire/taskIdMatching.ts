/**
 * Binds what a gateway answered to the ids that were asked for, so that a task is always stored
 * under the id the user tracks, whatever id the gateway wrote into its answer.
 *
 * Decisions:
 * - Ids are matched exactly first. Some gateways echo a UUID in another case; such an answer is
 *   matched ignoring case, but only when that is unambiguous: exactly one asked id has that
 *   spelling ignoring case, and the rows left for it carry one id. Otherwise it is no match.
 * - The task is re-labelled with the asked id. Storing it under the gateway's spelling would leave
 *   the tracked task running forever next to a phantom copy.
 * - Rows about ids that were not asked for are dropped: they would become tasks nobody tracks.
 * - When a batch holds the same task twice, the first row wins (rows come in database order, and
 *   one answer must not be able to replace another within the same request).
 */

import type { Task } from '../task/model';

/** True when `answeredId` is an answer about `askedId`: the same id, or the same id in another case. */
export function isAnswerAbout(askedId: string, answeredId: string): boolean {
  return askedId === answeredId || askedId.toLowerCase() === answeredId.toLowerCase();
}

/** The task under the asked id. */
export function asAsked(task: Task, askedId: string): Task {
  return task.id === askedId ? task : { ...task, id: askedId };
}

/** Each asked id with the row that answers it (re-labelled with the asked id); unmatched ids are left out. */
export function bindBatchAnswer(askedIds: readonly string[], tasks: readonly Task[]): Map<string, Task> {
  const exact = new Map<string, Task>();
  for (const task of tasks) if (!exact.has(task.id)) exact.set(task.id, task);

  const bound = new Map<string, Task>();
  const asked = new Set(askedIds);
  for (const id of asked) {
    const task = exact.get(id);
    if (task !== undefined) bound.set(id, task);
  }

  // Rows nobody asked for exactly, and the asked ids still without an answer, by lower case.
  const rowsByLower = groupBy(
    tasks.filter((task) => !asked.has(task.id)),
    (task) => task.id.toLowerCase(),
  );
  const askedByLower = groupBy(
    [...asked].filter((id) => !bound.has(id)),
    (id) => id.toLowerCase(),
  );
  const askedCaseVariants = groupBy([...asked], (id) => id.toLowerCase());
  for (const [lower, waiting] of askedByLower) {
    const rows = rowsByLower.get(lower) ?? [];
    const spellings = new Set(rows.map((task) => task.id));
    const askedOnce = (askedCaseVariants.get(lower)?.length ?? 0) === 1;
    if (askedOnce && spellings.size === 1 && waiting.length === 1) bound.set(waiting[0], asAsked(rows[0], waiting[0]));
  }

  // In the order asked, which is the order callers report in.
  return new Map(askedIds.filter((id) => bound.has(id)).map((id) => [id, bound.get(id) as Task]));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
