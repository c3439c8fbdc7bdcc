import { verifyPassword } from "@tradeoff/auth/password";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

/** The error as the client receives it, with its field-level messages. */
function shapeOf(error: Parameters<typeof getErrorShape>[0]["error"]) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: "auth.signUp",
    input: undefined,
    ctx: undefined,
  });
}

describe("auth.signUp", () => {
  it("creates an account with a lowercased email and a scrypt hash, never the password", async () => {
    const user = await t.callerAs(null).auth.signUp({
      name: "Ada Lovelace",
      email: "  Ada@Example.COM ",
      password: "correct horse battery",
    });
    expect(user.email).toBe("ada@example.com");
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword("correct horse battery", stored.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword("wrong password", stored.passwordHash ?? "")).toBe(false);
  });

  it("refuses an email already used, with a message on the email field, and creates nothing", async () => {
    const before = await t.db.user.count();
    const error = await trpcError(
      t
        .callerAs(null)
        .auth.signUp({ name: "Other", email: "ada@example.com", password: "another-password" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(shapeOf(error).data.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await t.db.user.count()).toBe(before);
  });

  it("refuses a malformed email and a short password with field messages, creating nothing", async () => {
    const before = await t.db.user.count();
    const error = await trpcError(
      t.callerAs(null).auth.signUp({ name: "Bob", email: "not-an-email", password: "short" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const fields = shapeOf(error).data.fieldErrors;
    expect(fields?.email?.[0]).toMatch(/valid email/);
    expect(fields?.password?.[0]).toMatch(/at least 8 characters/);
    expect(await t.db.user.count()).toBe(before);
  });

  it("refuses an easily guessed password, saying why and how to choose one, and creates nothing", async () => {
    const before = await t.db.user.count();
    for (const password of ["password", "password123", "qwertyuiop"]) {
      const error = await trpcError(
        t
          .callerAs(null)
          .auth.signUp({ name: "Daniel Kim", email: "daniel.kim@example.com", password }),
      );
      expect(error.code, password).toBe("BAD_REQUEST");
      const message = shapeOf(error).data.fieldErrors?.password?.[0];
      expect(message, password).toMatch(
        /too easy to guess\..*passphrase of three or four unrelated words/,
      );
    }
    expect(await t.db.user.count()).toBe(before);
  });

  it("lets only one of two racing sign-ups for the same email through", async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        t.callerAs(null).auth.signUp({
          name: `Racer ${n}`,
          email: "race@example.com",
          password: "plum copper lantern 57",
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });
});

describe("auth.me", () => {
  it("answers UNAUTHORIZED to a signed-out caller", async () => {
    const error = await trpcError(t.callerAs(null).auth.me());
    expect(error.code).toBe("UNAUTHORIZED");
  });
});
