import { describe, expect, it } from "vitest";
import { returnPath } from "./return-path";

describe("returnPath", () => {
  it.each([
    ["/t/payments/p/3?tab=history#votes", "/t/payments/p/3?tab=history#votes"],
    ["/invite/abc", "/invite/abc"],
    ["/", "/"],
  ])("keeps the path on this site %s", (value, expected) => {
    expect(returnPath(value)).toBe(expected);
  });

  it.each([
    "//attacker.example/phish",
    "/\\attacker.example/phish",
    "/\t/attacker.example/phish",
    "/\n/attacker.example",
    "\\/attacker.example",
    "https://attacker.example/",
    "javascript:alert(1)",
    "t/payments",
    "",
  ])("sends %j, which leads elsewhere or nowhere, to the home page", (value) => {
    expect(returnPath(value)).toBe("/");
  });

  it("takes only one value", () => {
    expect(returnPath(["/a", "/b"])).toBe("/");
    expect(returnPath(undefined)).toBe("/");
  });
});
