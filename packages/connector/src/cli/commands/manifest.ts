import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import type { CliIo } from "../io.js";
import { loadManifests } from "../lazy-modules.js";

/** `manifest davinci|swimlane`: connector manifests generated from the registry. */
export function registerManifestCommand(program: Command, io: CliIo): void {
  const manifest = program
    .command("manifest")
    .description("generate the DaVinci connector manifest or the Swimlane connector files from the registry");
  manifest
    .command("davinci")
    .description("write the DaVinci connector manifest (JSON) for pingOneSSOConnector")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (options: { out?: string }) => {
      const { buildDaVinciManifest } = await loadManifests();
      const text = `${JSON.stringify(buildDaVinciManifest(CAPABILITIES), null, 2)}\n`;
      if (!options.out) return io.stdout(text);
      await mkdir(dirname(options.out), { recursive: true });
      await writeFile(options.out, text);
      io.stderr(`Wrote the DaVinci manifest (${CAPABILITIES.length} capabilities) to ${options.out}\n`);
    });
  manifest
    .command("swimlane")
    .description("write connector.yaml, the asset and one YAML per action into a directory")
    .requiredOption("--out <dir>", "the directory to write the connector files into")
    .action(async (options: { out: string }) => {
      const { buildSwimlaneFiles } = await loadManifests();
      const files = buildSwimlaneFiles(ACTIONS);
      for (const [relative, content] of files) {
        const path = join(options.out, relative);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content);
      }
      io.stderr(`Wrote ${files.size} Swimlane connector files to ${options.out}\n`);
    });
}
