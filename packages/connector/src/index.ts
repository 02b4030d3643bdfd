export { ActionInputError, UnknownActionError } from "./actions/action-errors.js";
export type { ActionDefinition } from "./actions/definition.js";
export { ACTIONS, findAction } from "./actions/index.js";
export { type RunActionOptions, runAction } from "./actions/run-action.js";
export type {
  CreateAccountLinkInput,
  CreateAccountLinkOutput,
} from "./capabilities/account-links/create-account-link.js";
export type {
  DeleteAccountLinkInput,
  DeleteAccountLinkOutput,
} from "./capabilities/account-links/delete-account-link.js";
export type {
  ReadAccountLinksInput,
  ReadAccountLinksOutput,
} from "./capabilities/account-links/read-account-links.js";
export type {
  AcceptAgreementInput,
  AcceptAgreementOutput,
} from "./capabilities/agreements/accept-agreement.js";
export type {
  CheckUserAgreementInput,
  CheckUserAgreementOutput,
} from "./capabilities/agreements/check-user-agreement.js";
export type {
  ReadAgreementContentInput,
  ReadAgreementContentOutput,
} from "./capabilities/agreements/read-agreement-content.js";
export type {
  ReadUserAgreementsInput,
  ReadUserAgreementsOutput,
} from "./capabilities/agreements/read-user-agreements.js";
export type {
  RevokeUserAgreementInput,
  RevokeUserAgreementOutput,
} from "./capabilities/agreements/revoke-user-agreement.js";
export type {
  SendVerificationCodeInput,
  SendVerificationCodeOutput,
} from "./capabilities/email/send-verification-code.js";
export type { VerifyEmailInput, VerifyEmailOutput } from "./capabilities/email/verify-email.js";
export type {
  KerberosAuthenticationInput,
  KerberosAuthenticationOutput,
} from "./capabilities/gateways/kerberos-authentication.js";
export type {
  MigrateUserGatewayInput,
  MigrateUserGatewayOutput,
} from "./capabilities/gateways/migrate-user-gateway.js";
export type {
  UpdateUserGatewayInput,
  UpdateUserGatewayOutput,
} from "./capabilities/gateways/update-user-gateway.js";
export type { CreateGroupInput, CreateGroupOutput } from "./capabilities/groups/create-group.js";
export type {
  CreateUserGroupMembershipInput,
  CreateUserGroupMembershipOutput,
} from "./capabilities/groups/create-user-group-membership.js";
export type { DeleteGroupInput, DeleteGroupOutput } from "./capabilities/groups/delete-group.js";
export type {
  DeleteUserGroupMembershipInput,
  DeleteUserGroupMembershipOutput,
} from "./capabilities/groups/delete-user-group-membership.js";
export type { ReadGroupInput, ReadGroupOutput } from "./capabilities/groups/read-group.js";
export type {
  ReadGroupMembersInput,
  ReadGroupMembersOutput,
} from "./capabilities/groups/read-group-members.js";
export type {
  ReadUserGroupMembershipsInput,
  ReadUserGroupMembershipsOutput,
} from "./capabilities/groups/read-user-group-memberships.js";
export type { UpdateGroupInput, UpdateGroupOutput } from "./capabilities/groups/update-group.js";
export {
  CAPABILITIES,
  type CapabilityId,
  type CapabilityRegistry,
  findCapability,
} from "./capabilities/index.js";
export { CapabilityError } from "./capabilities/kit/capability-error.js";
export type {
  CapabilityClient,
  CapabilityContext,
  CapabilityRequest,
} from "./capabilities/kit/context.js";
export type {
  AnyCapabilityDefinition,
  CapabilityDefinition,
  ControlType,
  PropertyOption,
  PropertyUi,
} from "./capabilities/kit/definition.js";
export { camelCaseOf, errorKeyForApiError } from "./capabilities/kit/error-keys.js";
export type {
  CapabilityFailure,
  CapabilityResult,
  CapabilitySuccess,
  FailureDetail,
  HttpOutcome,
  UserView,
} from "./capabilities/kit/result.js";
export { type DryRunReport, dryRunCapability, runCapability } from "./capabilities/kit/run.js";
export { GroupSchema, type PingOneGroup } from "./capabilities/kit/schemas/group.js";
export {
  GroupMembershipSchema,
  type PingOneGroupMembership,
} from "./capabilities/kit/schemas/group-membership.js";
export { LinkedAccountSchema, type PingOneLinkedAccount } from "./capabilities/kit/schemas/linked-account.js";
export { type PasswordState, PasswordStateSchema } from "./capabilities/kit/schemas/password-state.js";
export { type PingOnePopulation, PopulationSchema } from "./capabilities/kit/schemas/population.js";
export { type PingOneUser, UserSchema } from "./capabilities/kit/schemas/user.js";
export { scimEquals, scimStringLiteral } from "./capabilities/kit/scim-filter.js";
export { showUserView, type UserViewStep } from "./capabilities/kit/user-view.js";
export type { CheckPasswordInput, CheckPasswordOutput } from "./capabilities/passwords/check-password.js";
export type {
  RecoverPasswordInput,
  RecoverPasswordOutput,
} from "./capabilities/passwords/recover-password.js";
export type { ResetPasswordInput, ResetPasswordOutput } from "./capabilities/passwords/reset-password.js";
export type {
  SendRecoveryCodeInput,
  SendRecoveryCodeOutput,
} from "./capabilities/passwords/send-recovery-code.js";
export type { SetPasswordInput, SetPasswordOutput } from "./capabilities/passwords/set-password.js";
export type {
  ReadPopulationInput,
  ReadPopulationOutput,
} from "./capabilities/populations/read-population.js";
export type {
  SingleFactorSignOnInput,
  SingleFactorSignOnOutput,
  SingleFactorSignOnSubmission,
  SingleFactorSignOnView,
} from "./capabilities/sign-on/single-factor-sign-on.js";
export type { ReadThemeInput, ReadThemeOutput } from "./capabilities/themes/read-theme.js";
export type {
  CapabilityInput,
  CapabilityOutput,
  CapabilityProjections,
  InvokeInput,
} from "./capabilities/typed-registry.js";
export type { CreateUserInput, CreateUserOutput } from "./capabilities/users/create-user.js";
export type { DeleteUserInput, DeleteUserOutput } from "./capabilities/users/delete-user.js";
export type { EnableUserInput, EnableUserOutput } from "./capabilities/users/enable-user.js";
export type { ReadUserInput, ReadUserOutput } from "./capabilities/users/read-user.js";
export type { UnlockUserInput, UnlockUserOutput } from "./capabilities/users/unlock-user.js";
export type { UpdateUserInput, UpdateUserOutput } from "./capabilities/users/update-user.js";
export type { UserLookupInput, UserLookupOutput } from "./capabilities/users/user-lookup.js";
export type { UsersLookupInput, UsersLookupOutput } from "./capabilities/users/users-lookup.js";
export { runCli } from "./cli/program.js";
export type { Clock } from "./client/clock.js";
export {
  PingOneApiError,
  type PingOneErrorBody,
  type PingOneErrorDetail,
} from "./client/errors/api-error.js";
export { PingOneTokenError } from "./client/errors/token-error.js";
export { PingOneTransportError, type TransportErrorCode } from "./client/errors/transport-error.js";
export { createFileTokenStore } from "./client/file-token-store.js";
export { createLogger, LOG_REDACT_PATHS, type Logger } from "./client/logger.js";
export {
  type ClientEvents,
  createPingOneClient,
  type PingOneClientOptions,
} from "./client/pingone-client.js";
export { DEFAULT_RETRY, type RetryOptions } from "./client/retry-policy.js";
export { type CachedToken, createTokenStore, type TokenStore } from "./client/token-provider.js";
export { createDispatcher } from "./client/transport.js";
export type {
  ApiRequest,
  ApiResponse,
  HttpMethod,
  PaginateOptions,
  PingOneClient,
  QueryValue,
} from "./client/types.js";
export { PingOneConfigurationError, type SettingProblem } from "./config/configuration-error.js";
export {
  type ConnectionOverrides,
  type ConnectionSettings,
  type DaVinciConnection,
  type ResolvedConnection,
  resolveConnection,
  type SwimlaneConnection,
  type TokenAuthMethod,
} from "./config/connection.js";
export {
  GATEWAY_DIRECTORIES_ENV,
  type GatewayDirectorySetting,
  type ResolvedGatewayDirectory,
} from "./config/gateway-directories.js";
export { REGION_CODES, REGIONS, type RegionCode } from "./config/regions.js";
export {
  type ConnectionCheck,
  type Connector,
  type ConnectorOptions,
  createConnector,
  type InvokeOptions,
  type ValidationReport,
} from "./connector.js";
export {
  DirectoryError,
  type DirectoryErrorCode,
  type DirectoryOperation,
} from "./directory/directory-error.js";
export { escapeFilterValue } from "./directory/escape-filter-value.js";
export type { RecordedRequest } from "./dry-run/recording-client.js";
export {
  type DaVinciEnvelope,
  type DaVinciFailure,
  type DaVinciSuccess,
  type DaVinciUserView,
  toDaVinciEnvelope,
} from "./envelopes/davinci.js";
export {
  presentSwimlaneEnvelope,
  type SwimlaneEnvelope,
  SwimlaneEnvelopeSchema,
  type SwimlaneEnvelopeStyle,
  type SwimlaneResponseSource,
  swimlaneEnvelopeSchema,
  toSwimlaneEnvelope,
} from "./envelopes/swimlane.js";
export { ConnectorError } from "./errors/connector-error.js";
export { PingOneError, type PingOneErrorCode } from "./errors/pingone-error.js";
export {
  type ActionDescription,
  type ActionParameter,
  type ActionSummary,
  type CapabilityDescription,
  type CapabilitySummary,
  describeAction,
  describeCapability,
  summarizeAction,
  summarizeCapability,
  type UserViewDescription,
} from "./facade/capability-description.js";
export {
  type ErrorBody,
  type ErrorOutcome,
  EXIT,
  type ExitCode,
  errorBody,
  errorOutcome,
  type FacadeError,
  failureOutcome,
  isFacadeError,
} from "./facade/error-outcome.js";
export { NoContinuationError } from "./facade/no-continuation-error.js";
export { UnknownCapabilityError } from "./facade/unknown-capability-error.js";
export type { ValidationProblem } from "./input/problem.js";
export type { InputWarning } from "./input/warning.js";
export { REDACTED, SecretRegistry } from "./redaction/redact.js";
export {
  type SignOnOutcome,
  type SignOnOutcomeClaims,
  SignOnOutcomeError,
  verifySignOnOutcome,
} from "./server/sign-on/sign-on-outcome.js";
export { CONNECTOR_VERSION } from "./version.js";
