import { createAuthOptions, readAuthEnv } from "@tradeoff/auth";
import { hashPassword, verifyPassword } from "@tradeoff/auth/password";
import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { blankInput, castVote, openProject } from "./project-fixtures";
import { inTurnBehindLock, itWithLocks, onceBehindLock } from "./row-lock";

const t = useTestDatabase();
type Api = ReturnType<typeof t.callerAs>;

async function userWithPassword(password = "old-password-1") {
  return createUser(t.db, { name: "Pat", passwordHash: await hashPassword(password) });
}

/** `user` asks to change old-password-1 to `newPassword`; the call must be refused. */
const refusedChange = (user: Parameters<typeof t.callerAs>[0], newPassword: string) =>
  trpcError(
    t.callerAs(user).account.changePassword({ currentPassword: "old-password-1", newPassword }),
  );

/** Whether `password` is still the one stored for `user`. */
async function passwordStill(user: { id: string }, password: string) {
  const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
  return verifyPassword(password, stored.passwordHash ?? "");
}

const NO_SIGN_IN_RECORD = /no record of when you signed in.*Sign out, sign in again/;

/**
 * `api` sets `user`'s first password: refused as needing a recent sign-in, saying `why`, and no
 * password is stored.
 */
async function expectToSignInAgain(api: Api, user: { id: string }, why: RegExp) {
  const refused = await trpcError(
    api.account.setPassword({ newPassword: "a first passphrase 7731" }),
  );
  expect(refused).toMatchObject({
    code: "PRECONDITION_FAILED",
    message: expect.stringMatching(why),
  });
  const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored.passwordHash).toBeNull();
}

describe("account.changePassword with a weak password", () => {
  it("refuses it with a sentence on the field and keeps the old password", async () => {
    const user = await userWithPassword();
    const error = await refusedChange(user, "password1");
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toMatch(/too easy to guess/);
    expect(await passwordStill(user, "old-password-1")).toBe(true);
  });
});

describe("a new password made of the account's own name or email", () => {
  const owner = { name: "Quillon Whiskerby", email: "quillon.whiskerby@example.com" };
  // Each is strong enough for someone else; for Quillon it is the first thing to try.
  const guesses = ["whiskerbyquillon", "quillon.whiskerby", "Quillon Whiskerby 1"];

  it("is refused by sign-up, a password change and a first password alike", async () => {
    const changing = await createUser(t.db, {
      ...owner,
      passwordHash: await hashPassword("old-password-1"),
    });
    const linked = await createUser(t.db, { ...owner, email: "quillon.whiskerby@example.org" });
    const here = await t.db.signInSession.create({
      data: { userId: linked.id, signedInAt: new Date() },
    });
    for (const password of guesses) {
      const change = await refusedChange(changing, password);
      expect(change.code, password).toBe("BAD_REQUEST");
      expect(JSON.stringify(change.cause), password).toMatch(/newPassword.*too easy to guess/);

      const first = await trpcError(
        t
          .callerAs({ ...linked, sessionId: here.id })
          .account.setPassword({ newPassword: password }),
      );
      expect(JSON.stringify(first.cause), password).toMatch(/newPassword.*too easy to guess/);

      const signUp = await trpcError(t.callerAs(null).auth.signUp({ ...owner, password }));
      expect(JSON.stringify(signUp.cause), password).toMatch(/password.*too easy to guess/);
    }
    expect(await passwordStill(changing, "old-password-1")).toBe(true);
    expect(
      (await t.db.user.findUniqueOrThrow({ where: { id: linked.id } })).passwordHash,
    ).toBeNull();
    expect(await t.db.user.count({ where: { email: owner.email } })).toBe(1);

    // Someone else may choose it.
    const other = await userWithPassword();
    await t
      .callerAs(other)
      .account.changePassword({ currentPassword: "old-password-1", newPassword: guesses[0] ?? "" });
    expect(await passwordStill(other, guesses[0] ?? "")).toBe(true);
  });
});

