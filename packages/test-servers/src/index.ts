export { artifactPath } from "./artifacts.js";
export { type ChromiumOptions, chromiumSwitches, launchChromium } from "./chromium.js";
export { type Kdc, type KdcOptions, type KdcPrincipal, type KerberosCredentials, startKdc } from "./kdc.js";
export {
  escapeDnValue,
  hashPassword,
  type LdapChanges,
  type LdapEntry,
  type Slapd,
  type SlapdOptions,
  startSlapd,
  type UserEntryFields,
  userEntry,
} from "./slapd.js";
