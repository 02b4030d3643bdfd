// Bundles the CLI into one file. Resolving and loading the hundreds of small ESM modules of its
// dependencies (TypeBox, undici, Ajv, ...) dominates start-up; a bundle starts about 2.5x faster.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const outdir = new URL("../dist/bin/", import.meta.url).pathname;
// Chunk names carry their content hash: without this, every build would leave its old chunks.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [new URL("../dist/cli/main.js", import.meta.url).pathname],
  entryNames: "pingone-connector",
  chunkNames: "chunks/[name]-[hash]",
  outdir,
  // Commands load their heavy modules lazily; splitting keeps those out of the start-up path.
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // A native addon: its JavaScript loads build/Release/kerberos.node relative to itself.
  external: ["kerberos"],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: "linked",
  logLevel: "warning",
});
