#!/usr/bin/env node
// The installed command. It exists before the build so that npm can link it at install time;
// the CLI itself is the bundle the build writes (npm ci runs the build in `prepare`).
await import("../dist/bin/pingone-connector.js");
