/**
 * In-flight accounting for graceful shutdown: every request admitted before the drain is counted
 * from its headers to the end of its response (`RequestScope`); while draining, later requests'
 * calls are refused, and `idle()` resolves once the last admitted request is done.
 */
export class ServiceLifecycle {
  draining = false;
  #inFlight = 0;
  #waiters: Array<() => void> = [];

  get inFlight(): number {
    return this.#inFlight;
  }

  begin(): void {
    this.#inFlight++;
  }

  end(): void {
    this.#inFlight--;
    if (this.#inFlight === 0) for (const wake of this.#waiters.splice(0)) wake();
  }

  idle(): Promise<void> {
    return this.#inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }
}
