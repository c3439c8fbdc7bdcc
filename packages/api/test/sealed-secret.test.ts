import { describe, expect, it } from "vitest";
import { SealedSecretUnreadableError, seal, unseal } from "../src/domain/sealed-secret";

const APP_SECRET = "a-long-enough-app-secret-for-the-tests";

describe("sealed secrets", () => {
  it("opens what it sealed, and each sealing differs (a fresh IV)", () => {
    const first = seal("invitationToken", "token-123", APP_SECRET);
    const second = seal("invitationToken", "token-123", APP_SECRET);
    expect(first).not.toBe(second);
    expect(first).not.toContain("token-123");
    expect(unseal("invitationToken", first, APP_SECRET)).toBe("token-123");
    expect(unseal("invitationToken", second, APP_SECRET)).toBe("token-123");
  });

  it("never opens a value sealed for another purpose", () => {
    const sealed = seal("webhookSecret", "whsec_abc", APP_SECRET);
    expect(() => unseal("invitationToken", sealed, APP_SECRET)).toThrow(
      SealedSecretUnreadableError,
    );
    expect(unseal("webhookSecret", sealed, APP_SECRET)).toBe("whsec_abc");
  });

  it("refuses another app secret, a tampered value and an unknown format, saying why", () => {
    const sealed = seal("webhookSecret", "whsec_abc", APP_SECRET);
    expect(() => unseal("webhookSecret", sealed, "another-app-secret")).toThrow(
      /cannot be decrypted with this NEXTAUTH_SECRET/,
    );
    const parts = sealed.split(".");
    const data = Buffer.from(parts[3] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString("base64url");
    expect(() => unseal("webhookSecret", parts.join("."), APP_SECRET)).toThrow(
      SealedSecretUnreadableError,
    );
    expect(() => unseal("webhookSecret", "plain-text", APP_SECRET)).toThrow(/not in a known/);
  });
});
