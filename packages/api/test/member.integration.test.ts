import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

/** A team with one user per role. */
async function teamWithRoles() {
  const [owner, admin, member, viewer] = await Promise.all(
    ["Owner", "Admin", "Member", "Viewer"].map((name) => createUser(t.db, { name })),
  );
  if (!owner || !admin || !member || !viewer) throw new Error("users");
  const team = await createTeam(t.db, { ownerId: owner.id });
  await addMember(t.db, team.id, admin.id, "ADMIN");
  await addMember(t.db, team.id, member.id, "MEMBER");
  await addMember(t.db, team.id, viewer.id, "VIEWER");
  return { team, owner, admin, member, viewer };
}

const roleOf = async (teamId: string, userId: string) =>
  (await t.db.membership.findUnique({ where: { teamId_userId: { teamId, userId } } }))?.role;

describe("member.list", () => {
  it("shows every member with their role, owners first, to any member including viewers", async () => {
    const { team, viewer } = await teamWithRoles();
    const members = await t.callerAs(viewer).member.list({ teamId: team.id });
    expect(members.map((m) => m.role)).toEqual(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);
    expect(members[0]).toHaveProperty("email");
    expect(members[0]).not.toHaveProperty("passwordHash");
  });
});

describe("member.changeRole", () => {
  it("lets an admin make a member a viewer, and records who did it", async () => {
    const { team, admin, member } = await teamWithRoles();
    await t
      .callerAs(admin)
      .member.changeRole({ teamId: team.id, userId: member.id, role: "VIEWER" });
    expect(await roleOf(team.id, member.id)).toBe("VIEWER");
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { teamId: team.id, action: "member.role_changed" },
    });
    expect(event).toMatchObject({ actorId: admin.id, subjectId: member.id });
    expect(event.data).toEqual({
      from: "MEMBER",
      to: "VIEWER",
      shareLinksRevoked: 0,
      webhooksDisabled: 0,
      invitationsRevoked: 0,
    });
  });

  it("does not let an admin promote anyone above admin, nor touch an owner", async () => {
    const { team, owner, admin, member } = await teamWithRoles();
    const promote = await trpcError(
      t.callerAs(admin).member.changeRole({ teamId: team.id, userId: member.id, role: "OWNER" }),
    );
    expect(promote.code).toBe("FORBIDDEN");
    expect(promote.message).toMatch(/at most your own role/);
    const demoteOwner = await trpcError(
      t.callerAs(admin).member.changeRole({ teamId: team.id, userId: owner.id, role: "VIEWER" }),
    );
    expect(demoteOwner.code).toBe("FORBIDDEN");
    expect(await roleOf(team.id, member.id)).toBe("MEMBER");
    expect(await roleOf(team.id, owner.id)).toBe("OWNER");
  });

  it("refuses to demote the last owner, and allows it once there is a second owner", async () => {
    const { team, owner, admin } = await teamWithRoles();
    const error = await trpcError(
      t.callerAs(owner).member.changeRole({ teamId: team.id, userId: owner.id, role: "ADMIN" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/at least one owner/);
    await t.callerAs(owner).member.changeRole({ teamId: team.id, userId: admin.id, role: "OWNER" });
    await t.callerAs(owner).member.changeRole({ teamId: team.id, userId: owner.id, role: "ADMIN" });
    expect(await roleOf(team.id, owner.id)).toBe("ADMIN");
    expect(await roleOf(team.id, admin.id)).toBe("OWNER");
  });

  it("never leaves a team without an owner when two owners demote each other at once", async () => {
    const { team, owner, admin } = await teamWithRoles();
    await t.callerAs(owner).member.changeRole({ teamId: team.id, userId: admin.id, role: "OWNER" });
    const results = await Promise.allSettled([
      t.callerAs(owner).member.changeRole({ teamId: team.id, userId: admin.id, role: "MEMBER" }),
      t.callerAs(admin).member.changeRole({ teamId: team.id, userId: owner.id, role: "MEMBER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
  });

  it("lets two admins change the same member at once: the last write wins, both are audited", async () => {
    const { team, owner, admin, member } = await teamWithRoles();
    await Promise.all([
      t.callerAs(admin).member.changeRole({ teamId: team.id, userId: member.id, role: "VIEWER" }),
      t.callerAs(owner).member.changeRole({ teamId: team.id, userId: member.id, role: "ADMIN" }),
    ]);
    const events = await t.db.auditEvent.findMany({
      where: { teamId: team.id, action: "member.role_changed", subjectId: member.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toHaveLength(2);
    const last = events.at(-1)?.data as { to: string };
    expect(await roleOf(team.id, member.id)).toBe(last.to);
  });

  it("rejects a role outside the list and an unknown member, changing nothing", async () => {
    const { team, owner, member } = await teamWithRoles();
    const bad = await trpcError(
      t.callerAs(owner).member.changeRole({
        teamId: team.id,
        userId: member.id,
        role: "SUPERUSER" as "ADMIN",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    const unknown = await trpcError(
      t.callerAs(owner).member.changeRole({ teamId: team.id, userId: "nobody", role: "VIEWER" }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await roleOf(team.id, member.id)).toBe("MEMBER");
    expect(await t.db.auditEvent.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("member.remove", () => {
  it("removes a member, who loses access to the team on their very next request", async () => {
    const { team, admin, member } = await teamWithRoles();
    expect((await t.callerAs(member).member.list({ teamId: team.id })).length).toBe(4);
    await t.callerAs(admin).member.remove({ teamId: team.id, userId: member.id });
    const error = await trpcError(t.callerAs(member).member.list({ teamId: team.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect(
      await t.db.auditEvent.count({ where: { action: "member.removed", subjectId: member.id } }),
    ).toBe(1);
  });

  it("does not let an admin remove an owner, nor anyone remove themselves this way", async () => {
    const { team, owner, admin } = await teamWithRoles();
    expect(
      (await trpcError(t.callerAs(admin).member.remove({ teamId: team.id, userId: owner.id })))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (await trpcError(t.callerAs(admin).member.remove({ teamId: team.id, userId: admin.id })))
        .message,
    ).toMatch(/Leave team/);
    expect(await roleOf(team.id, owner.id)).toBe("OWNER");
  });
});
