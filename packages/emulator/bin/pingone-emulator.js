#!/usr/bin/env node
// The installed command. It exists before the build so that npm can link it at install time;
// the CLI itself is compiled into dist/ (npm ci runs the build in `prepare`).
await import("../dist/cli/main.js");
