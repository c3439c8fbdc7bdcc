import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthConfigError, readAuthEnv, requireSecret } from "../src/env";
import { enabledProviders } from "../src/options";
import { decodeSessionToken, encodeSessionToken } from "../src/session-token";

const secret = "a-test-secret-of-enough-length-0123456789";

describe("session tokens", () => {
  it("reads the user from a token signed with the secret", async () => {
    const token = await encode({ token: { sub: "user-1", email: "a@b.dev", name: "Ada" }, secret });
    expect(await decodeSessionToken(token, secret)).toEqual({
      id: "user-1",
      email: "a@b.dev",
      name: "Ada",
      tokenVersion: 0,
      sessionId: null,
    });
  });

  it("carries the sign-in record's id, so the API can refuse a session signed out elsewhere", async () => {
    const token = await encodeSessionToken(
      { id: "user-1", email: "a@b.dev", name: null, sessionId: "session-1" },
      secret,
    );
    expect((await decodeSessionToken(token, secret))?.sessionId).toBe("session-1");
  });

  it("carries the account's token version, so the API can refuse sessions ended elsewhere", async () => {
    const token = await encode({ token: { sub: "user-1", tv: 3 }, secret });
    expect((await decodeSessionToken(token, secret))?.tokenVersion).toBe(3);
  });

  it("treats a token made with another secret, a garbled one, or none as signed out", async () => {
    const foreign = await encode({
      token: { sub: "user-1" },
      secret: "another-secret-entirely-0123456789",
    });
    expect(await decodeSessionToken(foreign, secret)).toBeNull();
    expect(await decodeSessionToken("not.a.jwt", secret)).toBeNull();
    expect(await decodeSessionToken(undefined, secret)).toBeNull();
  });

  it("treats an expired token as signed out", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret, maxAge: -60 }); // past the 15 s clock tolerance
    expect(await decodeSessionToken(token, secret)).toBeNull();
  });
});

describe("decoded tokens kept for the next request", () => {
  afterEach(() => vi.useRealTimers());

  it("stops accepting a token once it expires, even after reading it before", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret, maxAge: 60 });
    expect((await decodeSessionToken(token, secret))?.id).toBe("user-2");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await decodeSessionToken(token, secret)).toBeNull();
  });

  it("does not accept a token read before under another secret", async () => {
    const token = await encode({ token: { sub: "user-3" }, secret, maxAge: 60 });
    expect((await decodeSessionToken(token, secret))?.id).toBe("user-3");
    expect(await decodeSessionToken(token, "another-secret-entirely-0123456789")).toBeNull();
  });
});

describe("authentication settings", () => {
  it("refuses to run without a secret and says how to make one", () => {
    expect(() => requireSecret(readAuthEnv({ NODE_ENV: "production" }))).toThrow(AuthConfigError);
    expect(() => requireSecret(readAuthEnv({ NODE_ENV: "production" }))).toThrow(/openssl rand/);
  });

  it("rejects a malformed NEXTAUTH_URL with a sentence", () => {
    expect(() => readAuthEnv({ NEXTAUTH_URL: "not a url" })).toThrow(
      /NEXTAUTH_URL must be the app.s public address starting with https:\/\/ or http:\/\//,
    );
  });

  it("offers GitHub and magic links only when all their variables are set", () => {
    expect(enabledProviders(readAuthEnv({}))).toEqual({
      credentials: true,
      github: false,
      email: false,
    });
    // Half of a method is refused when the settings are read (test/env.test.ts).
    expect(() => readAuthEnv({ GITHUB_ID: "id" })).toThrow("GITHUB_SECRET is not");
    expect(
      enabledProviders(
        readAuthEnv({
          GITHUB_ID: "id",
          GITHUB_SECRET: "s",
          EMAIL_SERVER: "smtp://x",
          EMAIL_FROM: "a@b.dev",
        }),
      ),
    ).toEqual({ credentials: true, github: true, email: true });
  });
});
