import { ACTIONS, requireAction } from "./actions/index.js";
import { type RunActionOptions, runAction } from "./actions/run-action.js";
import { CAPABILITIES, type CapabilityId, findCapability } from "./capabilities/index.js";
import type { AnyCapabilityDefinition } from "./capabilities/kit/definition.js";
import { prepareInput } from "./capabilities/kit/prepare-input.js";
import type { CapabilityResult } from "./capabilities/kit/result.js";
import {
  continuationStep,
  type DryRunReport,
  dryRunCapability,
  dryRunContinuation,
  runCapability,
  runContinuation,
} from "./capabilities/kit/run.js";
import type { CapabilityProjections, InvokeInput, OtherCapabilityId } from "./capabilities/typed-registry.js";
import { createPingOneClient, type PingOneClientOptions } from "./client/pingone-client.js";
import { type ConnectionSettings, type ResolvedConnection, resolveConnection } from "./config/connection.js";
import { type GatewayDirectories, gatewayDirectoriesFor } from "./directory/gateway-directories.js";
import type { SwimlaneEnvelope } from "./envelopes/swimlane.js";
import {
  type ActionDescription,
  type ActionSummary,
  type CapabilityDescription,
  type CapabilitySummary,
  describeAction,
  describeCapability,
  summarizeAction,
  summarizeCapability,
} from "./facade/capability-description.js";
import { type ErrorBody, errorBody, isFacadeError } from "./facade/error-outcome.js";
import { NoContinuationError } from "./facade/no-continuation-error.js";
import { UnknownCapabilityError } from "./facade/unknown-capability-error.js";
import type { ValidationProblem } from "./input/problem.js";
import type { InputWarning } from "./input/warning.js";
import { createSpnegoAcceptor, type SpnegoAcceptor } from "./kerberos/spnego-acceptor.js";
import { processSecrets } from "./redaction/redact.js";
import { USER_AGENT } from "./version.js";

export interface ConnectorOptions {
  /** Options for the PingOne client the connector creates (logger, timeouts, retries, ...). */
  client?: PingOneClientOptions;
}

export interface ValidationReport {
  valid: boolean;
  problems: ValidationProblem[];
  /** The properties the capability would ignore; they never make an input invalid. */
  warnings: InputWarning[];
}

export interface InvokeOptions {
  signal?: AbortSignal;
  /** Return the requests the call would make instead of making them. */
  dryRun?: boolean;
}

/** Whether the connection works: the settings are valid and PingOne issues the worker a token. */
export type ConnectionCheck = { ok: true } | ({ ok: false } & ErrorBody);

export interface Connector {
  /** The DaVinci capabilities (`listActions` has the Swimlane actions). */
  list(): CapabilitySummary[];
  /** @throws {UnknownCapabilityError} */
  describe(id: string): CapabilityDescription;
  /** The Swimlane actions, in the product page's order. */
  listActions(): ActionSummary[];
  /** An action's method, endpoint and input and output schemas. @throws {UnknownActionError} */
  describeAction(name: string): ActionDescription;
  /** Never throws for bad input: every problem, and every ignored property, comes back with a JSON Pointer. */
  validate(id: string, input: unknown): ValidationReport;
  /**
   * Runs a capability and returns its one internal result (see `toDaVinciEnvelope`). With a
   * registry id the input's properties and the output are typed: `result.output.matchedUser` for
   * `"userLookup"`, no cast. Any other string is looked up at run time (`unknownCapability`).
   * The typed overloads come last so that a compile error names the input, not the id.
   */
  invoke<Id extends string>(
    id: OtherCapabilityId<Id>,
    input: unknown,
    options: InvokeOptions & { dryRun: true },
  ): Promise<DryRunReport>;
  invoke<Id extends string>(
    id: OtherCapabilityId<Id>,
    input: unknown,
    options?: InvokeOptions & { dryRun?: false },
  ): Promise<CapabilityResult>;
  invoke<Id extends string>(
    id: OtherCapabilityId<Id>,
    input: unknown,
    options?: InvokeOptions,
  ): Promise<CapabilityResult | DryRunReport>;
  invoke<K extends CapabilityId>(
    id: K,
    input: InvokeInput<K>,
    options: InvokeOptions & { dryRun: true },
  ): Promise<DryRunReport>;
  invoke<K extends CapabilityId>(
    id: K,
    input: InvokeInput<K>,
    options?: InvokeOptions & { dryRun?: false },
  ): Promise<CapabilityResult<CapabilityProjections<K>>>;
  invoke<K extends CapabilityId>(
    id: K,
    input: InvokeInput<K>,
    options?: InvokeOptions,
  ): Promise<CapabilityResult<CapabilityProjections<K>> | DryRunReport>;
  /**
   * Continues a user-view capability (whose `invoke` answered a screen, `result.userView`) with
   * the person's submission, flat or as DaVinci's `{ parameters: {...} }`: its final result.
   * @throws {UnknownCapabilityError} {NoContinuationError}
   */
  continue(id: string, submission: unknown, options: InvokeOptions & { dryRun: true }): Promise<DryRunReport>;
  continue(
    id: string,
    submission: unknown,
    options?: InvokeOptions & { dryRun?: false },
  ): Promise<CapabilityResult>;
  continue(
    id: string,
    submission: unknown,
    options?: InvokeOptions,
  ): Promise<CapabilityResult | DryRunReport>;
  /** Runs a Swimlane action; every HTTP answer comes back as the envelope. */
  runAction(name: string, input: unknown, options?: RunActionOptions): Promise<SwimlaneEnvelope>;
  /**
   * Checks the connection without calling the API: valid settings and a worker token (the cached
   * one while it is fresh). Never throws; a failure has the code a capability would report
   * (`invalidConnection`, `accessFailed`, `connectionFailed`, ...).
   */
  checkConnection(options?: { signal?: AbortSignal }): Promise<ConnectionCheck>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}

