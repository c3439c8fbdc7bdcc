import { describe, expect, it } from "vitest";
import { ACTIVE_SHARE_LINK_LIMIT } from "../src/services/share/create-share-link";
import { trpcError, useTestDatabase } from "./helpers";
import { at, blankInput, castVote, openBlankProject, openProject } from "./project-fixtures";
import { inTurnBehindLock, itWithLocks } from "./row-lock";

const t = useTestDatabase();

async function recorded() {
  const setup = await openBlankProject(t, ["MEMBER"]);
  const { projectId } = setup;
  await castVote(at(setup.people, 1), projectId, "ops", {
    weight: 4,
    scores: { kafka: 2, sqs: 5 },
    rationale: "Managed wins.",
  });
  await setup.owner.api.record.decide({
    projectId,
    chosenOptionKey: "sqs",
    rationale: "managed.",
    decisionMakers: [{ userId: setup.owner.id }],
    // One member scored one of the two criteria: a provisional result, recorded knowingly.
    confirmProvisional: true,
  });
  return { ...setup, projectId };
}

describe("share links", () => {
  it("open the record to anyone holding the link, without individual votes by default", async () => {
    const { owner, projectId } = await recorded();
    const link = await owner.api.share.create({ projectId });
    expect(link.path).toBe(`/share/${link.token}`);
    const anonymous = t.callerAs(null);
    const shared = await anonymous.share.view({ token: link.token });
    expect(shared.project.title).toBe("Which queue for billing events?");
    expect(shared.decision?.chosenOptionKey).toBe("sqs");
    expect(shared.votes).toBeNull();
    expect(JSON.stringify(shared)).not.toContain("Managed wins.");
    expect(JSON.stringify(shared)).not.toContain(owner.id);

    const withVotes = await owner.api.share.create({ projectId, showVotes: true });
    expect((await anonymous.share.view({ token: withVotes.token })).votes?.[0]?.rationale).toBe(
      "Managed wins.",
    );
  });

  it("creates one link per idempotency key; a repeat says the link exists and cannot be shown again", async () => {
    const { owner, projectId } = await recorded();
    const key = "2b4d6f8a-1c3e-4a5b-9d7f-0e2c4a6b8d0f";
    // A double click: both requests arrive at once; one creates the link, the other is told.
    const outcomes = await Promise.allSettled([
      owner.api.share.create({ projectId, idempotencyKey: key }),
      owner.api.share.create({ projectId, idempotencyKey: key }),
    ]);
    const created = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(created).toHaveLength(1);
    const link = at(created, 0);
    expect(await t.db.shareLink.count({ where: { projectId } })).toBe(1);
    // The answer was lost on the way back and the page sent the same request again.
    const repeat = await trpcError(owner.api.share.create({ projectId, idempotencyKey: key }));
    expect(repeat.code).toBe("CONFLICT");
    expect(repeat.message).toContain(link.id);
    expect(repeat.message).toMatch(
      /already created.*shown only once.*Copy it from the first answer, or revoke it and create a new one/,
    );
    expect(JSON.stringify(repeat)).not.toContain(link.token);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && String(refused.reason)).toMatch(/already created/);

    await owner.api.share.revoke({ projectId, linkId: link.id });
    const afterRevoke = await trpcError(owner.api.share.create({ projectId, idempotencyKey: key }));
    expect(afterRevoke.message).toMatch(/revoked.*new key|revoked.*create a new one/);
    // A new attempt (a new key) creates a new link; so does a request without a key.
    await owner.api.share.create({
      projectId,
      idempotencyKey: "8c6a4e2f-0d9b-4f7a-8e6c-5b3a1f9d7e5c",
    });
    await owner.api.share.create({ projectId });
    expect(await t.db.shareLink.count({ where: { projectId } })).toBe(3);
  });

  it("revoked in one context is refused in another at once", async () => {
    const { owner, projectId } = await recorded();
    const link = await owner.api.share.create({ projectId });
    const reader = t.callerAs(null);
    await reader.share.view({ token: link.token });
    await owner.api.share.revoke({ projectId, linkId: link.id });
    expect((await trpcError(reader.share.view({ token: link.token }))).code).toBe("NOT_FOUND");
    const [listed] = await owner.api.share.list({ projectId });
    expect(listed).toMatchObject({ id: link.id, active: false });
  });

  it("expire, and only admins or the creator can share", async () => {
    const { owner, people, projectId } = await recorded();
    const link = await owner.api.share.create({
      projectId,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await t.db.shareLink.update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await trpcError(t.callerAs(null).share.view({ token: link.token }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await trpcError(at(people, 1).api.share.create({ projectId }))).code).toBe("FORBIDDEN");
    expect((await trpcError(t.callerAs(null).share.view({ token: "x".repeat(43) }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it(`allows ${ACTIVE_SHARE_LINK_LIMIT} active links per project, then says to revoke one; revoked and expired links do not count`, async () => {
    const { owner, projectId, team } = await recorded();
    const rows = (n: number, extra: Record<string, unknown>) =>
      Array.from({ length: n }, (_, i) => ({
        projectId,
        teamId: team.id,
        tokenHash: `cap-${projectId}-${JSON.stringify(extra)}-${i}`,
        ...extra,
      }));
    await t.db.shareLink.createMany({
      data: [
        ...rows(ACTIVE_SHARE_LINK_LIMIT - 1, {}),
        ...rows(3, { revokedAt: new Date() }),
        ...rows(3, { expiresAt: new Date(Date.now() - 1000) }),
      ],
    });
    const last = await owner.api.share.create({ projectId });
    const full = await trpcError(owner.api.share.create({ projectId }));
    expect(full.code).toBe("PRECONDITION_FAILED");
    expect(full.message).toBe(
      `This decision already has ${ACTIVE_SHARE_LINK_LIMIT} active share links, the most it can have. Revoke links you no longer need, then create this one.`,
    );
    expect(await t.db.shareLink.count({ where: { projectId } })).toBe(ACTIVE_SHARE_LINK_LIMIT + 6);
    await owner.api.share.revoke({ projectId, linkId: last.id });
    await owner.api.share.create({ projectId });
  });
});

describe("share links of someone who leaves the team", () => {
  it("stop working when an admin removes them, the audit trail says so, and others' links stay", async () => {
    const setup = await openBlankProject(t, ["ADMIN", "MEMBER"]);
    const { owner, projectId, team } = setup;
    const admin = at(setup.people, 1);
    const voter = at(setup.people, 2);
    const theirs = await admin.api.share.create({ projectId, showVotes: true });
    const alsoTheirs = await admin.api.share.create({ projectId });
    const kept = await owner.api.share.create({ projectId, showVotes: true });
    const reader = t.callerAs(null);
    await reader.share.view({ token: theirs.token });

    const removed = await owner.api.member.remove({ teamId: team.id, userId: admin.id });
    expect(removed).toEqual({
      userId: admin.id,
      shareLinksRevoked: 2,
      webhooksDisabled: 0,
      invitationsRevoked: 0,
    });
    // A vote cast after the removal is not shown through their links.
    await castVote(voter, projectId, "ops", {
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
      rationale: "Cast after the removal.",
    });
    for (const link of [theirs, alsoTheirs]) {
      expect((await trpcError(reader.share.view({ token: link.token }))).code).toBe("NOT_FOUND");
    }
    const stillShared = await reader.share.view({ token: kept.token });
    expect(stillShared.votes?.map((v) => v.rationale)).toContain("Cast after the removal.");
    const listed = await owner.api.share.list({ projectId });
    expect(listed.filter((l) => l.active).map((l) => l.id)).toEqual([kept.id]);

    const [event] = (await owner.api.audit.list({ teamId: team.id })).items;
    expect(event).toMatchObject({
      action: "member.removed",
      subject: { id: admin.id },
      data: { role: "ADMIN", shareLinksRevoked: 2 },
    });
  });

  it("stop working when their creator leaves on their own, or deletes the account", async () => {
    const setup = await openBlankProject(t, ["ADMIN", "ADMIN"]);
    const { owner, projectId, team } = setup;
    const leaving = at(setup.people, 1);
    const deleting = at(setup.people, 2);
    const left = await leaving.api.share.create({ projectId });
    const gone = await deleting.api.share.create({ projectId });

    await leaving.api.team.leave({ teamId: team.id });
    // An account without a password is deleted by typing its email address.
    await deleting.api.account.delete({ confirmation: deleting.email ?? "" });
    const reader = t.callerAs(null);
    for (const link of [left, gone]) {
      expect((await trpcError(reader.share.view({ token: link.token }))).code).toBe("NOT_FOUND");
    }
    const events = (await owner.api.audit.list({ teamId: team.id })).items;
    expect(events.filter((e) => e.action === "member.left").map((e) => e.data)).toEqual([
      expect.objectContaining({ accountDeleted: true, shareLinksRevoked: 1 }),
      expect.objectContaining({ shareLinksRevoked: 1 }),
    ]);
  });
});

describe("what a share link shows of the team", () => {
  it("names no internal id, and another decision only by number unless that one is shared too", async () => {
    const setup = await recorded();
    const { owner, team, projectId } = setup;
    const secret = await owner.api.project.create(
      blankInput(team.id, { title: "Confidential: acquire CompetitorCo in Q3" }),
    );
    const successor = await owner.api.project.create(
      blankInput(team.id, { title: "Billing events move to SQS FIFO" }),
    );
    await owner.api.record.supersede({ projectId, successorIds: [secret.id, successor.id] });
    const link = await owner.api.share.create({ projectId, showVotes: true });
    const successorLink = await owner.api.share.create({ projectId: successor.id });
    const reader = t.callerAs(null);

    const shared = await reader.share.view({ token: link.token });
    const number = async (id: string) =>
      (await t.db.project.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;
    expect([...shared.supersededBy].sort((a, b) => a.number - b.number)).toEqual([
      { number: await number(secret.id), title: null },
      { number: await number(successor.id), title: "Billing events move to SQS FIFO" },
    ]);
    const text = JSON.stringify(shared);
    expect(text).not.toContain("CompetitorCo");
    const ids = [projectId, secret.id, successor.id, team.id, ...setup.people.map((p) => p.id)];
    for (const id of ids) expect(text).not.toContain(id);
    expect(shared.votes?.[0]?.rationale).toBe("Managed wins.");
    expect(Object.keys(shared).sort()).toEqual(
      [
        "coverage",
        "criteria",
        "decision",
        "draft",
        "expiresAt",
        "generatedAt",
        "options",
        "participation",
        "project",
        "recordDraft",
        "result",
        "status",
        "supersededBy",
        "supersedes",
        "team",
        "unreadableVotes",
        "votes",
      ].sort(),
    );

    // The successor's own link names the decision it supersedes, which is shared too.
    const fromSuccessor = await reader.share.view({ token: successorLink.token });
    expect(fromSuccessor.supersedes).toEqual([
      { number: shared.project.number, title: shared.project.title },
    ]);

    // Its link revoked, the successor is a number again.
    await owner.api.share.revoke({ projectId: successor.id, linkId: successorLink.id });
    const again = await reader.share.view({ token: link.token });
    expect(again.supersededBy.every((p) => p.title === null)).toBe(true);
  });
});

describe("what a share link shows of people", () => {
  it("never shows a member's email address, also for members who have no name", async () => {
    // Accounts made through an emailed sign-in link have no name until their owner gives one.
    const setup = await openBlankProject(t, ["MEMBER"]);
    const { owner, projectId } = setup;
    const ids = setup.people.map((p) => p.id);
    await t.db.user.updateMany({ where: { id: { in: ids } }, data: { name: null } });
    const emails = (
      await t.db.user.findMany({ where: { id: { in: ids } }, select: { email: true } })
    ).map((u) => u.email ?? "");
    expect(emails.every((e) => e.includes("@"))).toBe(true);
    await castVote(at(setup.people, 1), projectId, "ops", {
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
      rationale: "Managed wins.",
    });
    await owner.api.record.decide({
      projectId,
      chosenOptionKey: "sqs",
      rationale: "managed.",
      decisionMakers: [{ userId: owner.id }],
      consulted: [{ userId: at(setup.people, 1).id }],
      confirmProvisional: true,
    });
    const link = await owner.api.share.create({ projectId, showVotes: true });

    const shared = await t.callerAs(null).share.view({ token: link.token });
    const text = JSON.stringify(shared);
    for (const email of emails) expect(text).not.toContain(email);
    // The people are still there, as members, so the record reads whole.
    expect(shared.decision?.decisionMakers).toEqual([{ name: "A member" }]);
    expect(shared.decision?.decidedBy).toBe("A member");
    expect(shared.votes?.[0]?.member).toBe("A member");

    // Inside the team, the address is how a member without a name is told apart.
    const inside = await owner.api.record.get({ projectId });
    expect(JSON.stringify(inside)).toContain(emails[0]);
  });
});

describe("share links of someone whose role is lowered", () => {
  it("stop working where the new role could no longer create them, the audit trail says so", async () => {
    const setup = await openBlankProject(t, ["ADMIN"]);
    const { owner, projectId, team } = setup;
    const admin = at(setup.people, 1);
    // A member shares only the decisions they created; an admin shares any of the team's.
    const ownProjectId = await openProject(admin, blankInput(team.id, { title: "Their own" }));
    const onOwners = await admin.api.share.create({ projectId, showVotes: true });
    const onTheirs = await admin.api.share.create({ projectId: ownProjectId, showVotes: true });
    const reader = t.callerAs(null);
    // Each change answers how many of the admin's share links it revoked.
    const changeRoleOfAdmin = async (
      role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER",
      shareLinksRevoked: number,
    ) =>
      expect(
        await owner.api.member.changeRole({ teamId: team.id, userId: admin.id, role }),
      ).toEqual({
        userId: admin.id,
        role,
        shareLinksRevoked,
        webhooksDisabled: 0,
        invitationsRevoked: 0,
      });

    await changeRoleOfAdmin("MEMBER", 1);
    expect((await trpcError(reader.share.view({ token: onOwners.token }))).code).toBe("NOT_FOUND");
    expect((await reader.share.view({ token: onTheirs.token })).project.title).toBe("Their own");

    await changeRoleOfAdmin("VIEWER", 1);
    expect((await trpcError(reader.share.view({ token: onTheirs.token }))).code).toBe("NOT_FOUND");

    const changes = (await owner.api.audit.list({ teamId: team.id })).items;
    expect(changes.filter((e) => e.action === "member.role_changed").map((e) => e.data)).toEqual([
      {
        from: "MEMBER",
        to: "VIEWER",
        shareLinksRevoked: 1,
        webhooksDisabled: 0,
        invitationsRevoked: 0,
      },
      {
        from: "ADMIN",
        to: "MEMBER",
        shareLinksRevoked: 1,
        webhooksDisabled: 0,
        invitationsRevoked: 0,
      },
    ]);
    // Raised again, nothing is revoked and nothing comes back.
    await changeRoleOfAdmin("ADMIN", 0);
    expect((await trpcError(reader.share.view({ token: onOwners.token }))).code).toBe("NOT_FOUND");
  });
});

describe("a share link asked for while its author is removed or demoted", () => {
  // The access check in front of the request reads the role before any lock; the removal or
  // role change commits while the request waits. The link must then be refused, or be among
  // the links that change revokes: never outlive it.
  itWithLocks("is refused once its author was removed meanwhile", async () => {
    const setup = await openBlankProject(t, ["MEMBER"]);
    const { owner, team } = setup;
    const member = at(setup.people, 1);
    const ownProjectId = await openProject(member, blankInput(team.id, { title: "Their own" }));
    const [removed, refused] = await inTurnBehindLock(
      t.db,
      "teams",
      team.id,
      () => owner.api.member.remove({ teamId: team.id, userId: member.id }),
      () => trpcError(member.api.share.create({ projectId: ownProjectId, showVotes: true })),
    );
    expect(removed).toEqual({
      userId: member.id,
      shareLinksRevoked: 0,
      webhooksDisabled: 0,
      invitationsRevoked: 0,
    });
    expect(refused.code).toBe("NOT_FOUND");
    expect(await t.db.shareLink.count({ where: { projectId: ownProjectId } })).toBe(0);
  });

  itWithLocks("is refused once an admin sharing another's decision was made a member", async () => {
    const setup = await openBlankProject(t, ["ADMIN"]);
    const { owner, projectId, team } = setup;
    const admin = at(setup.people, 1);
    const [, refused] = await inTurnBehindLock(
      t.db,
      "teams",
      team.id,
      () => owner.api.member.changeRole({ teamId: team.id, userId: admin.id, role: "MEMBER" }),
      () => trpcError(admin.api.share.create({ projectId, showVotes: true })),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe(
      "Only a team admin or the person who created this decision can do that.",
    );
    expect(await t.db.shareLink.count({ where: { projectId } })).toBe(0);
  });
});
