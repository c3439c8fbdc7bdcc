import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { at, blankInput, teamWith } from "./project-fixtures";
import { inTurnBehindLock, itWithLocks } from "./row-lock";

// Webhooks here are saved, never delivered to: their addresses are not checked as at delivery.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

const t = useTestDatabase();

/**
 * A webhook sends the team's events to an address its creator chose. Once the creator leaves
 * the team or loses the admin role, it is turned off: kept with its delivery log, saying why,
 * for another admin to turn back on.
 */
async function adminWithWebhook(roles: Parameters<typeof teamWith>[1] = ["ADMIN"]) {
  const setup = await teamWith(t, roles);
  const admin = at(setup.people, 1);
  const { webhook } = await admin.api.webhook.create({
    teamId: setup.team.id,
    url: "https://hooks.example.com/theirs",
    events: ["project.opened", "decision.recorded", "project.closed"],
    format: "JSON",
  });
  const ownersHook = await setup.owner.api.webhook.create({
    teamId: setup.team.id,
    url: "https://hooks.example.com/owners",
    events: ["project.opened"],
    format: "JSON",
  });
  /** Opens a decision: each enabled webhook gets a delivery of `project.opened`. */
  const openDecision = async () => {
    const project = await setup.owner.api.project.create(blankInput(setup.team.id));
    await setup.owner.api.project.open({ projectId: project.id });
  };
  const deliveriesOf = (webhookId: string) => t.db.webhookDelivery.count({ where: { webhookId } });
  const stored = () => t.db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
  /**
   * What the admin's `request` is told when the owner's `change` to the admin (removing them, or
   * making them a member) waits for the team's row ahead of it and commits first.
   */
  const refusedAfter = async (
    change: "removed" | "made a member",
    request: () => Promise<unknown>,
  ) => {
    const member = { teamId: setup.team.id, userId: admin.id };
    const [, refused] = await inTurnBehindLock(
      t.db,
      "teams",
      setup.team.id,
      () =>
        change === "removed"
          ? setup.owner.api.member.remove(member)
          : setup.owner.api.member.changeRole({ ...member, role: "MEMBER" }),
      () => trpcError(request()),
    );
    return refused;
  };
  return {
    ...setup,
    admin,
    webhook,
    ownersHook: ownersHook.webhook,
    openDecision,
    deliveriesOf,
    stored,
    refusedAfter,
  };
}