/**
 * The connector as a library. The connection is resolved on first use (so `list`, `describe`
 * and `validate` need none); a dry run needs settings but never fetches a token.
 *
 * @example
 * const connector = createConnector({ envId, clientId, clientSecret, region: "NA" });
 * const result = await connector.invoke("readUser", { matchAttribute: "username", identifier: "jo" });
 * if (result.ok) console.log(result.output.user);
 */
export function createConnector(
  connection: ConnectionSettings | ResolvedConnection = {},
  options: ConnectorOptions = {},
): Connector {
  let resolved: ResolvedConnection | undefined;
  let client: ReturnType<typeof createPingOneClient> | undefined;
  const settings = (): ResolvedConnection => {
    resolved ??=
      "tokenUrl" in connection && typeof connection.tokenUrl === "string"
        ? (connection as ResolvedConnection)
        : resolveConnection(connection as ConnectionSettings);
    return resolved;
  };
  const liveClient = () => {
    client ??= createPingOneClient(settings(), options.client);
    return client;
  };
  let directories: GatewayDirectories | undefined;
  const gatewayDirectories = (): GatewayDirectories => {
    directories ??= gatewayDirectoriesFor(
      settings().gatewayDirectories,
      options.client?.secrets ?? processSecrets,
    );
    return directories;
  };
  let acceptor: SpnegoAcceptor | undefined;
  const kerberos = (): SpnegoAcceptor | undefined => {
    const kerberosSettings = settings().kerberos;
    if (kerberosSettings) acceptor ??= createSpnegoAcceptor(kerberosSettings);
    return acceptor;
  };
  const definition = (id: string): AnyCapabilityDefinition => {
    const found = findCapability(id);
    if (!found) throw new UnknownCapabilityError(id);
    return found;
  };

  const userAgent = () =>
    options.client?.userAgentSuffix ? `${USER_AGENT} ${options.client.userAgentSuffix}` : USER_AGENT;

  async function invoke(id: string, input: unknown, invokeOptions: InvokeOptions = {}) {
    const capability = definition(id);
    const { signal } = invokeOptions;
    if (invokeOptions.dryRun) {
      return dryRunCapability(capability, input, settings(), { userAgent: userAgent(), signal, kerberos });
    }
    return runCapability(capability, input, liveClient(), {
      signal,
      directories: gatewayDirectories(),
      kerberos,
    });
  }

  async function continueCapability(id: string, submission: unknown, invokeOptions: InvokeOptions = {}) {
    const step = continuationStep(definition(id));
    if (!step) {
      throw new NoContinuationError(
        id,
        CAPABILITIES.filter((c) => c.userView).map((c) => c.id),
      );
    }
    const { signal } = invokeOptions;
    if (invokeOptions.dryRun) {
      return dryRunContinuation(step, submission, settings(), { userAgent: userAgent(), signal, kerberos });
    }
    return runContinuation(step, submission, liveClient(), {
      signal,
      directories: gatewayDirectories(),
      kerberos,
    });
  }

  return {
    list: () => CAPABILITIES.map(summarizeCapability),
    describe: (id) => describeCapability(definition(id)),
    listActions: () => ACTIONS.map(summarizeAction),
    describeAction: (name) => describeAction(requireAction(name)),
    validate(id, input) {
      const { problems, warnings } = prepareInput(definition(id), input);
      return { valid: problems.length === 0, problems, warnings };
    },
    invoke: invoke as Connector["invoke"],
    continue: continueCapability as Connector["continue"],
    runAction: (name, input, actionOptions) => runAction(liveClient(), name, input, actionOptions),
    async checkConnection(checkOptions = {}) {
      try {
        await liveClient().tokens.getToken(checkOptions.signal);
        return { ok: true };
      } catch (error) {
        if (!isFacadeError(error)) throw error;
        return { ok: false, ...errorBody(error) };
      }
    },
    async close() {
      await client?.close();
    },
  };
}
