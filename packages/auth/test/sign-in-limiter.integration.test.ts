import { createTestDatabase, createUser } from "@tradeoff/db/testing";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv } from "../src/env";
import { createAuthOptions } from "../src/options";
import { hashPassword } from "../src/password";
import { createSignInLimiter, SIGN_IN_LIMITS } from "../src/sign-in-limiter";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.drop());

describe("sign-in attempt limits (stored in PostgreSQL)", () => {
  it("makes one address wait after 5 failures on an account, for at most 15 minutes", async () => {
    const limiter = createSignInLimiter(database.db);
    for (let i = 0; i < SIGN_IN_LIMITS.accountAndAddress.points - 1; i++) {
      await limiter.recordFailure("ada@example.com", "10.0.0.1");
    }
    expect(await limiter.retryAfter("ada@example.com", "10.0.0.1")).toBe(0);
    await limiter.recordFailure("ada@example.com", "10.0.0.1");
    const wait = await limiter.retryAfter("Ada@Example.com", "10.0.0.1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The real person signing in from elsewhere is not locked out.
    expect(await limiter.retryAfter("ada@example.com", "10.0.0.2")).toBe(0);
    // The counters live in the shared table, so another app instance sees the same block: the
    // same window end, read a moment later, so whole seconds may have ticked down by one.
    const seenElsewhere = await createSignInLimiter(database.db).retryAfter(
      "ada@example.com",
      "10.0.0.1",
    );
    expect(seenElsewhere).toBeLessThanOrEqual(wait);
    expect(seenElsewhere).toBeGreaterThanOrEqual(wait - 1);
    expect(await database.db.rateLimit.count()).toBeGreaterThan(0);
    expect((await database.db.rateLimit.findMany()).map((row) => row.key).join()).not.toContain(
      "ada@example.com",
    );
  });

  it("resets the account-and-address counter after a successful sign-in", async () => {
    const limiter = createSignInLimiter(database.db);
    for (let i = 0; i < 4; i++) await limiter.recordFailure("bob@example.com", "10.0.0.3");
    await limiter.recordSuccess("bob@example.com", "10.0.0.3");
    await limiter.recordFailure("bob@example.com", "10.0.0.3");
    expect(await limiter.retryAfter("bob@example.com", "10.0.0.3")).toBe(0);
  });

  it("blocks one address trying many accounts after 50 failures", async () => {
    const limiter = createSignInLimiter(database.db);
    await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.address.points }, (_, i) =>
        limiter.recordFailure(`victim-${i}@example.com`, "10.9.9.9"),
      ),
    );
    expect(await limiter.retryAfter("someone-new@example.com", "10.9.9.9")).toBeGreaterThan(0);
    expect(await limiter.retryAfter("someone-new@example.com", "10.9.9.10")).toBe(0);
  });

  it("counts an IPv6 host by its /64: changing the rest of the address starts nothing anew", async () => {
    const limiter = createSignInLimiter(database.db);
    const within = (i: number) => `2001:db8:77:1:${i.toString(16)}::${(i * 7).toString(16)}`;
    for (let i = 0; i < SIGN_IN_LIMITS.accountAndAddress.points; i++) {
      await limiter.recordFailure("fay@example.com", within(i));
    }
    expect(await limiter.retryAfter("fay@example.com", within(99))).toBeGreaterThan(0);
    await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.address.points }, (_, i) =>
        limiter.recordFailure(`target-${i}@example.com`, within(1000 + i)),
      ),
    );
    expect(await limiter.retryAfter("someone-else@example.com", within(5000))).toBeGreaterThan(0);
    // The next /64 is another network.
    expect(await limiter.retryAfter("fay@example.com", "2001:db8:77:2::1")).toBe(0);
  });

  it("never locks an account: strangers failing on it from many addresses only pace it", async () => {
    const limiter = createSignInLimiter(database.db);
    // 60 failures from 30 addresses: well past the account's threshold of 20.
    for (let i = 0; i < 60; i++) {
      await limiter.recordFailure("dora@example.com", `198.51.100.${i % 30}`);
    }
    // The owner at a new address waits at most the pace (10 s), never the 15-minute window.
    const wait = await limiter.retryAfter("dora@example.com", "203.0.113.7");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountPace.duration);
    // Once the pace has passed, the attempt is allowed (pace counter expired by hand here).
    await database.db.rateLimit.deleteMany({
      where: { key: { startsWith: "signin-account-pace" } },
    });
    expect(await limiter.retryAfter("dora@example.com", "203.0.113.7")).toBe(0);
    // Other accounts are untouched.
    expect(await limiter.retryAfter("eve@example.com", "203.0.113.7")).toBe(0);
  });
});

describe("credentials sign-in", () => {
  it("puts the account's token version into the session and refuses a blocked account even with the right password", async () => {
    const user = await createUser(database.db, {
      email: "carol@example.com",
      passwordHash: await hashPassword("right-password"),
      tokenVersion: 4,
    });
    const options = createAuthOptions(
      database.db,
      readAuthEnv({ NEXTAUTH_SECRET: "a-test-secret-of-enough-length-0123456789" }),
    );
    const provider = options.providers[0] as CredentialsConfig & {
      options: { authorize: CredentialsConfig["authorize"] };
    };
    const req = { headers: { "x-forwarded-for": "10.1.1.1, 172.16.0.1" } };
    const attempt = (password: string) =>
      provider.options.authorize({ email: "carol@example.com", password }, req as never);

    const ok = await attempt("right-password");
    expect(ok).toMatchObject({ id: user.id, tokenVersion: 4 });
    const token = await options.callbacks?.jwt?.({ token: {}, user: ok as never } as never);
    expect(token).toMatchObject({ sub: user.id, tv: 4 });

    for (let i = 0; i < SIGN_IN_LIMITS.accountAndAddress.points; i++) {
      expect(await attempt("wrong-password")).toBeNull();
    }
    expect(await attempt("right-password")).toBeNull();
  });

  it("issues short-lived sessions with secure cookies behind HTTPS", () => {
    const https = createAuthOptions(
      database.db,
      readAuthEnv({
        NEXTAUTH_SECRET: "x".repeat(32),
        NEXTAUTH_URL: "https://tradeoff.example.com",
      }),
    );
    expect(https.session?.maxAge).toBe(12 * 60 * 60);
    expect(https.useSecureCookies).toBe(true);
    const http = createAuthOptions(
      database.db,
      readAuthEnv({ NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "http://localhost:3000" }),
    );
    expect(http.useSecureCookies).toBe(false);
  });
});
