// Makes sure the kerberos native addon (an optional dependency of pingone-connector, built
// against libkrb5-dev at install time) loads, so that `npm test` works on a fresh machine
// whatever the order: an `npm ci` run before scripts/install-system-deps.sh installed
// libkrb5-dev drops the package (a failed optional install is removed). Run by the root
// `pretest` right after that script. When the addon loads, this takes about 0.15 s.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const requireFromConnector = createRequire(new URL("../packages/connector/package.json", import.meta.url));

/** Loads the addon in a child process: a failed load in this one would be cached. */
function addonLoads() {
  try {
    execFileSync(process.execPath, ["-e", "require('kerberos')"], {
      cwd: `${root}packages/connector`,
      stdio: "pipe",
    });
    return true;
  } catch {
    return false;
  }
}

function npm(args) {
  console.error(`ensure-native-addons: npm ${args.join(" ")}`);
  execFileSync("npm", args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

if (!addonLoads()) {
  let installed = false;
  try {
    installed = existsSync(requireFromConnector.resolve("kerberos/package.json"));
  } catch {
    installed = false;
  }
  // Present but not built: rebuild it. Absent: install what the lockfile names (it brings the
  // optional package back and builds it).
  if (installed) npm(["rebuild", "kerberos", "--foreground-scripts"]);
  else npm(["install", "--no-audit", "--no-fund"]);
  if (!addonLoads()) {
    console.error(
      "ensure-native-addons: kerberosAuthentication needs the kerberos native addon, which still does not load; " +
        "run bash scripts/install-system-deps.sh && npm rebuild kerberos, and read the output of its build.",
    );
    process.exit(1);
  }
}
