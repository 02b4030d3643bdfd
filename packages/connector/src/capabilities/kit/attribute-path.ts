/** Keys that would reach the prototype of the request body instead of a property. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const ATTRIBUTE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A PingOne user attribute path (`email`, `name.given`, a custom attribute), none of whose parts is unsafe. */
export function isAttributePath(path: string): boolean {
  return ATTRIBUTE_PATH.test(path) && !path.split(".").some((part) => UNSAFE_KEYS.has(part));
}

/** Sets a dotted attribute path in a request body, creating the objects on the way. */
export function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = body;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    if (child === null || typeof child !== "object" || Array.isArray(child)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
