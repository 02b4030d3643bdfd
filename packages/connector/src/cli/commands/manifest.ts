import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Command } from "commander";
import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { buildDaVinciManifest } from "../../manifests/davinci-manifest.js";
import { buildSwimlaneFiles } from "../../manifests/swimlane-manifest.js";

/** `pingone-connector manifest davinci|swimlane`: connector manifests generated from the registry. */
export function manifestCommand(): Command {
  const manifest = new Command("manifest").description(
    "Generate the DaVinci connector manifest or the Swimlane connector files from the registry",
  );
  manifest
    .command("davinci")
    .description("Write the DaVinci connector manifest (JSON) for pingOneSSOConnector")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (options: { out?: string }) => {
      const text = `${JSON.stringify(buildDaVinciManifest(CAPABILITIES), null, 2)}\n`;
      if (options.out) {
        await mkdir(dirname(options.out), { recursive: true });
        await writeFile(options.out, text);
        process.stderr.write(
          `Wrote the DaVinci manifest (${CAPABILITIES.length} capabilities) to ${options.out}\n`,
        );
      } else {
        process.stdout.write(text);
      }
    });
  manifest
    .command("swimlane")
    .description("Write connector.yaml, the asset and one YAML per action into a directory")
    .requiredOption("--out <dir>", "the directory to write the connector files into")
    .action(async (options: { out: string }) => {
      const files = buildSwimlaneFiles(ACTIONS);
      for (const [relative, content] of files) {
        const path = join(options.out, relative);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content);
      }
      process.stderr.write(`Wrote ${files.size} Swimlane connector files to ${options.out}\n`);
    });
  return manifest;
}
