import type { EmulatorContext } from "../context.js";
import { createForm } from "../domain/forms.js";
import { createTheme } from "../domain/themes.js";
import type { JsonObject } from "../domain/validation.js";
import { checkEntry, presentKeys, SEED_TEXT, seedEntries, seedId, seedStep } from "./seed-entries.js";

/**
 * An environment's `themes` and `forms` in a seed file: each entry is the body of `POST P/themes` or
 * `POST P/forms` plus an optional stable `id`. A theme's `default` defaults to false; the first theme
 * becomes the default anyway, as through the API.
 */
export function seedBranding(
  ctx: EmulatorContext,
  environmentId: string,
  seed: JsonObject,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "themes", where)) {
    checkEntry(at, presentKeys(entry, ["id"]), { id: SEED_TEXT });
    const { id, ...body } = entry;
    seedStep(at, () => createTheme(ctx, environmentId, { default: false, ...body }, seedId(entry)));
  }
  for (const { entry, at } of seedEntries(seed, "forms", where)) {
    checkEntry(at, presentKeys(entry, ["id"]), { id: SEED_TEXT });
    const { id, ...body } = entry;
    seedStep(at, () => createForm(ctx, environmentId, body, seedId(entry)));
  }
}
