/**
 * MIT Kerberos finds the acceptor's keytab through `KRB5_KTNAME`, an environment variable of the
 * whole process that libkrb5 reads while the binding's worker thread accepts a token. So a
 * validation sets it and keeps it unchanged until its token is accepted: validations with the
 * same keytab run together, one with another keytab waits until they are done
 * (docs/connector-capabilities.md#kerberos-keytab). Waiters are admitted in arrival order, so a
 * steady stream for one keytab cannot starve another.
 */

interface Waiter {
  keytabName: string;
  admit: () => void;
}

let activeName: string | undefined;
let activeCount = 0;
const queue: Waiter[] = [];

export async function withKeytabEnvironment<T>(keytabName: string, run: () => Promise<T>): Promise<T> {
  if (queue.length > 0 || (activeName !== undefined && activeName !== keytabName)) {
    await new Promise<void>((admit) => queue.push({ keytabName, admit }));
  } else {
    enter(keytabName);
  }
  try {
    return await run();
  } finally {
    activeCount -= 1;
    if (activeCount === 0) {
      activeName = undefined;
      admitNext();
    }
  }
}

function enter(keytabName: string): void {
  activeName = keytabName;
  activeCount += 1;
  if (process.env.KRB5_KTNAME !== keytabName) process.env.KRB5_KTNAME = keytabName;
}

/** The head of the queue and every waiter right behind it with the same keytab. */
function admitNext(): void {
  const head = queue[0];
  if (!head) return;
  while (queue[0]?.keytabName === head.keytabName) {
    const waiter = queue.shift()!;
    enter(waiter.keytabName);
    waiter.admit();
  }
}
