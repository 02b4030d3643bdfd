import { connect, type Socket } from "node:net";

/** One HTTP/1.1 response read off a raw socket. */
export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * An HTTP/1.1 client connection on a bare TCP socket, one request at a time, so that a test can
 * tell exactly when a request's bytes were handed to the kernel, write a body slowly, and see
 * how and when the server ends the connection: none of which an HTTP client library exposes.
 */
export class RawHttpConnection {
  /** Set once the socket has closed; `closedAt` is its `performance.now()`. */
  closed = false;
  closedAt = 0;
  /** The socket error that ended the connection, if one did (ECONNRESET, EPIPE, ...). */
  error: NodeJS.ErrnoException | undefined;
  #buffer = Buffer.alloc(0);
  #waiter: (() => void) | undefined;

  private constructor(readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#wake();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      this.error ??= error;
    });
    socket.on("close", () => {
      this.closed = true;
      this.closedAt = performance.now();
      this.#wake();
    });
  }

  /** Connects, or rejects with the connection error (ECONNREFUSED once the listener is closed). */
  static open(port: number): Promise<RawHttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      socket.setNoDelay(true);
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(new RawHttpConnection(socket));
      });
      socket.once("error", reject);
    });
  }

  /**
   * Writes `bytes` and resolves with the time they were in the kernel's hands: at once when the
   * socket took them without buffering, else when the write completed.
   */
  write(bytes: string): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closed || this.socket.destroyed) return reject(this.error ?? new Error("socket closed"));
      const flushed = this.socket.write(bytes, (error) =>
        error ? reject(error) : resolve(performance.now()),
      );
      if (flushed && this.socket.writableLength === 0) resolve(performance.now());
    });
  }

  /** The next complete response, or a rejection if the connection ends before one arrived. */
  async readResponse(): Promise<RawResponse> {
    for (;;) {
      const response = this.#parse();
      if (response) return response;
      if (this.closed)
        throw this.error ?? Object.assign(new Error("connection closed before a response"), { code: "EOF" });
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
      });
    }
  }

  /** Resolves once the server has closed the connection. */
  async untilClosed(): Promise<void> {
    while (!this.closed) {
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.();
  }

  /** A response once its headers and `Content-Length` bytes of body have arrived. */
  #parse(): RawResponse | undefined {
    const end = this.#buffer.indexOf("\r\n\r\n");
    if (end < 0) return undefined;
    const [statusLine, ...lines] = this.#buffer.subarray(0, end).toString("latin1").split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    if (this.#buffer.length < end + 4 + length) return undefined;
    const body = this.#buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    this.#buffer = this.#buffer.subarray(end + 4 + length);
    return { status: Number(statusLine!.split(" ")[1]), headers, body };
  }
}

/** A POST with a JSON body, as raw HTTP/1.1 text. */
export function rawPost(path: string, body: string, headers: Record<string, string> = {}): string {
  const lines = [
    `POST ${path} HTTP/1.1`,
    "Host: 127.0.0.1",
    "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}
