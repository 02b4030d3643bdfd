import { readFile } from "node:fs/promises";

const LISTEN = "0A";

/**
 * How many connections wait in the kernel's accept queue of the socket listening on `port`:
 * connections whose handshake is done, and whose first request may already have been sent, that
 * the service has not accepted yet. Closing the listener resets every one of them. Linux shows the
 * figure as the `rx_queue` of the listening socket in /proc/net/tcp and tcp6; elsewhere it is
 * unknown (`undefined`).
 */
export async function acceptQueueLength(port: number): Promise<number | undefined> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  let found: number | undefined;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = await readFile(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      // sl local_address rem_address st tx_queue:rx_queue ...
      const [, local, , state, queues] = line.trim().split(/\s+/);
      if (state !== LISTEN || !local?.endsWith(`:${hexPort}`)) continue;
      found = (found ?? 0) + Number.parseInt(queues!.split(":")[1]!, 16);
    }
  }
  return found;
}
