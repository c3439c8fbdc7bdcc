import { describe, expect, it } from "vitest";
import { returnPath, signInPath, signUpPath } from "./return-path";

describe("returnPath", () => {
  it.each([
    ["/t/payments/p/3?tab=history#votes", "/t/payments/p/3?tab=history#votes"],
    ["/invite/abc", "/invite/abc"],
    ["/", "/"],
    ["/t/payments/p/3?from=%2F%2Fmail", "/t/payments/p/3?from=%2F%2Fmail"],
  ])("keeps the path on this site %s", (value, expected) => {
    expect(returnPath(value)).toBe(expected);
  });

  it.each([
    "//attacker.example/phish",
    "/\\attacker.example/phish",
    "/\t/attacker.example/phish",
    "/\n/attacker.example",
    "/%2F%2Fattacker.example/phish",
    "/%2f%5Cattacker.example",
    "/%5C%5Cattacker.example",
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

describe("signInPath", () => {
  it("carries the return path, encoded, unless it is the home page", () => {
    expect(signInPath("/t/payments/p/3?tab=history")).toBe(
      "/sign-in?callbackUrl=%2Ft%2Fpayments%2Fp%2F3%3Ftab%3Dhistory",
    );
    expect(signInPath("/")).toBe("/sign-in");
  });
});

describe("signUpPath", () => {
  it("carries the return path, encoded, unless it is the home page", () => {
    expect(signUpPath("/invite/abc?x=1")).toBe("/sign-up?callbackUrl=%2Finvite%2Fabc%3Fx%3D1");
    expect(signUpPath("/")).toBe("/sign-up");
  });
});
