export { CapabilityError } from "./capabilities/capability-error.js";
export type {
  AnyCapabilityDefinition,
  CapabilityContext,
  CapabilityDefinition,
  ControlType,
  PropertyOption,
  PropertyUi,
} from "./capabilities/definition.js";
export { camelCaseOf, errorKeyForApiError } from "./capabilities/error-keys.js";
export { CAPABILITIES, findCapability } from "./capabilities/index.js";
export type {
  CapabilityFailure,
  CapabilityResult,
  CapabilitySuccess,
  FailureDetail,
  HttpOutcome,
  ValidationProblem,
} from "./capabilities/result.js";
export { type DryRunReport, dryRunCapability, runCapability } from "./capabilities/run.js";
export { type PasswordState, PasswordStateSchema } from "./capabilities/schemas/password-state.js";
export { type PingOneUser, UserSchema } from "./capabilities/schemas/user.js";
export { scimEquals, scimStringLiteral } from "./capabilities/scim-filter.js";
export type { ReadUserInput, ReadUserOutput } from "./capabilities/users/read-user.js";
export {
  PingOneApiError,
  type PingOneErrorBody,
  type PingOneErrorDetail,
} from "./client/errors/api-error.js";
export { PingOneConfigurationError, type SettingProblem } from "./client/errors/configuration-error.js";
export { PingOneError, type PingOneErrorCode } from "./client/errors/pingone-error.js";
export { PingOneTokenError } from "./client/errors/token-error.js";
export { PingOneTransportError, type TransportErrorCode } from "./client/errors/transport-error.js";
export { createLogger, LOG_REDACT_PATHS, type Logger } from "./client/logger.js";
export {
  type ClientEvents,
  createPingOneClient,
  type PingOneClientOptions,
} from "./client/pingone-client.js";
export { REDACTED } from "./client/redact.js";
export { DEFAULT_RETRY, type RetryOptions } from "./client/retry-policy.js";
export { type Clock, createTokenStore, type TokenStore } from "./client/token-provider.js";
export { createDispatcher } from "./client/transport.js";
export type {
  ApiRequest,
  ApiResponse,
  HttpMethod,
  PaginateOptions,
  PingOneClient,
  QueryValue,
} from "./client/types.js";
export {
  type ConnectionOverrides,
  type ConnectionSettings,
  type DaVinciConnection,
  type ResolvedConnection,
  resolveConnection,
  type SwimlaneConnection,
  type TokenAuthMethod,
} from "./config/connection.js";
export { REGION_CODES, REGIONS, type RegionCode } from "./config/regions.js";
export {
  type CapabilityDescription,
  type CapabilitySummary,
  type Connector,
  type ConnectorOptions,
  createConnector,
  type InvokeOptions,
  UnknownCapabilityError,
  type ValidationReport,
} from "./connector.js";
export type { RecordedRequest } from "./dry-run/recording-client.js";
export {
  type DaVinciEnvelope,
  type DaVinciFailure,
  type DaVinciSuccess,
  toDaVinciEnvelope,
} from "./envelopes/davinci.js";
export { CONNECTOR_VERSION } from "./version.js";
