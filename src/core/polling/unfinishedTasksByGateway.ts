/**
 * The ids of the unfinished tasks of each gateway, kept up to date from the store's change events.
 * A poll round then looks at its own gateway's tasks instead of filtering the whole store (once
 * per gateway, several times per round), so a round over N tasks costs O(N) however many
 * gateways there are.
 */

import { isFinished, type Task } from '../task/model';
import type { TaskStore } from '../store/taskStore';

export class UnfinishedTasksByGateway {
  /** Per gateway, its unfinished ids in the order they were first seen (store order at start). */
  private readonly idsByGateway = new Map<string, Set<string>>();
  private readonly gatewayById = new Map<string, string>();

  constructor(private readonly store: Pick<TaskStore, 'get' | 'unfinished'>) {
    for (const task of store.unfinished()) this.track(task);
  }

  /** Re-reads `ids` from the store: new, changed, finished or removed tasks. */
  refresh(ids: Iterable<string>): void {
    for (const id of ids) {
      const task = this.store.get(id);
      if (task === undefined || isFinished(task.status)) this.untrack(id);
      else this.track(task);
    }
  }

  /** The unfinished ids of `baseUrl`'s tasks (a copy). */
  idsOf(baseUrl: string): string[] {
    return [...(this.idsByGateway.get(baseUrl) ?? [])];
  }

  /** Gateways with at least one unfinished task. */
  gateways(): string[] {
    return [...this.idsByGateway.keys()];
  }

  private track(task: Task): void {
    const current = this.gatewayById.get(task.id);
    // Already listed where it belongs: keep its place, so the order of a batch stays stable.
    if (current === task.baseUrl) return;
    if (current !== undefined) this.untrack(task.id);
    let ids = this.idsByGateway.get(task.baseUrl);
    if (ids === undefined) {
      ids = new Set();
      this.idsByGateway.set(task.baseUrl, ids);
    }
    ids.add(task.id);
    this.gatewayById.set(task.id, task.baseUrl);
  }

  private untrack(id: string): void {
    const baseUrl = this.gatewayById.get(id);
    if (baseUrl === undefined) return;
    this.gatewayById.delete(id);
    const ids = this.idsByGateway.get(baseUrl);
    ids?.delete(id);
    if (ids?.size === 0) this.idsByGateway.delete(baseUrl);
  }
}
