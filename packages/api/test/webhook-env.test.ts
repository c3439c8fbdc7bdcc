import { describe, expect, it } from "vitest";
import { privateNetworksAllowed } from "../src/services/webhook/address";

describe("WEBHOOK_ALLOW_PRIVATE_NETWORKS", () => {
  it("takes the usual spellings of yes and no, in any case; unset or empty is no", () => {
    for (const value of ["true", "TRUE", "True", "1", "yes", "on", " true "]) {
      expect(privateNetworksAllowed({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: value }), value).toBe(true);
    }
    for (const value of ["false", "FALSE", "0", "no", "off", ""]) {
      expect(privateNetworksAllowed({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: value }), value).toBe(false);
    }
    expect(privateNetworksAllowed({})).toBe(false);
  });

  it("refuses anything else, saying what it takes", () => {
    for (const value of ["tru", "2", "enabled-ish"]) {
      expect(
        () => privateNetworksAllowed({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: value }),
        value,
      ).toThrow(
        `WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false (1/0, yes/no and on/off work too), not "${value}".`,
      );
    }
  });
});
