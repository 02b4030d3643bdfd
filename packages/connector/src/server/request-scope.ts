import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { isListenedTo } from "../client/abort-subscriptions.js";
import type { ServiceLifecycle } from "./lifecycle.js";

/** How reading a request body ended, when it did not end with the body. */
export type BodyFailure = "tooLarge" | "timeout" | "disconnected";

export type BodyResult = { ok: true; text: string } | { ok: false; failure: BodyFailure };

const utf8 = new TextDecoder();
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The never-aborted controller a kept-alive connection lends to its next call. Creating an
 * AbortSignal costs Node 20 about 2.5 µs, more than the capability layer's whole work on a call,
 * so a connection's calls, which follow one another, share one until it aborts.
 */
const spareControllers = new WeakMap<Socket, AbortController>();

/**
 * One HTTP request as the service tracks it, from its headers to the end of its response: its
 * deadline (`--request-timeout`, body and call included), whether it came before the drain began,
 * and the abort signal of its call. One timer is the whole cost of the deadline: per-request
 * `AbortSignal.any`/`AbortSignal.timeout` cost more CPU than the rest of the service's work on a
 * call, and the signal is only made (or borrowed) when a call asks for it, and aborted only when
 * the client goes away or the deadline passes (docs/connector-service.md#request-timeout).
 */
export class RequestScope {
  /** False for a request that arrived while the service drains: its call is refused with 503. */
  readonly admitted: boolean;
  #controller: AbortController | undefined;
  #abortReason: Error | undefined;
  #timer: NodeJS.Timeout;
  #onDeadline: (() => void) | undefined;

  constructor(
    private readonly incoming: IncomingMessage,
    outgoing: ServerResponse,
    lifecycle: ServiceLifecycle,
    timeoutMs: number,
  ) {
    this.admitted = !lifecycle.draining;
    if (this.admitted) lifecycle.begin();
    // setTimeout takes at most 2^31 - 1 ms; a longer wait would fire at once.
    this.#timer = setTimeout(() => this.#expire(), Math.min(timeoutMs, MAX_TIMER_MS));
    outgoing.once("close", () => {
      clearTimeout(this.#timer);
      if (this.admitted) lifecycle.end();
      // Closed before the whole response was written: the client went away.
      if (!outgoing.writableFinished) this.#abort(new Error("The client closed the connection"));
      else this.#lendController();
    });
  }

  /** Aborts when the client goes away or the deadline passes; made, or borrowed from the connection, on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const { socket } = this.incoming;
      const spare = spareControllers.get(socket);
      if (spare === undefined) this.#controller = new AbortController();
      else {
        spareControllers.delete(socket);
        this.#controller = spare;
      }
      if (this.#abortReason !== undefined) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  /**
   * The whole body as text (UTF-8, as `Request.text()` decodes it), read from Node's request
   * without a WHATWG stream: refused unread when its Content-Length is over `maxBytes`, cut as
   * soon as more than `maxBytes` arrive, and abandoned at the request's deadline.
   */
  readBody(maxBytes: number): Promise<BodyResult> {
    const { incoming } = this;
    if (Number(incoming.headers["content-length"] ?? 0) > maxBytes) {
      return Promise.resolve({ ok: false, failure: "tooLarge" });
    }
    if (this.#abortReason !== undefined) return Promise.resolve({ ok: false, failure: this.#failure() });
    if (incoming.destroyed) return Promise.resolve({ ok: false, failure: "disconnected" });
    return new Promise<BodyResult>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const settle = (result: BodyResult) => {
        incoming.off("data", onData).off("end", onEnd).off("close", onClose);
        this.#onDeadline = undefined;
        resolve(result);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) settle({ ok: false, failure: "tooLarge" });
        else chunks.push(chunk);
      };
      const onEnd = () =>
        settle({
          ok: true,
          text: chunks.length === 1 ? utf8.decode(chunks[0]) : utf8.decode(Buffer.concat(chunks)),
        });
      const onClose = () => settle({ ok: false, failure: "disconnected" });
      this.#onDeadline = () => settle({ ok: false, failure: "timeout" });
      incoming.on("data", onData).on("end", onEnd).on("close", onClose);
    });
  }

  /**
   * Hands the call's controller to the connection's next call, unless it aborted or someone
   * still listens to it (a listener left behind would hear another call's abort).
   */
  #lendController(): void {
    const controller = this.#controller;
    if (controller === undefined || controller.signal.aborted || isListenedTo(controller.signal)) return;
    const { socket } = this.incoming;
    if (socket !== null && !socket.destroyed) spareControllers.set(socket, controller);
  }

  #expire(): void {
    const reason = new Error("The request outlived the request timeout");
    reason.name = "TimeoutError";
    this.#abort(reason);
  }

  #abort(reason: Error): void {
    if (this.#abortReason !== undefined) return;
    this.#abortReason = reason;
    this.#controller?.abort(reason);
    this.#onDeadline?.();
  }

  #failure(): BodyFailure {
    return this.#abortReason?.name === "TimeoutError" ? "timeout" : "disconnected";
  }
}
