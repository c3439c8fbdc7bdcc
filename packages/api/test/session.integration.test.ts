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
