import { randomUUID } from "node:crypto";
import type { ApiRequest, ApiResponse, PaginateOptions, PingOneClient } from "../../client/types.js";
import type { ResolvedGatewayDirectory } from "../../config/gateway-directories.js";
import { type GatewayDirectories, NO_GATEWAY_DIRECTORIES } from "../../directory/gateway-directories.js";
import type { DirectorySession } from "../../directory/ldap-session.js";
import { RecordingPingOneClient } from "../../dry-run/recording-client.js";
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

/** The directories behind LDAP gateways as a handler sees them: sessions end with the run's signal. */
export interface CapabilityDirectories {
  /** The connection's directory setting for this gateway, or undefined when it has none. */
  setting(gatewayId: string): ResolvedGatewayDirectory | undefined;
  /** Runs `action` on a session bound as the directory's service account, always closed afterwards. */
  withSession<T>(
    directory: ResolvedGatewayDirectory,
    action: (session: DirectorySession) => Promise<T>,
  ): Promise<T>;
}

/** What a handler gets besides its input. */
export interface CapabilityContext {
  client: CapabilityClient;
  /** The directories of the connection's `gatewayDirectories` setting (migrateUserGateway, updateUserGateway). */
  directories: CapabilityDirectories;
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
  /** The directories behind LDAP gateways; none by default (gateway capabilities then fail). */
  directories?: GatewayDirectories;
  /** The connector's SPNEGO acceptor, created on first use; none by default. */
  kerberos?: () => SpnegoAcceptor | undefined;
}

const NO_KERBEROS = (): never => {
  throw new KerberosSetupError(
    "Kerberos ticket validation is not configured: set the connection's kerberos.keytab and kerberos.servicePrincipal (or PINGONE_KERBEROS_KEYTAB and PINGONE_KERBEROS_SERVICE_PRINCIPAL)",
  );
};

/**
 * The context of one run: one transaction id (a fresh UUID unless given) and one abort signal for
 * all its calls, directory sessions included.
 */
export function contextFor(client: PingOneClient, options: ContextOptions): CapabilityContext {
  const transactionId = options.transactionId ?? randomUUID();
  const { signal } = options;
  const directories = options.directories ?? NO_GATEWAY_DIRECTORIES;
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
    directories: {
      setting: (gatewayId) => directories.setting(gatewayId),
      withSession: (directory, action) => directories.withSession(directory, signal, action),
    },
    transactionId,
    environmentId: client.environmentId,
    kerberos: () => options.kerberos?.() ?? NO_KERBEROS(),
  };
}
