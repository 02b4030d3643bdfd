import type { TSchema } from "@sinclair/typebox";
import { Ajv, type ValidateFunction } from "ajv";
import * as ajvFormats from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its function is the namespace's default export.
const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv) => Ajv }).default;

// Independent of the connector's own validator, and without defaults, so checks never alter the value.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** A validator for a schema from the registry, to check outputs and examples against it. */
export function compileSchema(schema: TSchema): ValidateFunction {
  return ajv.compile(schema);
}
