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

    const { items: events, nextCursor } = await t.callerAs(owner).audit.list({ teamId: team.id });
    expect(nextCursor).toBeNull();
    expect(events.map((e) => e.action)).toEqual([
      "member.role_changed",
      "invitation.revoked",
      "invitation.created",
      "team.created",
    ]);
    // A revocation names the invitation it stopped: its address (none for an open link) and role.
    expect(events[1]?.data).toEqual({ invitationId: invitation.id, email: null, role: "MEMBER" });
    expect(events[0]).toMatchObject({
      actor: { name: "Olive" },
      subject: { name: "Max" },
      data: { from: "MEMBER", to: "VIEWER" },
    });
  });

  it("reads a long trail a page at a time, newest first, every entry once", async () => {
    const owner = await createUser(t.db, { name: "Pager" });
    const other = await createUser(t.db, { name: "Elsewhere" });
    const team = await t.callerAs(owner).team.create({ name: "Long trail" });
    const elsewhere = await t.callerAs(other).team.create({ name: "Other trail" });
    for (let i = 0; i < 6; i++) {
      await t.callerAs(owner).invitation.create({ teamId: team.id, email: `p${i}@example.com` });
    }
    const stored = await t.db.auditEvent.findMany({
      where: { teamId: team.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(stored).toHaveLength(7);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await t.callerAs(owner).audit.list({ teamId: team.id, cursor, limit: 3 });
      pages.push(page.items.map((e) => e.id));
      expect(page.total).toBe(7);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(stored.map((e) => e.id));

    // Another team's entry as the cursor shows nothing of that team.
    const [foreign] = (await t.callerAs(other).audit.list({ teamId: elsewhere.id })).items;
    expect(foreign?.action).toBe("team.created");
    const after = await t
      .callerAs(owner)
      .audit.list({ teamId: team.id, cursor: foreign?.id ?? "", limit: 50 });
    expect(after.items.every((e) => stored.some((s) => s.id === e.id))).toBe(true);

    const tooMany = await trpcError(t.callerAs(owner).audit.list({ teamId: team.id, limit: 500 }));
    expect(tooMany.code).toBe("BAD_REQUEST");
    expect(tooMany.message).toContain("Ask for 1 to 200 entries a page.");
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
