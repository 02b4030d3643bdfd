import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../client/logger.js";
import { acceptQueueLength } from "./accept-queue.js";
import type { ServiceLifecycle } from "./lifecycle.js";

/** The longest wait for the last responses to flush once the drain has ended. */
const CLOSE_DEADLINE_MS = 5_000;
/** The longest wait for the kernel's accept queue to empty before the listener closes. */
const ACCEPT_QUEUE_DEADLINE_MS = 2_000;

/**
 * Graceful shutdown (docs/connector-service.md#shutdown). Requests that have reached the service
 * are served in full; those arriving during the drain are answered 503 with `Connection: close`,
 * on new and on kept-alive connections alike, so the listener stays open until the admitted
 * requests are done (or the grace period passes). Only then does it close, and idle connections with
 * it: a connection is idle only between requests, so none is cut during one.
 */
export async function drain(
  server: Server,
  lifecycle: ServiceLifecycle,
  options: { graceMs: number; logger: Logger },
): Promise<void> {
  // Bytes that reached a socket before the signal are read in the event loop turn that delivered
  // it: let them become admitted requests before the drain starts refusing.
  await new Promise((resolve) => setImmediate(resolve));
  lifecycle.draining = true;
  await Promise.race([lifecycle.idle(), delay(options.graceMs)]);
  await takeQueuedConnections(server);
  if (lifecycle.inFlight === 0) options.logger.info("drained: closing the listener");
  else
    options.logger.warn(
      { unfinished: lifecycle.inFlight },
      "shutdown grace period over: closing the listener",
    );
  // close() also closes the idle connections; the sweep closes the rest as they turn idle.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweeper = setInterval(() => server.closeIdleConnections(), 25);
  await Promise.race([closed, delay(CLOSE_DEADLINE_MS)]);
  clearInterval(sweeper);
  server.closeAllConnections();
  await closed;
}

/**
 * Waits until the kernel's accept queue is empty, then two turns of the event loop: the last
 * connections taken in are read in the turn after they were accepted, and until a connection's
 * request has been read it looks idle, so closing the listener then resets none that was opened
 * before. Under overload a connection can wait there for hundreds of milliseconds, its request
 * already sent. Where the queue cannot be read (not Linux), only the two turns are waited.
 */
async function takeQueuedConnections(server: Server): Promise<void> {
  const { port } = server.address() as AddressInfo;
  const deadline = performance.now() + ACCEPT_QUEUE_DEADLINE_MS;
  while (performance.now() < deadline) {
    const waiting = await acceptQueueLength(port);
    if (waiting === undefined || waiting === 0) break;
    await delay(5);
  }
  await nextTurn();
  await nextTurn();
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A timer that does not keep the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
