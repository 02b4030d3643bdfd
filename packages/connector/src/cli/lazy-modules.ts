/**
 * Heavy modules that only some commands need (the HTTP client, the service, the manifest
 * writers), loaded on first use so that `--help`, `list` and `describe` start fast. In the
 * bundled CLI each becomes a chunk of its own.
 */
export async function loadConnector() {
  const [{ createConnector }, { createLogger }, { createFileTokenStore }] = await Promise.all([
    import("../connector.js"),
    import("../client/logger.js"),
    import("../client/file-token-store.js"),
  ]);
  return { createConnector, createLogger, createFileTokenStore };
}

export async function loadService() {
  const [{ createLogger }, { ServiceStartError, startService }] = await Promise.all([
    import("../client/logger.js"),
    import("../server/service.js"),
  ]);
  return { createLogger, ServiceStartError, startService };
}

export async function loadManifests() {
  const [{ buildDaVinciManifest }, { buildSwimlaneFiles }] = await Promise.all([
    import("../manifests/davinci-manifest.js"),
    import("../manifests/swimlane-manifest.js"),
  ]);
  return { buildDaVinciManifest, buildSwimlaneFiles };
}
