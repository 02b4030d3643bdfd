import type { TSchema } from "@sinclair/typebox";
import type { ErrorObject } from "ajv";
import { escapePointer, type ValidationProblem } from "../input/problem.js";
import { validatorFor } from "../input/validator.js";

/** Every schema problem of an action input, each located by a JSON Pointer. */
export function inputProblems(schema: TSchema, value: unknown): ValidationProblem[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A value of the wrong type fails its enum too; the type is the one problem worth saying.
  const mistyped = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  return errors.filter((e) => !(e.keyword === "enum" && mistyped.has(e.instancePath))).map(toProblem);
}

function toProblem(error: ErrorObject): ValidationProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return {
        path: `${error.instancePath}/${escapePointer(String(params.missingProperty))}`,
        keyword: "required",
        message: "is required",
      };
    case "additionalProperties":
      return {
        path: `${error.instancePath}/${escapePointer(String(params.additionalProperty))}`,
        keyword: "additionalProperties",
        message: "is not an input of this action",
      };
    case "enum":
      return {
        path: error.instancePath || "/",
        keyword: "enum",
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    default:
      return {
        path: error.instancePath || "/",
        keyword: error.keyword,
        message: error.message ?? "is invalid",
      };
  }
}
