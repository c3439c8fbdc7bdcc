import { addMember, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();

describe("audit.list", () => {
  it("tells admins who changed membership, roles and invitations, newest first", async () => {
    const owner = await createUser(t.db, { name: "Olive" });
    const member = await createUser(t.db, { name: "Max" });
    const team = await t.callerAs(owner).team.create({ name: "Audited" });
    await addMember(t.db, team.id, member.id, "MEMBER");
    const invitation = await t.callerAs(owner).invitation.create({ teamId: team.id });
    await t.callerAs(owner).invitation.revoke({ teamId: team.id, invitationId: invitation.id });
    await t
      .callerAs(owner)
      .member.changeRole({ teamId: team.id, userId: member.id, role: "VIEWER" });

    const events = await t.callerAs(owner).audit.list({ teamId: team.id });
    expect(events.map((e) => e.action)).toEqual([
      "member.role_changed",
      "invitation.revoked",
      "invitation.created",
      "team.created",
    ]);
    expect(events[0]).toMatchObject({
      actor: { name: "Olive" },
      subject: { name: "Max" },
      data: { from: "MEMBER", to: "VIEWER" },
    });
  });

  it("is for admins and owners only", async () => {
    const owner = await createUser(t.db);
    const member = await createUser(t.db);
    const team = await t.callerAs(owner).team.create({ name: "Private trail" });
    await addMember(t.db, team.id, member.id, "MEMBER");
    expect((await trpcError(t.callerAs(member).audit.list({ teamId: team.id }))).code).toBe(
      "FORBIDDEN",
    );
  });
});
