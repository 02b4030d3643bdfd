import type { TSchema } from "@sinclair/typebox";
import { Ajv, type ValidateFunction } from "ajv";
import * as ajvFormats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its function is the namespace's default export.
const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv) => Ajv }).default;

/**
 * Made on the first validation, not at import: building Ajv and its meta-schemas is about a tenth
 * of the CLI's start-up, and `--help`, `list` and `describe` never validate. Defaults are applied
 * while validating, so a handler sees the values the schema promises.
 */
let ajv: Ajv | undefined;

const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Compiles a schema once and reuses the validator. */
export function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true }));
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
