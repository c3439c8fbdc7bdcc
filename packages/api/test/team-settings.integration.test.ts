import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { holdRowLock, inTurnBehindLock, itWithLocks, onceBehindLock } from "./row-lock";

const t = useTestDatabase();

async function ownedTeam() {
  const owner = await createUser(t.db, { name: "Owner" });
  const team = await createTeam(t.db, { ownerId: owner.id, name: "Billing" });
  return { owner, team };
}

describe("team.rename", () => {
  it("renames the team for an admin, keeps its address, and records the change", async () => {
    const { owner, team } = await ownedTeam();
    const admin = await createUser(t.db);
    await addMember(t.db, team.id, admin.id, "ADMIN");
    const renamed = await t.callerAs(admin).team.rename({ teamId: team.id, name: "  Payments " });
    expect(renamed).toMatchObject({ name: "Payments", slug: team.slug });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "team.renamed" } });
    expect(event.data).toEqual({ from: "Billing", to: "Payments" });
    expect((await t.callerAs(owner).team.get({ slug: team.slug })).name).toBe("Payments");
  });

  itWithLocks(
    "renamed from two places at once: the audit trail has each step, from one name to the next",
    async () => {
      const { owner, team } = await ownedTeam();
      const busy = await holdRowLock(t.db, "teams", team.id);
      const renames = ["Payments", "Invoicing"].map((name) =>
        t.callerAs(owner).team.rename({ teamId: team.id, name }),
      );
      await busy.waiting(2);
      await busy.release();
      await Promise.all(renames);
      const events = await t.db.auditEvent.findMany({
        where: { teamId: team.id, action: "team.renamed" },
        select: { data: true },
      });
      // Each rename starts from the name the one before it left: Billing, then one, then the other.
      const steps = events.map((e) => e.data as { from: string; to: string });
      const first = steps.find((step) => step.from === "Billing");
      const second = steps.find((step) => step !== first);
      expect(steps).toHaveLength(2);
      expect(second?.from).toBe(first?.to);
      const { name } = await t.db.team.findUniqueOrThrow({ where: { id: team.id } });
      expect(name).toBe(second?.to);
    },
  );

  it("rejects an empty name with a field message and a team id that does not exist", async () => {
    const { owner, team } = await ownedTeam();
    expect(
      (await trpcError(t.callerAs(owner).team.rename({ teamId: team.id, name: " " }))).code,
    ).toBe("BAD_REQUEST");
    expect(
      (await trpcError(t.callerAs(owner).team.rename({ teamId: "no-such-team", name: "X" }))).code,
    ).toBe("NOT_FOUND");
    expect((await t.db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Billing");
  });
});

