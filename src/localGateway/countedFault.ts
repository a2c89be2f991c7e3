/**
 * A fault the local gateway plays on demand: on every request until cleared, or on the next
 * `count` requests only. The fetch routes and the submit routes each keep one.
 */
export class CountedFault<F extends { readonly count?: number }> {
  private fault: F | null = null;
  private remaining: number | null = null;

  /** Plays `fault` from now on (null clears it); its `count` limits how many requests it hits. */
  set(fault: F | null): void {
    this.fault = fault;
    this.remaining = fault?.count ?? null;
  }

  /** The fault still in force, with `count` showing the requests it has left. */
  current(): F | null {
    if (this.fault === null) return null;
    return this.remaining === null ? { ...this.fault } : { ...this.fault, count: this.remaining };
  }

  /** The fault for one request, counting it against the fault's `count`. */
  take(): F | null {
    const fault = this.fault;
    if (fault === null) return null;
    if (this.remaining !== null) {
      this.remaining -= 1;
      if (this.remaining <= 0) this.set(null);
    }
    return fault;
  }
}
