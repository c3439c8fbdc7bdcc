import { createAuthOptions, readAuthEnv } from "@tradeoff/auth";
import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

describe("sessions and the token version", () => {
  it("signs out everywhere: every older session is refused on its next request, for every kind of procedure", async () => {
    const user = await createUser(t.db);
    const team = await createTeam(t.db, { ownerId: user.id });
    expect((await t.callerAs(user).member.list({ teamId: team.id })).length).toBe(1);

    await t.callerAs(user).account.signOutEverywhere();

    expect((await trpcError(t.callerAs(user).team.list())).code).toBe("UNAUTHORIZED");
    expect((await trpcError(t.callerAs(user).member.list({ teamId: team.id }))).code).toBe(
      "UNAUTHORIZED",
    );
    // A new sign-in carries the new version and works again.
    const renewed = { ...user, tokenVersion: 1 };
    expect((await t.callerAs(renewed).member.list({ teamId: team.id })).length).toBe(1);
  });

  it("refuses an ended session on project procedures too (the check rides on the membership query)", async () => {
    const user = await createUser(t.db);
    const team = await createTeam(t.db, { ownerId: user.id });
    const project = await t.db.project.create({
      data: { teamId: team.id, number: 1, title: "Which queue?" },
    });
    await t.db.user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
    const error = await trpcError(t.callerAs(user).project.get({ projectId: project.id }));
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a session whose sign-in record is gone on every kind of procedure, the cached read included", async () => {
    const user = await createUser(t.db);
    const team = await createTeam(t.db, { ownerId: user.id });
    const project = await t.db.project.create({
      data: { teamId: team.id, number: 1, title: "Which cache?" },
    });
    const record = await t.db.signInSession.create({ data: { userId: user.id } });
    const session = t.callerAs({ ...user, sessionId: record.id });
    expect((await session.team.list()).length).toBe(1);
    expect((await session.member.list({ teamId: team.id })).length).toBe(1);
    expect((await session.project.get({ projectId: project.id })).id).toBe(project.id);
    await session.project.recommendation({ projectId: project.id }).catch(() => undefined);

    await t.db.signInSession.delete({ where: { id: record.id } });
    const refused = [
      () => session.team.list(),
      () => session.member.list({ teamId: team.id }),
      () => session.project.get({ projectId: project.id }),
      () => session.project.recommendation({ projectId: project.id }),
    ];
    for (const call of refused) expect((await trpcError(call())).code).toBe("UNAUTHORIZED");
    // The token version alone does not keep it alive: it still matches.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(0);
  });

  it("ends the session on the server when its browser signs out: a copied cookie is refused", async () => {
    const user = await createUser(t.db);
    const options = createAuthOptions(
      t.db,
      readAuthEnv({ NEXTAUTH_SECRET: "a-test-secret-of-enough-length-0123456789" }),
    );
    // Signing in, as next-auth's callback does: the JWT names a new sign-in record.
    const token = (await options.callbacks?.jwt?.({
      token: {},
      user: { id: user.id, email: user.email, name: user.name, tokenVersion: 0 },
    } as never)) as { sid?: string };
    const sessionId = token.sid ?? null;
    const copied = t.callerAs({ ...user, sessionId });
    expect((await copied.account.get()).id).toBe(user.id);

    // Signing out, as next-auth's sign-out route does for a JWT session.
    await options.events?.signOut?.({ token } as never);

    expect((await trpcError(copied.account.get())).code).toBe("UNAUTHORIZED");
    expect(await t.db.signInSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("applies a role change on the member's next request, without signing in again", async () => {
    const owner = await createUser(t.db);
    const member = await createUser(t.db);
    const team = await createTeam(t.db, { ownerId: owner.id });
    await addMember(t.db, team.id, member.id, "ADMIN");
    expect(await t.callerAs(member).invitation.list({ teamId: team.id })).toEqual([]);
    await t
      .callerAs(owner)
      .member.changeRole({ teamId: team.id, userId: member.id, role: "VIEWER" });
    expect((await trpcError(t.callerAs(member).invitation.list({ teamId: team.id }))).code).toBe(
      "FORBIDDEN",
    );
  });
});
