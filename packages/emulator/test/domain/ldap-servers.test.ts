import { describe, expect, it } from "vitest";
import { ldapUrlOf, parseHostAndPort } from "../../src/ldap/ldap-servers.js";

describe("a gateway's serversHostAndPort entries", () => {
  it("reads host names, IPv4, bracketed and PingOne's unbracketed IPv6 forms", () => {
    expect(parseHostAndPort("ds1.example.com:636")).toEqual({ host: "ds1.example.com", port: 636 });
    expect(parseHostAndPort("10.10.10.10:389")).toEqual({ host: "10.10.10.10", port: 389 });
    expect(parseHostAndPort("[::1]:1389")).toEqual({ host: "::1", port: 1389 });
    // The example of PingOne's Create LDAP Gateway: the last group is the port.
    expect(parseHostAndPort("2001:0db8:85a3:0000:0000:8a2e:0370:7334:389")).toEqual({
      host: "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
      port: 389,
    });
  });

  it("refuses what cannot be connected to", () => {
    for (const bad of [
      "ldap.example.com",
      ":389",
      "host:0",
      "host:65536",
      "host:38a",
      "ho st:389",
      "ldap://h:389",
      "[x]:389",
    ]) {
      expect(parseHostAndPort(bad), bad).toBeUndefined();
    }
  });

  it("builds ldaps:// for TLS and ldap:// otherwise, bracketing IPv6", () => {
    expect(ldapUrlOf({ host: "ds1.example.com", port: 636 }, "TLS")).toBe("ldaps://ds1.example.com:636");
    expect(ldapUrlOf({ host: "::1", port: 389 }, "StartTLS")).toBe("ldap://[::1]:389");
    expect(ldapUrlOf({ host: "127.0.0.1", port: 389 }, "None")).toBe("ldap://127.0.0.1:389");
  });
});
