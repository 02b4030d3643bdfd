import { randomUUID } from "node:crypto";
import type { ApiRequest, ApiResponse, PaginateOptions, PingOneClient } from "../../client/types.js";
import { RecordingPingOneClient } from "../../dry-run/recording-client.js";

/**
 * A PingOne call as a handler writes it. Mark the call after which the handler only reshapes
 * responses with `final: true`: a dry run that reaches it knows its list of requests is complete.
 */
export type CapabilityRequest = Omit<ApiRequest, "signal" | "transactionId">;

/** The PingOne client as a handler sees it: every call carries the run's signal and transaction id. */
export interface CapabilityClient {
  /** Rejects with a `PingOneApiError` on a 4xx or 5xx status. */
  request<T = unknown>(request: CapabilityRequest): Promise<ApiResponse<T>>;
  /**
   * A call whose answer the calls after it do not depend on: what they send is fixed by the input
   * (the user read by the id the input gives, before the write to that user). A real run resolves
   * with the response, as `request` does; a dry run records the request and resolves with
   * `undefined`, so that it shows the later requests too (docs/connector-capabilities.md#dry-runs).
   * The handler may use the answer only for checks that stop the run and for its output.
   */
  requestAhead<T = unknown>(request: CapabilityRequest): Promise<ApiResponse<T> | undefined>;
  /** Iterates a HAL collection, following `_links.next` verbatim. */
  paginate<T = unknown>(
    path: string,
    options: Omit<PaginateOptions, "signal" | "transactionId">,
  ): AsyncIterable<T>;
}

/** What a handler gets besides its input. */
export interface CapabilityContext {
  client: CapabilityClient;
  /** `X-Ping-External-Transaction-Id`: one per capability run, sent with every call it makes. */
  transactionId: string;
  /** The environment the calls are made in (the worker app's). */
  environmentId: string;
}

/** The context of one run: one transaction id (a fresh UUID unless given) and one abort signal for all its calls. */
export function contextFor(
  client: PingOneClient,
  options: { signal?: AbortSignal; transactionId?: string },
): CapabilityContext {
  const transactionId = options.transactionId ?? randomUUID();
  const { signal } = options;
  return {
    client: {
      request: <T>(request: CapabilityRequest) => client.request<T>({ ...request, signal, transactionId }),
      requestAhead: async <T>(request: CapabilityRequest) => {
        const outgoing = { ...request, signal, transactionId };
        if (!(client instanceof RecordingPingOneClient)) return client.request<T>(outgoing);
        client.record(outgoing);
        return undefined;
      },
      paginate: <T>(path: string, paging: Omit<PaginateOptions, "signal" | "transactionId">) =>
        client.paginate<T>(path, { ...paging, signal, transactionId }),
    },
    transactionId,
    environmentId: client.environmentId,
  };
}
