import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = require("../package.json") as { name: string; version: string };

/** The package version, sent in `User-Agent: pingone-connector/<version>`. */
export const CONNECTOR_VERSION: string = pkg.version;
export const USER_AGENT = `pingone-connector/${CONNECTOR_VERSION}`;
