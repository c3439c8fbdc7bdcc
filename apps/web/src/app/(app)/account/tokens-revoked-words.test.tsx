import { describe, expect, it } from "vitest";
import { tokensRevokedWords } from "./tokens-revoked-words";

describe("what a new password says of the access tokens it revoked", () => {
  it("says nothing when none was revoked, and counts them when several were", () => {
    expect(tokensRevokedWords(0)).toBe("");
    expect(tokensRevokedWords(1)).toBe(" Your access token was revoked.");
    expect(tokensRevokedWords(3)).toBe(" Your 3 access tokens were revoked.");
  });
});
