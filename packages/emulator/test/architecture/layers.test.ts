import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The emulator's layers (packages/emulator/README.md, "Internals"): a module may import its own folder
 * and folders of a lower rank only; folders of the same rank never import each other. Type-only imports
 * count too, because they tie the layers together just the same.
 */
const RANKS: Readonly<Record<string, number>> = {
  "clock.ts": 0,
  "settings.ts": 0,
  "own-value.ts": 0,
  scim: 1,
  controls: 1,
  ldap: 1,
  store: 2,
  "context.ts": 3,
  domain: 4,
  http: 5,
  seed: 5,
  representations: 6,
  middleware: 7,
  routes: 8,
  admin: 8,
  "app.ts": 9,
  "emulator.ts": 10,
  cli: 11,
  "index.ts": 11,
};

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative module a file imports or re-exports, type-only included, as paths below src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/g)];
  return specifiers.map((match) =>
    relative(SRC, resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts"))),
  );
}

/** The layer a module belongs to: its top folder, or the file itself at the root of src/. */
const layerOf = (module: string): string => module.split("/")[0] as string;
// Own entries only: a folder named like an Object.prototype member must not pass as ranked.
const rankOf = (layer: string, fallback: number): number =>
  Object.hasOwn(RANKS, layer) ? (RANKS[layer] as number) : fallback;

const graph = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file)]));

describe("emulator layers", () => {
  it("gives every folder and root file of src/ a rank", () => {
    const unranked = [...graph.keys()].map(layerOf).filter((layer) => !Object.hasOwn(RANKS, layer));
    expect([...new Set(unranked)]).toEqual([]);
  });

  it("imports only downwards (or within a folder)", () => {
    const upward = [...graph].flatMap(([module, imports]) =>
      imports
        .filter((target) => layerOf(target) !== layerOf(module))
        .filter((target) => rankOf(layerOf(target), 99) >= rankOf(layerOf(module), -1))
        .map((target) => `${module} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("has no import cycle between modules", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (module: string, path: string[]): void => {
      if (state.get(module) === "done") return;
      if (state.get(module) === "visiting") {
        cycles.push([...path.slice(path.indexOf(module)), module].join(" -> "));
        return;
      }
      state.set(module, "visiting");
      for (const target of graph.get(module) ?? []) visit(target, [...path, module]);
      state.set(module, "done");
    };
    for (const module of graph.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });

  it("reaches routes/ only from the app's route registration", () => {
    const importers = [...graph]
      .filter(
        ([module, imports]) =>
          layerOf(module) !== "routes" && imports.some((target) => layerOf(target) === "routes"),
      )
      .map(([module]) => module);
    expect(importers).toEqual(["app.ts"]);
  });
});
