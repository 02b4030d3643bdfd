/** A fault injected on matching PingOne API calls (the `/_emulator/faults` back door). */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Path pattern: `:name` or `*` match one segment, `**` any number of segments; query ignored. */
  path: string;
  /** Status to answer with, with a PingOne-shaped error body. */
  status?: number;
  /** Apply to the next N matching calls only. */
  count?: number;
  /** Apply to each matching call with this probability (0…1). */
  probability?: number;
  /** `Retry-After` header value (seconds) on the faulted response. */
  retryAfter?: number;
  /** Delay before answering (or before the real handler runs, when there is no status). */
  delayMs?: number;
  /** Drop the TCP connection instead of answering. */
  resetConnection?: boolean;
  /** Send the status with a truncated, unparsable JSON body. */
  malformedBody?: boolean;
  /**
   * "before" (default): the real handler never runs. "after": the handler runs and commits, then its
   * response is replaced by the fault, which is how a client meets a write of unknown outcome.
   */
  when?: "before" | "after";
}

interface ActiveRule {
  rule: FaultRule;
  matcher: RegExp;
  remaining: number | undefined;
}

function compilePathPattern(pattern: string): RegExp {
  const body = pattern
    .replace(/\/+$/, "")
    .split("/")
    .map((segment) => {
      if (segment === "**") return ".*";
      if (segment === "*" || segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${body}/?$`);
}

/** Holds the active fault rules and decides, call by call, which one fires. */
export class FaultInjector {
  #rules: ActiveRule[] = [];
  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  add(rules: readonly FaultRule[]): void {
    for (const rule of rules) {
      this.#rules.push({ rule, matcher: compilePathPattern(rule.path), remaining: rule.count });
    }
  }

  clear(): void {
    this.#rules = [];
  }

  list(): FaultRule[] {
    return this.#rules.map(({ rule, remaining }) =>
      remaining === undefined ? rule : { ...rule, count: remaining },
    );
  }

  /** The first rule that fires for this call; consumes one of its `count`. */
  take(method: string, path: string): FaultRule | undefined {
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!active.matcher.test(path)) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      if (active.remaining !== undefined) {
        active.remaining -= 1;
        if (active.remaining <= 0) this.#rules = this.#rules.filter((candidate) => candidate !== active);
      }
      return rule;
    }
    return undefined;
  }
}
