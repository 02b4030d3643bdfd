import { randomUUID } from "node:crypto";
import type { ApiRequest, ApiResponse, PaginateOptions, PingOneClient } from "../../client/types.js";
import { KerberosSetupError } from "../../kerberos/kerberos-errors.js";
import type { SpnegoAcceptor } from "../../kerberos/spnego-acceptor.js";

/**
 * A PingOne call as a handler writes it. Mark the call after which the handler only reshapes
 * responses with `final: true`: a dry run that reaches it knows its list of requests is complete.
 */
export type CapabilityRequest = Omit<ApiRequest, "signal" | "transactionId">;

/** The PingOne client as a handler sees it: every call carries the run's signal and transaction id. */
export interface CapabilityClient {
  /** Rejects with a `PingOneApiError` on a 4xx or 5xx status. */
  request<T = unknown>(request: CapabilityRequest): Promise<ApiResponse<T>>;
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
  /**
   * Validates SPNEGO tokens with the connector's Kerberos settings (kerberosAuthentication).
   * Throws a `KerberosSetupError` when none are set, a `PingOneConfigurationError` when they are wrong.
   */
  kerberos(): SpnegoAcceptor;
}

/** What a run may be given besides its client. */
export interface ContextOptions {
  signal?: AbortSignal;
  /** `X-Ping-External-Transaction-Id` for every call of the run; a fresh UUID by default. */
  transactionId?: string;
  /** The connector's SPNEGO acceptor, created on first use; none by default. */
  kerberos?: () => SpnegoAcceptor | undefined;
}

const NO_KERBEROS = (): never => {
  throw new KerberosSetupError(
    "Kerberos ticket validation is not configured: set the connector's kerberos.keytab and kerberos.servicePrincipal (or PINGONE_KERBEROS_KEYTAB and PINGONE_KERBEROS_SERVICE_PRINCIPAL)",
  );
};

/** The context of one run: one transaction id (a fresh UUID unless given) and one abort signal for all its calls. */
export function contextFor(client: PingOneClient, options: ContextOptions): CapabilityContext {
  const transactionId = options.transactionId ?? randomUUID();
  const { signal } = options;
  return {
    client: {
      request: <T>(request: CapabilityRequest) => client.request<T>({ ...request, signal, transactionId }),
      paginate: <T>(path: string, paging: Omit<PaginateOptions, "signal" | "transactionId">) =>
        client.paginate<T>(path, { ...paging, signal, transactionId }),
    },
    transactionId,
    environmentId: client.environmentId,
    kerberos: () => options.kerberos?.() ?? NO_KERBEROS(),
  };
}
