import type { EmulatorContext } from "../context.js";
import { createForm } from "../routes/forms.js";
import { createTheme } from "../routes/themes.js";
import { optionalSeedText, type SeedEntry, seedEntries, seedStep } from "./seed-entries.js";

/**
 * An environment's `themes` and `forms` in a seed file: each entry is the body of `POST P/themes` or
 * `POST P/forms` plus an optional stable `id`. A theme's `default` defaults to false; the first theme
 * becomes the default anyway, as through the API.
 */
export function seedBranding(
  ctx: EmulatorContext,
  environmentId: string,
  seed: SeedEntry,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "themes", where)) {
    const { id, ...body } = entry;
    const themeId = optionalSeedText(entry, "id", at) ?? crypto.randomUUID();
    seedStep(at, () => createTheme(ctx, environmentId, { default: false, ...body }, themeId));
  }
  for (const { entry, at } of seedEntries(seed, "forms", where)) {
    const { id, ...body } = entry;
    const formId = optionalSeedText(entry, "id", at) ?? crypto.randomUUID();
    seedStep(at, () => createForm(ctx, environmentId, body, formId));
  }
}
