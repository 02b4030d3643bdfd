import { afterAll, beforeAll } from "vitest";
import { type Connector, type ConnectorOptions, createConnector } from "../../src/connector.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "./emulator-environment.js";

/** What a test file works with: the emulator environment and a connector on its worker app. */
export interface EmulatorConnectorFixture {
  readonly env: EmulatorEnvironment;
  readonly connector: Connector;
}

/**
 * One emulator and one connector for the whole test file: started before its tests, stopped
 * after them. Read `fixture.env` and `fixture.connector` inside tests and hooks only.
 */
export function useEmulatorConnector(options?: ConnectorOptions): EmulatorConnectorFixture {
  let env: EmulatorEnvironment | undefined;
  let connector: Connector | undefined;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    connector = createConnector(env.connection, options);
  });
  afterAll(async () => {
    await connector?.close();
    await env?.stop();
  });
  return {
    get env() {
      if (!env) throw new Error("the emulator fixture is used before its beforeAll hook ran");
      return env;
    },
    get connector() {
      if (!connector) throw new Error("the emulator fixture is used before its beforeAll hook ran");
      return connector;
    },
  };
}
