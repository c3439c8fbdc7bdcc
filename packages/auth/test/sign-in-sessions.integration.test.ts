import { createTestDatabase, createUser } from "@tradeoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv } from "../src/env";
import { createAuthOptions } from "../src/options";
import {
  describeUserAgent,
  listSignInSessions,
  startSignInSession,
  touchSignInSession,
} from "../src/sign-in-sessions";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.drop());

const env = readAuthEnv({ NEXTAUTH_SECRET: "a-test-secret-of-enough-length-0123456789" });
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

describe("sign-in records", () => {
  it("records each sign-in with its browser and address, and puts its id into the session", async () => {
    const user = await createUser(database.db, { email: "sid@example.com", tokenVersion: 2 });
    const options = createAuthOptions(database.db, env, {
      client: { userAgent: FIREFOX, address: "198.51.100.4" },
    });
    const signIn = () =>
      options.callbacks?.jwt?.({
        token: {},
        user: { id: user.id, email: user.email, name: null, tokenVersion: 2 },
      } as never) as Promise<Record<string, unknown>>;
    const first = await signIn();
    const second = await signIn();
    expect(first).toMatchObject({ sub: user.id, tv: 2 });
    expect(typeof first.sid).toBe("string");
    expect(second.sid).not.toBe(first.sid);

    const sessions = await listSignInSessions(database.db, user.id);
    expect(sessions.map((s) => s.id).sort()).toEqual([first.sid, second.sid].sort());
    expect(sessions[0]).toMatchObject({ userAgent: FIREFOX, address: "198.51.100.4" });
    const recorded = await database.db.signInSession.findMany({ where: { userId: user.id } });
    for (const row of recorded) {
      expect(Date.now() - (row.signedInAt?.getTime() ?? 0)).toBeLessThan(60_000);
    }

    const session = await options.callbacks?.session?.({
      session: { expires: "" },
      token: first,
    } as never);
    expect(session).toMatchObject({ user: { id: user.id, sessionId: first.sid } });
  });

  it("gives a session issued before sign-in records one, unless its token version has moved on", async () => {
    const user = await createUser(database.db, { email: "legacy@example.com", tokenVersion: 1 });
    const options = createAuthOptions(database.db, env);
    const refresh = (tv: number) =>
      options.callbacks?.jwt?.({ token: { sub: user.id, tv } } as never) as Promise<
        Record<string, unknown>
      >;
    expect((await refresh(0)).sid).toBeUndefined();
    const current = await refresh(1);
    expect(typeof current.sid).toBe("string");
    expect(await database.db.signInSession.count({ where: { userId: user.id } })).toBe(1);
    // When it signed in is unknown: the record says so, rather than "just now".
    const record = await database.db.signInSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(record.signedInAt).toBeNull();
  });

  it("raises last seen at most every few minutes, and leaves out sessions idle past their lifetime", async () => {
    const user = await createUser(database.db, { email: "seen@example.com" });
    const id = await startSignInSession(
      database.db,
      user.id,
      { userAgent: null, address: null },
      new Date(),
    );
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await database.db.signInSession.update({ where: { id }, data: { lastSeenAt: old } });
    await touchSignInSession(database.db, id);
    const touched = await database.db.signInSession.findUniqueOrThrow({ where: { id } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(old.getTime());
    // A second use right after writes nothing.
    await database.db.signInSession.update({ where: { id }, data: { lastSeenAt: old } });
    await touchSignInSession(database.db, id);
    expect(
      (await database.db.signInSession.findUniqueOrThrow({ where: { id } })).lastSeenAt,
    ).toEqual(old);

    const idle = await startSignInSession(
      database.db,
      user.id,
      { userAgent: null, address: null },
      new Date(),
    );
    await database.db.signInSession.update({
      where: { id: idle },
      data: { lastSeenAt: new Date(Date.now() - 13 * 60 * 60 * 1000) },
    });
    expect((await listSignInSessions(database.db, user.id)).map((s) => s.id)).toEqual([id]);
    // The next sign-in clears it away.
    await startSignInSession(database.db, user.id, { userAgent: null, address: null }, new Date());
    expect(await database.db.signInSession.findUnique({ where: { id: idle } })).toBeNull();
  });
});

describe("describeUserAgent", () => {
  it.each([
    [FIREFOX, "Firefox on Linux"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1",
      "Chrome on iOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    ["curl/8.5.0", "curl"],
    ["", "Unknown browser"],
    [null, "Unknown browser"],
    ["SomethingElse/1.0", "Unknown browser"],
  ])("%s reads %s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });
});
