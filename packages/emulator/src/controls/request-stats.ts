/** Counts of PingOne API calls by (method, route pattern, status) and of issued tokens. */
export class RequestStats {
  #tokensIssued = 0;
  readonly #requests = new Map<string, { method: string; route: string; status: number; count: number }>();

  recordTokenIssued(): void {
    this.#tokensIssued += 1;
  }

  recordRequest(method: string, route: string, status: number): void {
    const key = `${method} ${route} ${status}`;
    const entry = this.#requests.get(key);
    if (entry === undefined) this.#requests.set(key, { method, route, status, count: 1 });
    else entry.count += 1;
  }

  snapshot(): {
    tokensIssued: number;
    requests: { method: string; route: string; status: number; count: number }[];
  } {
    return {
      tokensIssued: this.#tokensIssued,
      requests: [...this.#requests.values()].map((entry) => ({ ...entry })),
    };
  }

  reset(): void {
    this.#tokensIssued = 0;
    this.#requests.clear();
  }
}
