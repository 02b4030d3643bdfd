/**
 * In-flight accounting for graceful shutdown: while draining, new calls are refused, and
 * `idle()` resolves once the last running call has finished.
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
