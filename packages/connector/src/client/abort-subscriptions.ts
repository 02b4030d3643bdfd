import { getEventListeners } from "node:events";

/** One callback waiting on a signal; its links are cut when it leaves. */
interface Subscription {
  callback: (() => void) | undefined;
  previous: Subscription | undefined;
  next: Subscription | undefined;
}

/** A signal's subscriptions in the order they came: a list whose removed links point nowhere. */
interface Subscribers {
  first: Subscription | undefined;
  last: Subscription | undefined;
  size: number;
}

const subscribersOf = new WeakMap<AbortSignal, Subscribers>();

/**
 * Runs `callback` once if `signal` aborts (soon, if it already has); the returned function
 * cancels that. Every exchange, backoff, token wait and directory session of the connector
 * subscribes here instead of on the signal itself, so a signal gets one listener in its lifetime
 * however many calls it serves.
 *
 * Why not `addEventListener` per exchange: under load a signal that outlives its calls (the
 * service lends one to each call of a connection; a caller may share one between all its
 * calls) sits in V8's old generation, and so do the containers that hold its listeners. Node's
 * EventTarget list keeps the links of a removed listener, and a `Set` keeps the entries of the
 * table it outgrew: from the old generation, a dead link or table keeps the whole call it
 * points to alive until the next full collection. The service promoted about 7 KB per call that
 * way and spent a fifth of its CPU collecting it (README, Performance). Here a removed
 * subscription is unlinked and its own links cleared, so nothing dead points at a call.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    // Its abort event is over: the callback runs as soon as the caller's turn ends.
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  const subscribers = subscribersOf.get(signal) ?? listen(signal);
  const subscription: Subscription = { callback, previous: subscribers.last, next: undefined };
  if (subscribers.last === undefined) subscribers.first = subscription;
  else subscribers.last.next = subscription;
  subscribers.last = subscription;
  subscribers.size++;
  return () => {
    if (subscription.callback !== undefined) unlink(subscribers, subscription);
  };
}

/**
 * Whether anyone still waits on `signal`: a subscription above, or a listener of the caller's
 * own. A signal nobody waits on can serve another call without that call's abort reaching a
 * listener left behind (the service lends its calls' signals so: server/request-scope.ts).
 */
export function isListenedTo(signal: AbortSignal): boolean {
  const subscribers = subscribersOf.get(signal);
  if (subscribers !== undefined && subscribers.size > 0) return true;
  return getEventListeners(signal, "abort").length > (subscribers === undefined ? 0 : 1);
}

/** The signal's one listener: on abort, every subscription in order, each once. */
function listen(signal: AbortSignal): Subscribers {
  const subscribers: Subscribers = { first: undefined, last: undefined, size: 0 };
  subscribersOf.set(signal, subscribers);
  signal.addEventListener(
    "abort",
    () => {
      const due: (() => void)[] = [];
      while (subscribers.first !== undefined) {
        due.push(subscribers.first.callback!);
        unlink(subscribers, subscribers.first);
      }
      for (const callback of due) callback();
    },
    { once: true },
  );
  return subscribers;
}

function unlink(subscribers: Subscribers, subscription: Subscription): void {
  const { previous, next } = subscription;
  if (previous === undefined) subscribers.first = next;
  else previous.next = next;
  if (next === undefined) subscribers.last = previous;
  else next.previous = previous;
  subscription.callback = subscription.previous = subscription.next = undefined;
  subscribers.size--;
}
