import type { ConnectionSettings } from "../config/connection.js";
import { CliUsageError } from "./io.js";

/**
 * The form `sign-on` shows when none is named: the environment's only form (the emulator's demo
 * environment has one). With none or several, a usage error lists what there is to choose from.
 */
export async function onlyForm(connection: ConnectionSettings): Promise<{ id: string; name: string }> {
  const { createPingOneClient } = await import("../client/pingone-client.js");
  const client = createPingOneClient(connection, { retry: { maxAttempts: 3 } });
  try {
    const forms: { id: string; name: string }[] = [];
    for await (const form of client.paginate<{ id: string; name?: string }>(
      `/environments/${encodeURIComponent(client.environmentId)}/forms`,
      { embedded: "forms" },
    )) {
      forms.push({ id: form.id, name: form.name ?? "" });
    }
    if (forms.length === 1) return forms[0]!;
    if (forms.length === 0) {
      throw new CliUsageError(
        "the environment has no form: create one in PingOne (Forms) and pass --form <formId>",
      );
    }
    const list = forms.map((form) => `  ${form.id}  ${form.name}`).join("\n");
    throw new CliUsageError(
      `the environment has ${forms.length} forms; choose one with --form <formId>:\n${list}`,
    );
  } finally {
    await client.close();
  }
}
