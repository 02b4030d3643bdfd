import { describe, expect, it } from "vitest";
import { policyPassword } from "../../resilience/journeys.js";

// The resilience suite builds its canary passwords from a random hex tag. One tag in about 44 holds a
// character three times in a row ("…000…"); that once made every candidate fail the policy check and
// the suite spin forever, synchronously, out of reach of any test timeout.
describe("policyPassword", () => {
  it("returns a password without a triple repeat even when the tag has one", () => {
    for (const tag of ["Cnry0007beef", "CnryNewaaaa", "fff", "x"]) {
      const password = policyPassword(tag);
      expect(password).not.toMatch(/(.)\1\1/);
      expect(password).toContain(tag.replace(/(.)\1+/g, "$1$1"));
    }
  });
});
