import { JOB_QUEUES } from "@tradeoff/db/jobs";
import { createTestDatabase, createUser } from "@tradeoff/db/testing";
import type { Adapter } from "next-auth/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv } from "../src/env";
import { createAuthOptions } from "../src/options";
import { hashPassword } from "../src/password";
import { startSignInSession } from "../src/sign-in-sessions";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.drop());

const env = readAuthEnv({
  NEXTAUTH_SECRET: "a-test-secret-of-enough-length-0123456789",
  EMAIL_SERVER: "smtp://127.0.0.1:2525",
  EMAIL_FROM: "tradeoff@example.com",
});
const client = { userAgent: null, address: null };

/** What next-auth does when an emailed sign-in link is opened for an existing account. */
async function openEmailedLink(userId: string) {
  const options = createAuthOptions(database.db, env);
  const adapter = options.adapter as Adapter;
  const user = await adapter.updateUser?.({ id: userId, emailVerified: new Date() });
  const token = (await options.callbacks?.jwt?.({ token: {}, user } as never)) as {
    sid?: string;
    tv?: number;
  };
  return token;
}

const jobsFor = (userId: string) =>
  database.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE name = ${JOB_QUEUES.passwordRemovedEmail} AND data->>'userId' = ${userId}`;

describe("an address proven for the first time by an emailed link", () => {
  it("drops a password set before the address was proven and ends every earlier session and token", async () => {
    // Someone signed up with the address and a password, and signed in with it.
    const squatter = await createUser(database.db, {
      email: "cfo@example.com",
      passwordHash: await hashPassword("Correct-Horse-Battery-42x"),
    });
    const earlier = await startSignInSession(database.db, squatter.id, client, new Date());
    await database.db.personalAccessToken.create({
      data: { userId: squatter.id, name: "cli", tokenHash: "h-cfo", prefix: "tdo_x" },
    });

    // The address's owner opens an emailed sign-in link and lands in that account.
    const session = await openEmailedLink(squatter.id);

    const after = await database.db.user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(after.passwordHash).toBeNull();
    expect(after.emailVerified).not.toBeNull();
    expect(after.tokenVersion).toBe(squatter.tokenVersion + 1);
    // The earlier sign-in is gone; only the one just made by the link remains.
    const sessions = await database.db.signInSession.findMany({ where: { userId: squatter.id } });
    expect(sessions.map((s) => s.id)).toEqual([session.sid]);
    expect(sessions.map((s) => s.id)).not.toContain(earlier);
    expect(session.tv).toBe(after.tokenVersion);
    const tokens = await database.db.personalAccessToken.findMany({
      where: { userId: squatter.id },
    });
    expect(tokens.every((t) => t.revokedAt !== null)).toBe(true);
    // The owner is told by email why the password is gone.
    expect((await jobsFor(squatter.id))[0]?.n).toBe(1);

    // A later emailed link changes nothing more: the address is already proven.
    await database.db.user.update({
      where: { id: squatter.id },
      data: { passwordHash: await hashPassword("Set-By-The-Owner-Later-77") },
    });
    const next = await openEmailedLink(squatter.id);
    const kept = await database.db.user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(kept.passwordHash).not.toBeNull();
    expect(await database.db.signInSession.count({ where: { userId: squatter.id } })).toBe(2);
    expect(next.tv).toBe(after.tokenVersion);
    expect((await jobsFor(squatter.id))[0]?.n).toBe(1);
  });

  it("keeps the sessions of an account whose address was already verified", async () => {
    const owner = await createUser(database.db, {
      email: "proven@example.com",
      emailVerified: new Date(),
      passwordHash: await hashPassword("Correct-Horse-Battery-42x"),
    });
    const earlier = await startSignInSession(database.db, owner.id, client, new Date());
    await openEmailedLink(owner.id);
    const after = await database.db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after.passwordHash).not.toBeNull();
    expect(await database.db.signInSession.count({ where: { id: earlier } })).toBe(1);
    expect((await jobsFor(owner.id))[0]?.n).toBe(0);
  });
});
