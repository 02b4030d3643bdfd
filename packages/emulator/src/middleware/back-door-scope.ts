/** Back-door paths are never faulted, rate limited or counted: they are the test's own controls. */
export function isBackDoorPath(path: string): boolean {
  return path === "/_emulator" || path.startsWith("/_emulator/");
}

const ENVIRONMENT_IN_API_PATH = /^\/v1\/environments\/([^/]+)/;
const ENVIRONMENT_IN_TOKEN_PATH = /^\/([^/]+)\/as\/token\/?$/;

/** The environment a PingOne call addresses (API or token endpoint), for per-environment limits. */
export function environmentOfPath(path: string): string | undefined {
  return ENVIRONMENT_IN_API_PATH.exec(path)?.[1] ?? ENVIRONMENT_IN_TOKEN_PATH.exec(path)?.[1];
}