describe("team.leave", () => {
  it("lets a member leave, and refuses the only owner with what to do instead", async () => {
    const { owner, team } = await ownedTeam();
    const member = await createUser(t.db);
    await addMember(t.db, team.id, member.id, "MEMBER");
    await t.callerAs(member).team.leave({ teamId: team.id });
    expect(await t.callerAs(member).team.list()).toEqual([]);

    const error = await trpcError(t.callerAs(owner).team.leave({ teamId: team.id }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/only owner of Billing.*owner first, or delete the team/);
  });
});

describe("team.transferOwnership", () => {
  it("makes the chosen member the owner and keeps the old owner as an admin", async () => {
    const { owner, team } = await ownedTeam();
    const member = await createUser(t.db);
    await addMember(t.db, team.id, member.id, "MEMBER");
    await t.callerAs(owner).team.transferOwnership({ teamId: team.id, userId: member.id });
    const roles = await t.callerAs(owner).member.list({ teamId: team.id });
    expect(roles.map((m) => [m.id, m.role])).toEqual([
      [member.id, "OWNER"],
      [owner.id, "ADMIN"],
    ]);
    // The former owner can now leave; the team keeps its new owner.
    await t.callerAs(owner).team.leave({ teamId: team.id });
    expect(await t.db.membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
  });
  itWithLocks(
    "hands ownership on once when the owner sends it to two people from two tabs",
    async () => {
      const { owner, team } = await ownedTeam();
      const [first, second] = [await createUser(t.db), await createUser(t.db)];
      await addMember(t.db, team.id, first.id, "MEMBER");
      await addMember(t.db, team.id, second.id, "MEMBER");
      const refused = await onceBehindLock(
        t.db,
        "teams",
        team.id,
        [first, second].map(
          (heir) => () =>
            t.callerAs(owner).team.transferOwnership({ teamId: team.id, userId: heir.id }),
        ),
      );
      expect(refused).toMatchObject({ code: "FORBIDDEN" });
      expect((refused as Error).message).toMatch(/owner role/);
      expect(await t.db.membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
    },
  );

  itWithLocks("refuses a co-owner's transfer sent while another owner demotes them", async () => {
    const { owner, team } = await ownedTeam();
    const coOwner = await createUser(t.db);
    const heir = await createUser(t.db);
    await addMember(t.db, team.id, coOwner.id, "OWNER");
    await addMember(t.db, team.id, heir.id, "MEMBER");
    const [, transfer] = await inTurnBehindLock(
      t.db,
      "teams",
      team.id,
      () =>
        t
          .callerAs(owner)
          .member.changeRole({ teamId: team.id, userId: coOwner.id, role: "MEMBER" }),
      () =>
        trpcError(t.callerAs(coOwner).team.transferOwnership({ teamId: team.id, userId: heir.id })),
    );
    expect(transfer.code).toBe("FORBIDDEN");
    const roles = await t.db.membership.findMany({
      where: { teamId: team.id },
      select: { userId: true, role: true },
    });
    expect(new Map(roles.map((m) => [m.userId, m.role]))).toEqual(
      new Map([
        [owner.id, "OWNER"],
        [coOwner.id, "MEMBER"],
        [heir.id, "MEMBER"],
      ]),
    );
  });
});

describe("team.delete", () => {
  it("needs the team's exact name typed, then deletes the team with everything in it", async () => {
    const { owner, team } = await ownedTeam();
    await t.db.project.create({ data: { teamId: team.id, number: 1, title: "Which queue?" } });
    const wrong = await trpcError(
      t.callerAs(owner).team.delete({ teamId: team.id, confirmation: "billing" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(await t.db.team.count({ where: { id: team.id } })).toBe(1);

    await t.callerAs(owner).team.delete({ teamId: team.id, confirmation: "Billing" });
    expect(await t.db.team.count({ where: { id: team.id } })).toBe(0);
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(0);
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(0);
  });

  itWithLocks(
    "deleted from two tabs at once: one deletes it, the other is told it is gone",
    async () => {
      const { owner, team } = await ownedTeam();
      const refused = await onceBehindLock(
        t.db,
        "teams",
        team.id,
        [1, 2].map(
          () => () => t.callerAs(owner).team.delete({ teamId: team.id, confirmation: "Billing" }),
        ),
      );
      expect(refused).toMatchObject({
        code: "NOT_FOUND",
        message: "Team was not found.",
      });
      expect(await t.db.team.count({ where: { id: team.id } })).toBe(0);
    },
  );

  itWithLocks(
    "deletes the team while someone joins it: the join is told the link no longer works",
    async () => {
      const { owner, team } = await ownedTeam();
      const joiner = await createUser(t.db);
      const { token } = await t.callerAs(owner).invitation.create({ teamId: team.id });
      // The team busy with another change, so the deletion and then the join queue behind it.
      const [deleted, refused] = await inTurnBehindLock(
        t.db,
        "teams",
        team.id,
        () => t.callerAs(owner).team.delete({ teamId: team.id, confirmation: "Billing" }),
        () => trpcError(t.callerAs(joiner).invitation.accept({ token })),
      );
      expect(deleted).toEqual({ id: team.id });
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.message).toMatch(/This invitation link is not valid/);
      expect(await t.db.team.count({ where: { id: team.id } })).toBe(0);
      expect(await t.db.membership.count({ where: { userId: joiner.id } })).toBe(0);
    },
  );
});
