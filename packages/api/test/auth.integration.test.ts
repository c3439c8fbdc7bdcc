import { createSignUpLimiter } from "@tradeoff/auth/attempt-limiter";
import { hashPassword, verifyPassword } from "@tradeoff/auth/password";
import { JOB_QUEUES, jobId } from "@tradeoff/db/jobs";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "../src/errors";
import { SIGN_UP_ANSWER, signUp } from "../src/services/user/sign-up";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

/** The field-level messages the client receives, read from the error's public cause. */
function fieldErrorsOf(error: TRPCError): Record<string, string[] | undefined> {
  if (error.cause instanceof z.ZodError) return z.flattenError(error.cause).fieldErrors;
  if (error.cause instanceof DomainError) return error.cause.fieldErrors ?? {};
  return {};
}

/** Sign-up attempt emails waiting in the job queue for `userId` (the queue's own table). */
async function emailJobs(queue: string, userId: string) {
  return t.db.$queryRaw<{ id: string; data: { userId: string } }[]>`
    SELECT id::text, data FROM pgboss.job
    WHERE name = ${queue} AND data->>'userId' = ${userId}`;
}
const attemptEmailJobs = (userId: string) => emailJobs(JOB_QUEUES.signUpAttemptEmail, userId);

describe("auth.signUp", () => {
  it("creates an account with a lowercased email and a scrypt hash, never the password", async () => {
    const answer = await t.callerAs(null).auth.signUp({
      name: "Ada Lovelace",
      email: "  Ada@Example.COM ",
      password: "correct horse battery",
    });
    expect(answer).toEqual(SIGN_UP_ANSWER);
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.name).toBe("Ada Lovelace");
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword("correct horse battery", stored.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword("wrong password", stored.passwordHash ?? "")).toBe(false);
  });

  it("answers an email already used exactly as a new one, changes nothing and queues one email to its owner", async () => {
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    const before = await t.db.user.count();
    const fresh = await t.callerAs(null).auth.signUp({
      name: "Newcomer",
      email: "newcomer@example.com",
      password: "tin violet harbour 8",
    });
    const taken = await t
      .callerAs(null)
      .auth.signUp({ name: "Other", email: "ADA@example.com", password: "another-password 42" });
    // The same answer, field for field, whatever the email.
    expect(JSON.stringify(taken)).toBe(JSON.stringify(fresh));
    expect(await t.db.user.count()).toBe(before + 1);
    const unchanged = await t.db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(unchanged).toEqual(owner);
    expect(await verifyPassword("correct horse battery", unchanged.passwordHash ?? "")).toBe(true);

    // The owner is told once (per hour), however often someone tries.
    await t
      .callerAs(null)
      .auth.signUp({ name: "Again", email: "ada@example.com", password: "another-password 42" });
    const jobs = await attemptEmailJobs(owner.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data).toEqual({ userId: owner.id });
    const newcomer = await t.db.user.findUniqueOrThrow({
      where: { email: "newcomer@example.com" },
    });
    expect(await attemptEmailJobs(newcomer.id)).toEqual([]);
    // The new address is sent its own email (a link to sign in); the owner got theirs when
    // they signed up (the first test), and no other for the attempts.
    expect(await emailJobs(JOB_QUEUES.welcomeEmail, newcomer.id)).toHaveLength(1);
    expect(await emailJobs(JOB_QUEUES.welcomeEmail, owner.id)).toHaveLength(1);
  });

  it("hashes the password on both paths, so the answer takes as long for a used email as for a new one", async () => {
    const hashed: string[] = [];
    const countingHash = async (plain: string) => {
      hashed.push(plain);
      return hashPassword(plain);
    };
    const answers = [
      await signUp(
        t.db,
        { name: "Timer", email: "timing@example.com", password: "maple quartz river 31" },
        countingHash,
      ),
      await signUp(
        t.db,
        { name: "Timer", email: "timing@example.com", password: "cobalt fern ladder 77" },
        countingHash,
      ),
    ];
    expect(answers[1]).toEqual(answers[0]);
    // The same scrypt work for the used email as for the new one: no early return to time.
    expect(hashed).toEqual(["maple quartz river 31", "cobalt fern ladder 77"]);
    expect(await t.db.user.count({ where: { email: "timing@example.com" } })).toBe(1);
  });

  it("queues the owner's email inside the sign-up: a job id derived from the account and the hour", async () => {
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: "newcomer@example.com" } });
    const at = new Date("2026-01-05T10:15:00Z");
    await signUp(
      t.db,
      { name: "Someone", email: "newcomer@example.com", password: "slate meadow piano 6" },
      hashPassword,
      () => at,
    );
    const window = String(Math.floor(at.getTime() / 3_600_000));
    const [job, ...more] = await attemptEmailJobs(owner.id);
    expect(more).toEqual([]);
    expect(job?.id).toBe(jobId(JOB_QUEUES.signUpAttemptEmail, owner.id, window));
  });

  it("refuses a malformed email and a short password with field messages, creating nothing", async () => {
    const before = await t.db.user.count();
    const error = await trpcError(
      t.callerAs(null).auth.signUp({ name: "Bob", email: "not-an-email", password: "short" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const fields = fieldErrorsOf(error);
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
      const message = fieldErrorsOf(error).password?.[0];
      expect(message, password).toMatch(
        /too easy to guess\..*passphrase of three or four unrelated words/,
      );
    }
    expect(await t.db.user.count()).toBe(before);
  });

  it("creates one account for racing sign-ups with the same email, answering each the same", async () => {
    const attempts = await Promise.all(
      [1, 2, 3].map((n) =>
        t.callerAs(null).auth.signUp({
          name: `Racer ${n}`,
          email: "race@example.com",
          password: "plum copper lantern 57",
        }),
      ),
    );
    expect(attempts).toEqual([SIGN_UP_ANSWER, SIGN_UP_ANSWER, SIGN_UP_ANSWER]);
    expect(await t.db.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });
});

describe("auth.signUp limits", () => {
  it("refuses sign-ups past the limit from one address with 429 and the wait, hashing nothing; other addresses go on", async () => {
    const limiter = createSignUpLimiter(t.db, 3);
    const from = (clientAddress: string) =>
      t.callerAs(null, { clientAddress, signUpLimiter: limiter });
    const signUpAs = (address: string, i: number) =>
      from(address).auth.signUp({
        name: `Flood ${i}`,
        email: `flood-${address}-${i}@example.com`,
        password: "tin violet harbour 8",
      });
    for (let i = 0; i < 3; i++) {
      expect(await signUpAs("198.51.100.7", i)).toEqual(SIGN_UP_ANSWER);
    }
    const before = await t.db.user.count();
    const refused = await trpcError(signUpAs("198.51.100.7", 3));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(
      /^Too many sign-ups from your network address\. Try again in (60|59) minutes\.$/,
    );
    expect(await t.db.user.count()).toBe(before);
    // Another address is not held by this one's attempts.
    expect(await signUpAs("203.0.113.5", 0)).toEqual(SIGN_UP_ANSWER);
    expect(await t.db.user.count()).toBe(before + 1);
  });

  it("counts an IPv6 host by its /64: a new address in the same network is still held", async () => {
    const limiter = createSignUpLimiter(t.db, 3);
    const signUpFrom = (clientAddress: string, i: number) =>
      t.callerAs(null, { clientAddress, signUpLimiter: limiter }).auth.signUp({
        name: `Rotating ${i}`,
        email: `rotating-${i}@example.com`,
        password: "tin violet harbour 8",
      });
    for (let i = 0; i < 3; i++) {
      expect(await signUpFrom(`2001:db8:5:6::${i + 1}`, i)).toEqual(SIGN_UP_ANSWER);
    }
    const refused = await trpcError(signUpFrom("2001:db8:5:6:abcd:1234:5678:9", 3));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(await signUpFrom("2001:db8:5:7::1", 4)).toEqual(SIGN_UP_ANSWER);
  });
});

describe("auth.me", () => {
  it("answers UNAUTHORIZED to a signed-out caller", async () => {
    const error = await trpcError(t.callerAs(null).auth.me());
    expect(error.code).toBe("UNAUTHORIZED");
  });
});