describe("webhooks of an admin who leaves or is demoted", () => {
  it("are turned off when the admin is removed, keep their log, and another admin turns them back on", async () => {
    const s = await adminWithWebhook();
    await s.openDecision();
    expect(await s.deliveriesOf(s.webhook.id)).toBe(1);

    const removed = await s.owner.api.member.remove({ teamId: s.team.id, userId: s.admin.id });
    // The answer says how many of their webhooks were turned off, for the page to say so.
    expect(removed).toEqual({
      userId: s.admin.id,
      shareLinksRevoked: 0,
      webhooksDisabled: 1,
      invitationsRevoked: 0,
    });
    const off = await s.stored();
    expect(off.enabled).toBe(false);
    expect(off.disabledReason).toMatch(
      /^Turned off on \S+: admin 1, who created it, was removed from the team\. Another admin can turn it back on after checking where it sends\.$/,
    );
    // The settings page lists it, off and saying why; its earlier delivery is still logged.
    const listed = await s.owner.api.webhook.list({ teamId: s.team.id });
    expect(listed.find((w) => w.id === s.webhook.id)).toMatchObject({
      enabled: false,
      disabledReason: off.disabledReason,
    });
    const [event] = (await s.owner.api.audit.list({ teamId: s.team.id })).items;
    expect(event).toMatchObject({
      action: "member.removed",
      subject: { id: s.admin.id },
      data: { role: "ADMIN", shareLinksRevoked: 0, webhooksDisabled: 1, invitationsRevoked: 0 },
    });

    // The team's next event goes to the owner's webhook only.
    await s.openDecision();
    expect(await s.deliveriesOf(s.webhook.id)).toBe(1);
    expect(await s.deliveriesOf(s.ownersHook.id)).toBe(2);

    await s.owner.api.webhook.update({ teamId: s.team.id, webhookId: s.webhook.id, enabled: true });
    expect(await s.stored()).toMatchObject({ enabled: true, disabledReason: null });
    await s.openDecision();
    expect(await s.deliveriesOf(s.webhook.id)).toBe(2);
  });

  it("are turned off when the admin leaves on their own, or deletes the account", async () => {
    const s = await adminWithWebhook(["ADMIN", "ADMIN"]);
    const deleting = at(s.people, 2);
    const { webhook: deletersHook } = await deleting.api.webhook.create({
      teamId: s.team.id,
      url: "https://hooks.example.com/deleters",
      events: ["project.opened"],
      format: "SLACK",
    });
    await s.admin.api.team.leave({ teamId: s.team.id });
    // An account without a password is deleted by typing its email address.
    await deleting.api.account.delete({ confirmation: deleting.email ?? "" });

    expect((await s.stored()).disabledReason).toMatch(/: admin 1, who created it, left the team\./);
    const deleters = await t.db.webhook.findUniqueOrThrow({ where: { id: deletersHook.id } });
    expect(deleters.enabled).toBe(false);
    expect(deleters.disabledReason).toMatch(/: admin 2, who created it, deleted their account\./);
    expect((await t.db.webhook.findUniqueOrThrow({ where: { id: s.ownersHook.id } })).enabled).toBe(
      true,
    );
    const events = (await s.owner.api.audit.list({ teamId: s.team.id })).items;
    expect(events.filter((e) => e.action === "member.left").map((e) => e.data)).toEqual([
      expect.objectContaining({ accountDeleted: true, webhooksDisabled: 1 }),
      expect.objectContaining({ webhooksDisabled: 1 }),
    ]);
  });

  it("are turned off when the admin is made a member, and stay on for an owner made admin", async () => {
    const s = await adminWithWebhook();
    const { webhook: ownersOther } = await s.owner.api.webhook.create({
      teamId: s.team.id,
      url: "https://hooks.example.com/owners-slack",
      events: ["project.opened"],
      format: "SLACK",
    });
    const roleOf = (userId: string, role: "OWNER" | "ADMIN" | "MEMBER") =>
      s.owner.api.member.changeRole({ teamId: s.team.id, userId, role });

    expect(await roleOf(s.admin.id, "MEMBER")).toMatchObject({ webhooksDisabled: 1 });
    const off = await s.stored();
    expect(off.enabled).toBe(false);
    expect(off.disabledReason).toMatch(/: admin 1, who created it, is no longer an admin\./);
    const [demoted] = (await s.owner.api.audit.list({ teamId: s.team.id })).items;
    expect(demoted?.data).toEqual({
      from: "ADMIN",
      to: "MEMBER",
      shareLinksRevoked: 0,
      webhooksDisabled: 1,
      invitationsRevoked: 0,
    });

    // Raised again, nothing comes back on by itself.
    expect(await roleOf(s.admin.id, "ADMIN")).toMatchObject({ webhooksDisabled: 0 });
    expect((await s.stored()).enabled).toBe(false);

    // An owner who hands ownership over stays an admin: their webhooks stay on.
    await roleOf(s.admin.id, "OWNER");
    await s.admin.api.member.changeRole({ teamId: s.team.id, userId: s.owner.id, role: "ADMIN" });
    for (const id of [s.ownersHook.id, ownersOther.id]) {
      expect((await t.db.webhook.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
    }
  });
});

describe("a webhook change sent while its admin is removed or demoted", () => {
  // The access check in front of the request read the role before any lock; the removal or
  // role change commits while the request waits for the team.
  itWithLocks("creates no webhook once the admin was removed", async () => {
    const { team, owner, people } = await teamWith(t, ["ADMIN"]);
    const admin = at(people, 1);
    const [, refused] = await inTurnBehindLock(
      t.db,
      "teams",
      team.id,
      () => owner.api.member.remove({ teamId: team.id, userId: admin.id }),
      () =>
        trpcError(
          admin.api.webhook.create({
            teamId: team.id,
            url: "https://hooks.example.com/late",
            events: ["project.opened"],
            format: "JSON",
          }),
        ),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(await t.db.webhook.count({ where: { teamId: team.id } })).toBe(0);
  });

  itWithLocks("turns none back on once the admin was made a member", async () => {
    const s = await adminWithWebhook();
    await s.admin.api.webhook.update({
      teamId: s.team.id,
      webhookId: s.webhook.id,
      enabled: false,
    });
    const refused = await s.refusedAfter("made a member", () =>
      s.admin.api.webhook.update({ teamId: s.team.id, webhookId: s.webhook.id, enabled: true }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect((await s.stored()).enabled).toBe(false);
  });

  itWithLocks("rotates no secret once the admin was removed", async () => {
    const s = await adminWithWebhook();
    const secretOf = async () =>
      (await t.db.webhook.findUniqueOrThrow({ where: { id: s.ownersHook.id } })).secretEncrypted;
    const before = await secretOf();
    const refused = await s.refusedAfter("removed", () =>
      s.admin.api.webhook.rotateSecret({ teamId: s.team.id, webhookId: s.ownersHook.id }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(await secretOf()).toBe(before);
  });

  itWithLocks("deletes none once the admin was made a member", async () => {
    const s = await adminWithWebhook();
    const refused = await s.refusedAfter("made a member", () =>
      s.admin.api.webhook.delete({ teamId: s.team.id, webhookId: s.ownersHook.id }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(await t.db.webhook.count({ where: { id: s.ownersHook.id } })).toBe(1);
  });
});
