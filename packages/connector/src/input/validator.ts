import type { TSchema } from "@sinclair/typebox";
import { Ajv, type ValidateFunction } from "ajv";
import * as ajvFormats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its function is the namespace's default export.
const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv) => Ajv }).default;

// Defaults are applied while validating, so a handler sees the values the schema promises.
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
addFormats(ajv);

const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Compiles a schema once and reuses the validator. */
export function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
