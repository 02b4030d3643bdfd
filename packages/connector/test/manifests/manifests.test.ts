import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTIONS } from "../../src/actions/index.js";
import { CAPABILITIES } from "../../src/capabilities/index.js";
import { buildDaVinciManifest } from "../../src/manifests/davinci-manifest.js";
import { buildSwimlaneFiles } from "../../src/manifests/swimlane-manifest.js";

interface ManifestCapability {
  title: string;
  flowConfigView: { items: { propertyName: string }[] };
  localizedErrors: { en: Record<string, string> };
  payloadInputSchema: { default: { properties: { properties: Record<string, unknown> }; example?: unknown } };
  localOutputSchema: { output: { properties: Record<string, unknown> } };
}

function compiler() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

describe("DaVinci manifest", () => {
  const manifest = buildDaVinciManifest(CAPABILITIES) as {
    connectorId: string;
    properties: Record<
      string,
      { preferredControlType: string; options?: { value: string }[]; secure?: boolean }
    >;
    accountConfigView: { items: { propertyName: string }[] };
    capabilities: Record<string, ManifestCapability>;
  };

  it("describes the connection with DaVinci's property names and the six regions", () => {
    expect(manifest.connectorId).toBe("pingOneSSOConnector");
    expect(manifest.accountConfigView.items.map((i) => i.propertyName)).toEqual([
      "envRegionInfo",
      "envId",
      "clientId",
      "clientSecret",
      "region",
      "gatewayDirectories",
      "kerberos",
    ]);
    expect(manifest.properties.clientSecret!.secure).toBe(true);
    // It holds the bind passwords of the gateways' directories.
    expect(manifest.properties.gatewayDirectories!.secure).toBe(true);
    // It names the keytab, which the connector never shows.
    expect(manifest.properties.kerberos!.secure).toBe(true);
    expect(manifest.properties.region!.options!.map((o) => o.value)).toEqual([
      "NA",
      "EU",
      "CA",
      "AP",
      "AU",
      "SG",
    ]);
  });

  it("has every registered capability with its panel, error keys and both schemas", () => {
    expect(Object.keys(manifest.capabilities)).toEqual(CAPABILITIES.map((c) => c.id));
    for (const capability of CAPABILITIES) {
      const entry = manifest.capabilities[capability.id]!;
      expect(entry.title).toBe(capability.title);
      expect(entry.flowConfigView.items.map((i) => i.propertyName)).toEqual(
        Object.keys(capability.properties),
      );
      expect(Object.keys(entry.localizedErrors.en)).toEqual(Object.keys(capability.errors));
      for (const property of Object.keys(capability.properties)) {
        expect(manifest.properties[property]?.preferredControlType).toBe(
          capability.properties[property]!.control,
        );
      }
      expect(entry.localOutputSchema.output.properties).toHaveProperty("statusCode");
      expect(entry.localOutputSchema.output.properties).toHaveProperty("headers");
    }
  });

  it("marks the capabilities that show a screen, with their view and submission schemas", () => {
    const entries = manifest.capabilities as unknown as Record<
      string,
      {
        respondToUser: boolean;
        userViews?: { id: string; properties: unknown; submission: { properties: object } }[];
      }
    >;
    expect(entries.singleFactorSignOn).toMatchObject({
      respondToUser: true,
      userViews: [{ id: "singleFactorSignOn", properties: { type: "object" } }],
    });
    expect(Object.keys(entries.singleFactorSignOn!.userViews![0]!.submission.properties)).toEqual([
      "username",
      "password",
      "buttonValue",
    ]);
    expect(entries.checkPassword).toMatchObject({ respondToUser: false });
    expect(entries.checkPassword).not.toHaveProperty("userViews");
  });

  it("has Input Schemas that accept every product-document input example", () => {
    const ajv = compiler();
    for (const capability of CAPABILITIES) {
      const schema = manifest.capabilities[capability.id]!.payloadInputSchema.default.properties.properties;
      const validate = ajv.compile(schema);
      expect(capability.examples.length, `${capability.id} has examples`).toBeGreaterThan(0);
      for (const example of capability.examples) {
        // Older flows' property names are rewritten before validation, as the connector does at run time.
        const input = capability.acceptLegacy?.(example as Record<string, unknown>) ?? example;
        expect(validate(input), `${capability.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it("is identical between runs", () => {
    expect(JSON.stringify(buildDaVinciManifest(CAPABILITIES))).toBe(JSON.stringify(manifest));
  });
});

describe("Swimlane connector files", () => {
  const files = buildSwimlaneFiles(ACTIONS);

  it("writes connector.yaml, the asset and one YAML per action", () => {
    expect([...files.keys()].sort()).toEqual(
      [
        "connector.yaml",
        "config/assets/pingone_authentication.yaml",
        ...ACTIONS.map((a) => `config/actions/${a.name}.yaml`),
      ].sort(),
    );
    const asset = parse(files.get("config/assets/pingone_authentication.yaml")!) as {
      inputs: { properties: Record<string, unknown>; required: string[] };
    };
    expect(Object.keys(asset.inputs.properties)).toEqual([
      "url",
      "clientId",
      "clientSecret",
      "environmentId",
      "verify_ssl",
      "http_proxy",
    ]);
    expect(asset.inputs.required).toEqual(["url", "clientId", "clientSecret", "environmentId"]);
  });

  it("gives each action its endpoint, method and input groups, and valid schemas", () => {
    const ajv = compiler();
    for (const action of ACTIONS) {
      const yaml = parse(files.get(`config/actions/${action.name}.yaml`)!) as {
        name: string;
        method: string;
        endpoint: string;
        inputs: Record<string, unknown>;
        output: { properties: Record<string, unknown> };
      };
      expect(yaml).toMatchObject({ name: action.name, method: action.method, endpoint: action.endpoint });
      expect(() => ajv.compile(yaml.inputs)).not.toThrow();
      expect(Object.keys(yaml.output.properties)).toEqual(
        expect.arrayContaining(["status_code", "response_headers", "reason"]),
      );
    }
    const lock = parse(files.get("config/actions/user_account_lock.yaml")!) as {
      headers: Record<string, string>;
    };
    expect(lock.headers["Content-Type"]).toBe("application/vnd.pingidentity.account.lock+json");
  });

  it("is identical between runs", () => {
    expect([...buildSwimlaneFiles(ACTIONS)]).toEqual([...files]);
  });
});