describe("account.updateName", () => {
  it("changes the name and rejects an empty or over-long one", async () => {
    const user = await userWithPassword();
    expect(await t.callerAs(user).account.updateName({ name: "  Patricia  " })).toMatchObject({
      name: "Patricia",
    });
    for (const name of ["", "x".repeat(81)]) {
      expect((await trpcError(t.callerAs(user).account.updateName({ name }))).code).toBe(
        "BAD_REQUEST",
      );
    }
    expect((await t.callerAs(user).account.get()).name).toBe("Patricia");
  });
});

describe("account.ballotView", () => {
  it("starts as the list, remembers the matrix per member, and refuses an unknown layout", async () => {
    const pat = await userWithPassword();
    const sam = await createUser(t.db, { name: "Sam" });
    expect(await t.callerAs(pat).account.ballotView()).toEqual({ ballotView: "LIST" });
    expect(await t.callerAs(pat).account.setBallotView({ ballotView: "MATRIX" })).toEqual({
      ballotView: "MATRIX",
    });
    expect(await t.callerAs(pat).account.ballotView()).toEqual({ ballotView: "MATRIX" });
    // Another member's choice is their own.
    expect(await t.callerAs(sam).account.ballotView()).toEqual({ ballotView: "LIST" });
    const error = await trpcError(
      t.callerAs(pat).account.setBallotView({ ballotView: "GRID" as "LIST" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toMatch(/Choose the ballot layout/);
    expect(await t.callerAs(pat).account.ballotView()).toEqual({ ballotView: "MATRIX" });
  });
});

describe("current-password checks are limited", () => {
  it("refuses a session's guesses at the current password after 5 wrong ones, the right one too, with the wait", async () => {
    const user = await userWithPassword();
    const here = await t.db.signInSession.create({ data: { userId: user.id } });
    const session = t.callerAs({ ...user, sessionId: here.id });
    const guess = (currentPassword: string) =>
      trpcError(session.account.changePassword({ currentPassword, newPassword: "new-password-1" }));
    for (let i = 0; i < 5; i++) expect((await guess(`guess-${i}`)).code).toBe("BAD_REQUEST");
    const limited = await guess("guess-5");
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Too many wrong passwords\. Try again in 15 minutes\./);
    expect((limited.cause as { retryAfter?: number }).retryAfter).toBeGreaterThan(800);
    // The right password waits too, and nothing changed.
    expect((await guess("old-password-1")).code).toBe("TOO_MANY_REQUESTS");
    expect(await passwordStill(user, "old-password-1")).toBe(true);
    // Deleting the account asks for the same password: held by the same limit.
    const deletion = await trpcError(session.account.delete({ confirmation: "old-password-1" }));
    expect(deletion.code).toBe("TOO_MANY_REQUESTS");
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("paces an account guessed at from many sessions, and leaves other accounts alone", async () => {
    const user = await userWithPassword();
    const bystander = await userWithPassword();
    for (let i = 0; i < 20; i++) {
      const record = await t.db.signInSession.create({ data: { userId: user.id } });
      const error = await trpcError(
        t.callerAs({ ...user, sessionId: record.id }).account.delete({ confirmation: `g-${i}` }),
      );
      expect(error.code).toBe("BAD_REQUEST");
    }
    const fresh = await t.db.signInSession.create({ data: { userId: user.id } });
    const caller = t.callerAs({ ...user, sessionId: fresh.id });
    expect((await trpcError(caller.account.delete({ confirmation: "g-20" }))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    const other = await t.db.signInSession.create({ data: { userId: bystander.id } });
    expect(
      await t.callerAs({ ...bystander, sessionId: other.id }).account.changePassword({
        currentPassword: "old-password-1",
        newPassword: "new-password-1",
      }),
    ).toMatchObject({ signedOut: false });
  });
});

describe("account.setPassword", () => {
  /** An account made by an emailed sign-in link: no password, signed in `minutesAgo`. */
  async function emailLinkAccount(minutesAgo = 1) {
    const user = await createUser(t.db, {
      name: "Robin Linkman",
      email: `robin-${Math.random()}@example.com`,
    });
    const signedInAt = new Date(Date.now() - minutesAgo * 60_000);
    const here = await t.db.signInSession.create({
      data: { userId: user.id, createdAt: signedInAt, signedInAt },
    });
    return { user, here, api: t.callerAs({ ...user, sessionId: here.id }) };
  }

  it("lets an account made by an emailed link set a first password, signing out its other sessions and revoking tokens", async () => {
    const { user, here, api } = await emailLinkAccount();
    expect((await api.account.get()).hasPassword).toBe(false);
    const elsewhere = await t.db.signInSession.create({ data: { userId: user.id } });
    const token = await t.db.personalAccessToken.create({
      data: { userId: user.id, name: "ci", tokenHash: `hash-${user.id}`, prefix: "tro_x" },
    });

    expect(await api.account.setPassword({ newPassword: "a first passphrase 7731" })).toEqual({
      signedOut: false,
      otherSessionsEnded: 1,
      tokensRevoked: 1,
    });
    expect(await passwordStill(user, "a first passphrase 7731")).toBe(true);
    expect((await api.account.get()).hasPassword).toBe(true);
    expect(await t.db.signInSession.findUnique({ where: { id: here.id } })).not.toBeNull();
    const other = t.callerAs({ ...user, sessionId: elsewhere.id });
    expect((await trpcError(other.account.get())).code).toBe("UNAUTHORIZED");
    const revoked = await t.db.personalAccessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(revoked.revokedAt).not.toBeNull();

    // Once set, the password is changed with the current one, never set again.
    const again = await trpcError(
      api.account.setPassword({ newPassword: "another phrase 55 long" }),
    );
    expect(again).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/current password/),
    });
    expect(await passwordStill(user, "a first passphrase 7731")).toBe(true);
  });

  it("sets only one first password when two requests arrive together", async () => {
    const { user, api } = await emailLinkAccount();
    const answers = await Promise.allSettled([
      api.account.setPassword({ newPassword: "first of two phrases 1" }),
      api.account.setPassword({ newPassword: "second of two phrases 2" }),
    ]);
    const kept = answers.filter((a) => a.status === "fulfilled");
    expect(kept).toHaveLength(1);
    const refused = answers.find((a) => a.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "CONFLICT" });
    const first = await passwordStill(user, "first of two phrases 1");
    const second = await passwordStill(user, "second of two phrases 2");
    expect([first, second].filter(Boolean)).toHaveLength(1);
    // The password kept is the one whose request was answered with success.
    expect(first).toBe(answers[0].status === "fulfilled");
  });

  it("keeps access tokens working when the member chooses to", async () => {
    const { user, api } = await emailLinkAccount();
    const token = await t.db.personalAccessToken.create({
      data: { userId: user.id, name: "ci", tokenHash: `hash-${user.id}`, prefix: "tro_x" },
    });
    expect(
      await api.account.setPassword({ newPassword: "a first passphrase 7731", keepTokens: true }),
    ).toMatchObject({ tokensRevoked: 0 });
    const kept = await t.db.personalAccessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(kept.revokedAt).toBeNull();
  });

  it("asks a session that signed in more than 10 minutes ago, or without a sign-in record, to sign in again", async () => {
    const { user, api } = await emailLinkAccount(11);
    await expectToSignInAgain(
      api,
      user,
      /within 10 minutes of signing in\. Sign out, sign in again/,
    );
    await expectToSignInAgain(t.callerAs(user), user, NO_SIGN_IN_RECORD);
  });

  it("does not count a session older than sign-in records as a recent sign-in, though it got a record just now", async () => {
    const user = await createUser(t.db, { name: "Lee Legacy", email: "lee.legacy@example.com" });
    // A browser signed in before sign-in records were kept refreshes its session: it carries the
    // account's token version and gets a record now, with no sign-in behind it.
    const options = createAuthOptions(t.db, readAuthEnv({ NEXTAUTH_SECRET: "x".repeat(40) }));
    const refreshed = (await options.callbacks?.jwt?.({
      token: { sub: user.id, tv: 0 },
    } as never)) as {
      sid?: string;
    };
    expect(typeof refreshed.sid).toBe("string");
    const api = t.callerAs({ ...user, sessionId: refreshed.sid ?? null });
    await expectToSignInAgain(api, user, NO_SIGN_IN_RECORD);
  });

  it("holds the password to the sign-up rules, counting refusals against the password-check limits", async () => {
    const { user, api } = await emailLinkAccount();
    const short = await trpcError(api.account.setPassword({ newPassword: "short" }));
    expect(short.code).toBe("BAD_REQUEST");
    // The person's own name is easy to guess, as on sign-up.
    const named = await trpcError(api.account.setPassword({ newPassword: "RobinLinkman" }));
    expect(named.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(named.cause)).toMatch(/newPassword/);
    for (let i = 0; i < 4; i++) {
      expect((await trpcError(api.account.setPassword({ newPassword: "password1" }))).code).toBe(
        "BAD_REQUEST",
      );
    }
    const limited = await trpcError(
      api.account.setPassword({ newPassword: "a first passphrase 7731" }),
    );
    expect(limited).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^Too many attempts to set a password\./),
    });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBeNull();
  });

  it("cannot be called with an access token", async () => {
    const { user, here } = await emailLinkAccount();
    const asToken = t.callerAs({ ...user, sessionId: here.id }, { credential: "token" });
    const refused = await trpcError(
      asToken.account.setPassword({ newPassword: "a first passphrase 7731" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });
});

describe("account.changePassword", () => {
  it("needs the current password, then signs out every other session and revokes tokens, keeping this one", async () => {
    const user = await userWithPassword();
    const here = await t.db.signInSession.create({ data: { userId: user.id } });
    const elsewhere = await t.db.signInSession.create({ data: { userId: user.id } });
    const token = await t.db.personalAccessToken.create({
      data: { userId: user.id, name: "ci", tokenHash: `hash-${user.id}`, prefix: "tro_x" },
    });
    const wrong = await trpcError(
      t.callerAs({ ...user, sessionId: here.id }).account.changePassword({
        currentPassword: "nope",
        newPassword: "new-password-1",
      }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(await t.db.signInSession.count({ where: { userId: user.id } })).toBe(2);

    expect(
      await t.callerAs({ ...user, sessionId: here.id }).account.changePassword({
        currentPassword: "old-password-1",
        newPassword: "new-password-1",
      }),
    ).toEqual({ signedOut: false, otherSessionsEnded: 1, tokensRevoked: 1 });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("new-password-1", stored.passwordHash ?? "")).toBe(true);
    // This session goes on; the other one, and a session older than sign-in records, do not.
    expect((await t.callerAs({ ...user, sessionId: here.id }).account.get()).id).toBe(user.id);
    const other = t.callerAs({ ...user, sessionId: elsewhere.id });
    expect((await trpcError(other.account.get())).code).toBe("UNAUTHORIZED");
    expect((await trpcError(t.callerAs(user).account.get())).code).toBe("UNAUTHORIZED");
    const revoked = await t.db.personalAccessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("keeps access tokens working when the member chooses to", async () => {
    const user = await userWithPassword();
    const here = await t.db.signInSession.create({ data: { userId: user.id } });
    const token = await t.db.personalAccessToken.create({
      data: { userId: user.id, name: "ci", tokenHash: `hash-${user.id}`, prefix: "tro_x" },
    });
    const result = await t.callerAs({ ...user, sessionId: here.id }).account.changePassword({
      currentPassword: "old-password-1",
      newPassword: "new-password-1",
      keepTokens: true,
    });
    expect(result).toMatchObject({ signedOut: false, tokensRevoked: 0 });
    const kept = await t.db.personalAccessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(kept.revokedAt).toBeNull();
  });

  it("signs out a session older than sign-in records, this one included", async () => {
    const user = await userWithPassword();
    expect(
      await t.callerAs(user).account.changePassword({
        currentPassword: "old-password-1",
        newPassword: "new-password-1",
      }),
    ).toMatchObject({ signedOut: true });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.tokenVersion).toBe(1);
    expect((await trpcError(t.callerAs(user).account.get())).code).toBe("UNAUTHORIZED");
    expect((await t.callerAs({ ...user, tokenVersion: 1 }).account.get()).id).toBe(user.id);
  });

  it("refuses a new password shorter than 8 characters, keeping the old one", async () => {
    const user = await userWithPassword();
    const error = await refusedChange(user, "short");
    expect(error.code).toBe("BAD_REQUEST");
    expect(await passwordStill(user, "old-password-1")).toBe(true);
  });
});

describe("account.delete", () => {
  it("is refused while the user is a team's only owner, naming the team", async () => {
    const user = await userWithPassword();
    await createTeam(t.db, { ownerId: user.id, name: "Lonely Team" });
    const error = await trpcError(
      t.callerAs(user).account.delete({ confirmation: "old-password-1" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/only owner of Lonely Team/);
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("needs the password, then removes the user from every team", async () => {
    const user = await userWithPassword();
    const owner = await createUser(t.db);
    const team = await createTeam(t.db, { ownerId: owner.id });
    await addMember(t.db, team.id, user.id, "ADMIN");
    const link = await t.callerAs(user).invitation.create({ teamId: team.id, role: "ADMIN" });
    expect((await trpcError(t.callerAs(user).account.delete({ confirmation: "wrong" }))).code).toBe(
      "BAD_REQUEST",
    );
    await t.callerAs(user).account.delete({ confirmation: "old-password-1" });
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(0);
    // The links the account handed out go with it.
    expect((await t.callerAs(null).invitation.preview({ token: link.token })).status).toBe(
      "revoked",
    );
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { teamId: team.id, action: "member.left" } })).toBe(
      1,
    );
    // A session of the deleted account is signed out.
    expect((await trpcError(t.callerAs(user).team.list())).code).toBe("UNAUTHORIZED");
  });
  itWithLocks(
    "lets only one of a team's two owners go when both delete their accounts at once",
    async () => {
      const first = await userWithPassword();
      const second = await userWithPassword();
      const member = await createUser(t.db);
      const team = await createTeam(t.db, { ownerId: first.id, name: "Two Owners" });
      await addMember(t.db, team.id, second.id, "OWNER");
      await addMember(t.db, team.id, member.id, "MEMBER");
      // The team busy with a change of its own (an import, a role change) while both ask.
      const refused = await onceBehindLock(
        t.db,
        "teams",
        team.id,
        [first, second].map(
          (owner) => () => t.callerAs(owner).account.delete({ confirmation: "old-password-1" }),
        ),
      );
      expect(refused).toMatchObject({ code: "CONFLICT" });
      expect((refused as Error).message).toMatch(/only owner of Two Owners/);
      expect(await t.db.membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
    },
  );
});

describe("deleting an account (or a sample's fictional teammates)", () => {
  it("finds the person's draft edits by index, not by reading every edit of every draft", async () => {
    // The statement PostgreSQL runs for the ON DELETE SET NULL of record_draft_updates.author_id
    // once per deleted user. Sequential scans are priced out, so only an index keeps it off them.
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN UPDATE ONLY record_draft_updates SET author_id = NULL WHERE author_id = ${"someone"}`;
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).not.toMatch(/Seq Scan/);
    expect(text).toMatch(/record_draft_updates_author_id_idx/);
  });
});

describe("deleting an account while a decision it voted on changes", () => {
  itWithLocks(
    "lets both go through: the decision is closed and the account deleted, neither waiting on the other",
    async () => {
      const owner = await createUser(t.db, { name: "Olga Owner" });
      const leaving = await userWithPassword();
      const team = await createTeam(t.db, { ownerId: owner.id, name: "Closing Time" });
      await addMember(t.db, team.id, leaving.id, "MEMBER");
      const projectId = await openProject({ api: t.callerAs(owner) }, blankInput(team.id));
      // The member's vote is in the decision's history, which the deletion clears their name
      // from (raising the decision's version, so under its row lock).
      await castVote({ api: t.callerAs(leaving) }, projectId, "ops", {
        weight: 3,
        scores: { kafka: 4, sqs: 2 },
      });
      // The decision busy (a vote being counted) while the close, then the deletion, arrive:
      // the close gets the decision first, and its history entry and notifications then need
      // the team, which the deletion holds while it waits for the decision.
      // Both go through: neither is refused.
      await inTurnBehindLock(
        t.db,
        "projects",
        projectId,
        () => t.callerAs(owner).project.close({ projectId }),
        () => t.callerAs(leaving).account.delete({ confirmation: "old-password-1" }),
      );
      expect(await t.db.user.count({ where: { id: leaving.id } })).toBe(0);
      const project = await t.db.project.findUniqueOrThrow({ where: { id: projectId } });
      expect(project.status).toBe("DECIDED");
    },
  );
});

describe("account sessions", () => {
  it("lists where the member is signed in, marks this device, and signs one out at once", async () => {
    const user = await userWithPassword();
    const stranger = await userWithPassword();
    const here = await t.db.signInSession.create({
      data: {
        userId: user.id,
        userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        address: "198.51.100.7",
      },
    });
    const phone = await t.db.signInSession.create({
      data: {
        userId: user.id,
        userAgent:
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
        address: "203.0.113.9",
      },
    });
    await t.db.signInSession.create({ data: { userId: stranger.id } });
    const me = t.callerAs({ ...user, sessionId: here.id });

    const listed = await me.account.sessions();
    expect(
      listed.map(({ id, device, address, current }) => ({ id, device, address, current })),
    ).toEqual(
      expect.arrayContaining([
        { id: here.id, device: "Firefox on Linux", address: "198.51.100.7", current: true },
        { id: phone.id, device: "Chrome on Android", address: "203.0.113.9", current: false },
      ]),
    );
    expect(listed).toHaveLength(2);

    const onPhone = t.callerAs({ ...user, sessionId: phone.id });
    expect((await onPhone.account.get()).id).toBe(user.id);
    expect(await me.account.endSession({ id: phone.id })).toEqual({ ended: true });
    expect((await trpcError(onPhone.account.get())).code).toBe("UNAUTHORIZED");
    // Ending it again, or someone else's session, says it is not there.
    expect((await trpcError(me.account.endSession({ id: phone.id }))).code).toBe("NOT_FOUND");
    expect((await me.account.get()).id).toBe(user.id);
  });

  it("signs out every other session, keeping this one", async () => {
    const user = await userWithPassword();
    const here = await t.db.signInSession.create({ data: { userId: user.id } });
    const others = await Promise.all(
      [1, 2].map(() => t.db.signInSession.create({ data: { userId: user.id } })),
    );
    const me = t.callerAs({ ...user, sessionId: here.id });
    expect(await me.account.endOtherSessions()).toEqual({ ended: 2 });
    expect((await me.account.sessions()).map((s) => s.id)).toEqual([here.id]);
    for (const other of others) {
      const caller = t.callerAs({ ...user, sessionId: other.id });
      expect((await trpcError(caller.account.get())).code).toBe("UNAUTHORIZED");
    }
  });

  it("cannot be listed or ended with an access token", async () => {
    const user = await userWithPassword();
    const asToken = t.callerAs(user, { credential: "token" });
    expect((await trpcError(asToken.account.sessions())).code).toBe("FORBIDDEN");
    expect((await trpcError(asToken.account.endOtherSessions())).code).toBe("FORBIDDEN");
  });

  it("signing out everywhere ends every session, this one included", async () => {
    const user = await userWithPassword();
    const here = await t.db.signInSession.create({ data: { userId: user.id } });
    const me = t.callerAs({ ...user, sessionId: here.id });
    await me.account.signOutEverywhere();
    expect((await trpcError(me.account.get())).code).toBe("UNAUTHORIZED");
    expect(await t.db.signInSession.count({ where: { userId: user.id } })).toBe(0);
  });
});
