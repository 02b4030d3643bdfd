import type { FaultRule } from "../controls/fault-injector.js";
import { invalidData } from "../domain/errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "../domain/validation.js";
import { readJsonObject } from "../http/json-body.js";
import type { BackDoorModule } from "./back-door-module.js";

const FAULT_RULE_SPEC: ObjectSpec = {
  method: { kind: "string", allowed: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] },
  path: { kind: "string", minLength: 1 },
  status: { kind: "integer", min: 400, max: 599 },
  count: { kind: "integer", min: 1 },
  retryAfter: { kind: "integer", min: 0 },
  delayMs: { kind: "integer", min: 0, max: 120_000 },
  resetConnection: { kind: "boolean" },
  malformedBody: { kind: "boolean" },
  when: { kind: "string", allowed: ["before", "after"] },
};

/** One rule: the spec, plus `probability` (a number from 0 to 1, never with `count`). */
function parseFaultRule(rule: unknown, target: string): FaultRule {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
    throw invalidData([{ code: "INVALID_VALUE", target, message: "must be an object" }]);
  }
  const { probability, ...rest } = rule as JsonObject;
  assertValid(rest, FAULT_RULE_SPEC, { required: ["path"] });
  if (probability !== undefined && (typeof probability !== "number" || probability < 0 || probability > 1)) {
    throw invalidData([
      { code: "OUT_OF_RANGE", target: `${target}.probability`, message: "must be a number from 0 to 1" },
    ]);
  }
  if (probability !== undefined && rest.count !== undefined) {
    throw invalidData([
      { code: "INVALID_VALUE", target, message: "count and probability are mutually exclusive" },
    ]);
  }
  return rule as FaultRule;
}

/** `POST|GET|DELETE /_emulator/faults`: the fault rules of PingOne calls (docs/emulator.md#back-door). */
export const faultRoutes: BackDoorModule = (app, _ctx, state) => {
  app.get("/_emulator/faults", (c) => c.json({ rules: state.faults.list() }));
  app.post("/_emulator/faults", async (c) => {
    const rules = (await readJsonObject(c)).rules;
    if (!Array.isArray(rules) || rules.length === 0) {
      throw invalidData([
        { code: "REQUIRED_VALUE", target: "rules", message: "must be a non-empty array of rules" },
      ]);
    }
    state.faults.add(rules.map((rule, index) => parseFaultRule(rule, `rules[${index}]`)));
    return c.json({ rules: state.faults.list() }, 201);
  });
  app.delete("/_emulator/faults", (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });
};
