import { invalidData } from "../domain/errors.js";
import { readJsonObject } from "../http/json-body.js";
import { applySeed } from "../seed/seed.js";
import { SeedError } from "../seed/seed-entries.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `POST /_emulator/seed`: a seed document in one transaction; a bad entry is 400 naming it. */
export const seedRoutes: BackDoorModule = (app, ctx) => {
  app.post("/_emulator/seed", async (c) => {
    const document = await readJsonObject(c);
    try {
      return c.json(applySeed(ctx, document), 201);
    } catch (error) {
      if (error instanceof SeedError) {
        throw invalidData([{ code: "INVALID_VALUE", target: "seed", message: error.message }]);
      }
      throw error;
    }
  });
};
