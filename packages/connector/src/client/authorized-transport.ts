import type { HttpTransport, RawResponse } from "./http-exchange.js";
import type { Logger } from "./logger.js";
import type { OutgoingRequest } from "./request-builder.js";
import type { TokenProvider } from "./token-provider.js";

/** Per call: whether the token has been renewed after a 401 already. */
export interface Renewal {
  done: boolean;
}

/**
 * API exchanges with the worker token: the cached one on the hot path, a new one when it is
 * about to expire; a 401 renews it once per call, in case PingOne revoked it or the clocks
 * disagree (docs/connector-client.md#worker-token).
 */
export class AuthorizedTransport {
  private readonly transport: HttpTransport;
  private readonly tokens: TokenProvider;
  private readonly logger: Logger;

  constructor(transport: HttpTransport, tokens: TokenProvider, logger: Logger) {
    this.transport = transport;
    this.tokens = tokens;
    this.logger = logger;
  }

  async exchange(
    request: OutgoingRequest,
    signal: AbortSignal | undefined,
    renewal: Renewal,
  ): Promise<RawResponse> {
    const token = this.tokens.freshToken() ?? (await this.tokens.getToken(signal));
    request.headers.authorization = `Bearer ${token}`;
    const response = await this.transport.exchange(request, signal);
    if (response.status !== 401 || renewal.done) return response;
    renewal.done = true;
    this.tokens.invalidate(token);
    this.logger.info(
      { method: request.method, path: pathOf(request.path) },
      "PingOne answered 401; renewing the token",
    );
    return this.exchange(request, signal, renewal);
  }
}

/** The path without its query, for log lines. */
export function pathOf(path: string): string {
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}
