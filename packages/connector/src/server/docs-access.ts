/** `127.x.x.x`, `::1` and `localhost`: hosts only this machine can reach. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * Whether `/docs` and `/openapi.json` answer without the API key (docs/connector-service.md#reference-pages):
 * on a loopback listener, so the link `serve` prints opens in a browser, which cannot send a
 * bearer token. They describe the public registry only (no tenant data, no secret). On any other
 * host they stay behind the key, as every call route does.
 */
export function referencePagesArePublic(host: string): boolean {
  return isLoopbackHost(host);
}
