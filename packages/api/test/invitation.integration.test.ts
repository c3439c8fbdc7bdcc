import { createHash } from "node:crypto";
import { createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { createCaller } from "../src/root";
import { PENDING_INVITATION_LIMIT } from "../src/services/invitation/create-invitation";
import { createContextInner } from "../src/trpc";
import { onceOfTwo, trpcError, useTestDatabase } from "./helpers";
import { ownerAnd } from "./project-fixtures";
import { inTurnBehindLock, itWithLocks, onceBehindLock } from "./row-lock";

const t = useTestDatabase();

async function teamWithAdmin() {
  const { owner, other, team } = await ownerAnd(
    t,
    { name: "Adam Admin", role: "ADMIN" },
    "Platform",
  );
  return { owner, admin: other, team };
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("invitation.create", () => {
  it("gives a 43-character token once and stores only its SHA-256, expiring in 7 days by default", async () => {
    const { admin, team } = await teamWithAdmin();
    const created = await t
      .callerAs(admin)
      .invitation.create({ teamId: team.id, email: "New@Example.com" });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/invite/${created.token}`);
    expect(created).toMatchObject({ email: "new@example.com", role: "MEMBER", emailQueued: false });
    // This server sends no email: the result says so, and that the link must be sent by hand.
    expect(created.mailError).toBe(
      "No email was sent: this server has no email set up. Copy the link and send it yourself.",
    );
    // Nor does the pending list claim it was: it was never emailed.
    expect(created.emailedAt).toBeNull();
    const listed = await t.callerAs(admin).invitation.list({ teamId: team.id });
    expect(listed.find((i) => i.id === created.id)).toMatchObject({ emailedAt: null });
    const stored = await t.db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const days = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
  });

  it("sends one invitation per idempotency key: a repeat says it exists, its link shown once", async () => {
    const { admin, team } = await teamWithAdmin();
    const key = "6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2f1e";
    const input = { teamId: team.id, email: "twice@example.com", idempotencyKey: key };
    const { refused } = await onceOfTwo(() => t.callerAs(admin).invitation.create(input));
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: `This invitation for twice@example.com was already created by an earlier attempt; its link is shown only once and cannot be shown again. It is listed under pending invitations: revoke it and invite again for a new link.`,
    });
    // A retry after a lost answer is refused the same way; nothing more is written or sent.
    const retry = await trpcError(t.callerAs(admin).invitation.create(input));
    expect(retry.code).toBe("CONFLICT");
    expect(await t.db.invitation.count({ where: { teamId: team.id } })).toBe(1);
    expect(
      await t.db.auditEvent.count({ where: { teamId: team.id, action: "invitation.created" } }),
    ).toBe(1);
    // A new attempt (a new key) invites again.
    await t.callerAs(admin).invitation.create({
      ...input,
      idempotencyKey: "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
    });
    expect(await t.db.invitation.count({ where: { teamId: team.id } })).toBe(2);
    const notUuid = await trpcError(
      t.callerAs(admin).invitation.create({ ...input, idempotencyKey: "invite-1" }),
    );
    expect(notUuid.code).toBe("BAD_REQUEST");
  });

  it("creates an open link without an email, lists it as pending, and audits it", async () => {
    const { admin, team } = await teamWithAdmin();
    const created = await t.callerAs(admin).invitation.create({
      teamId: team.id,
      email: "",
      role: "VIEWER",
      expiresInDays: 2,
    });
    expect(created.email).toBeNull();
    const pending = await t.callerAs(admin).invitation.list({ teamId: team.id });
    expect(pending.map((i) => i.id)).toContain(created.id);
    expect(pending[0]).not.toHaveProperty("tokenHash");
    expect(
      await t.db.auditEvent.count({ where: { teamId: team.id, action: "invitation.created" } }),
    ).toBe(1);
  });

  it("rejects a malformed email, a role outside the list, a bad expiry, with field messages, writing nothing", async () => {
    const { admin, team } = await teamWithAdmin();
    for (const input of [
      { email: "not-an-email" },
      { role: "GOD" as "ADMIN" },
      { expiresInDays: 0 },
      { expiresInDays: 31 },
    ]) {
      const error = await trpcError(
        t.callerAs(admin).invitation.create({ teamId: team.id, ...input }),
      );
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect(await t.db.invitation.count({ where: { teamId: team.id } })).toBe(0);
  });

  it(`allows ${PENDING_INVITATION_LIMIT} pending invitations per team, then says to revoke some; used, revoked and expired ones do not count`, async () => {
    const { admin, team } = await teamWithAdmin();
    const rows = (n: number, label: string, extra: Record<string, unknown>) =>
      Array.from({ length: n }, (_, i) => ({
        teamId: team.id,
        tokenHash: `cap-${team.id}-${label}-${i}`,
        expiresAt: new Date(Date.now() + 86_400_000),
        ...extra,
      }));
    await t.db.invitation.createMany({
      data: [
        ...rows(PENDING_INVITATION_LIMIT - 1, "pending", {}),
        ...rows(2, "revoked", { revokedAt: new Date() }),
        ...rows(2, "accepted", { acceptedAt: new Date() }),
        ...rows(2, "expired", { expiresAt: new Date(Date.now() - 1000) }),
      ],
    });
    const last = await t.callerAs(admin).invitation.create({ teamId: team.id });
    const full = await trpcError(t.callerAs(admin).invitation.create({ teamId: team.id }));
    expect(full.code).toBe("PRECONDITION_FAILED");
    expect(full.message).toBe(
      `The team already has ${PENDING_INVITATION_LIMIT} pending invitations, the most it can have. Revoke invitations nobody will use, then invite again.`,
    );
    expect(await t.db.invitation.count({ where: { teamId: team.id } })).toBe(
      PENDING_INVITATION_LIMIT + 6,
    );
    await t.callerAs(admin).invitation.revoke({ teamId: team.id, invitationId: last.id });
    await t.callerAs(admin).invitation.create({ teamId: team.id });
  });

  it("does not let an admin invite an owner, nor invite someone already in the team", async () => {
    const { owner, admin, team } = await teamWithAdmin();
    expect(
      (await trpcError(t.callerAs(admin).invitation.create({ teamId: team.id, role: "OWNER" })))
        .code,
    ).toBe("FORBIDDEN");
    const already = await trpcError(
      t.callerAs(admin).invitation.create({ teamId: team.id, email: owner.email ?? "" }),
    );
    expect(already.code).toBe("CONFLICT");
    expect(await t.db.invitation.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("queues the email with the invite when email is on, and says so; without the app secret it says to copy the link", async () => {
    const { admin, team } = await teamWithAdmin();
    const caller = (secret: string | null) =>
      createCaller(
        createContextInner({
          db: t.db,
          user: { id: admin.id, email: admin.email ?? "", name: admin.name, tokenVersion: 0 },
          emailEnabled: true,
          secret,
          appUrl: "https://tradeoff.example.com",
        }),
      );
    const queued = await caller("an-app-secret").invitation.create({
      teamId: team.id,
      email: "mail@example.com",
    });
    expect(queued).toMatchObject({ emailQueued: true, mailError: null });
    const jobs = await t.db.$queryRaw<{ data: { tokenEncrypted: string } }[]>`
      SELECT data FROM pgboss.job WHERE name = 'invitation-email'`;
    expect(jobs).toHaveLength(1);
    // The job holds the token encrypted, never the usable link.
    expect(JSON.stringify(jobs)).not.toContain(queued.token);

    const open = await caller("an-app-secret").invitation.create({ teamId: team.id, email: "" });
    expect(open.emailQueued).toBe(false);

    const fallback = await caller(null).invitation.create({
      teamId: team.id,
      email: "x@example.com",
    });
    expect(fallback).toMatchObject({
      emailQueued: false,
      mailError: expect.stringMatching(/Copy the link/),
    });
    expect(fallback.token).toHaveLength(43);
    const count = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'invitation-email'`;
    expect(count[0]?.n).toBe(1);
  });
});

describe("invitation.accept", () => {
  it("lets a signed-in person join with the invited role, once", async () => {
    const { admin, team } = await teamWithAdmin();
    const joiner = await createUser(t.db);
    const second = await createUser(t.db);
    const { token } = await t
      .callerAs(admin)
      .invitation.create({ teamId: team.id, role: "VIEWER" });

    const preview = await t.callerAs(null).invitation.preview({ token });
    expect(preview).toMatchObject({
      teamName: "Platform",
      role: "VIEWER",
      status: "valid",
      teamSlug: null,
    });

    const joined = await t.callerAs(joiner).invitation.accept({ token });
    expect(joined).toMatchObject({ teamId: team.id, teamSlug: team.slug, role: "VIEWER" });
    expect((await t.callerAs(joiner).team.list()).map((x) => x.id)).toEqual([team.id]);

    const reused = await trpcError(t.callerAs(second).invitation.accept({ token }));
    expect(reused.code).toBe("PRECONDITION_FAILED");
    expect(reused.message).toMatch(/already used/);
    expect((await t.callerAs(second).invitation.preview({ token })).status).toBe("used");
    expect(
      await t.db.auditEvent.count({
        where: { action: "invitation.accepted", subjectId: joiner.id },
      }),
    ).toBe(1);
  });

  it("marks the invitation read in the inbox once accepted, and tells the one who used it they are a member", async () => {
    const { admin, team } = await teamWithAdmin();
    // The inbox holds an invitation's link only for an account whose address is proven.
    const invitee = await createUser(t.db, {
      email: "joiner@example.com",
      emailVerified: new Date(),
    });
    const stranger = await createUser(t.db);
    const { token } = await t
      .callerAs(admin)
      .invitation.create({ teamId: team.id, email: "joiner@example.com" });
    const inbox = t.callerAs(invitee).notification;
    expect((await inbox.list({ before: null })).items).toEqual([
      expect.objectContaining({ kind: "team.invited", read: false }),
    ]);
    expect((await inbox.unreadCount()).unread).toBe(1);

    await t.callerAs(invitee).invitation.accept({ token });
    expect((await inbox.list({ before: null })).items).toEqual([
      expect.objectContaining({ kind: "team.invited", read: true }),
    ]);
    expect((await inbox.unreadCount()).unread).toBe(0);

    // Following the link again (the inbox item, the email): they are a member, not refused.
    expect(await t.callerAs(invitee).invitation.preview({ token })).toMatchObject({
      status: "used",
      alreadyMember: true,
      acceptedByYou: true,
      teamSlug: team.slug,
    });
    expect(await t.callerAs(invitee).invitation.accept({ token })).toMatchObject({
      teamId: team.id,
      teamSlug: team.slug,
      role: "MEMBER",
    });
    expect(
      await t.callerAs(invitee).invitation.readLink({ link: `/invite/${token}` }),
    ).toMatchObject({ alreadyMember: true, teamSlug: team.slug });
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(3);
    // Anyone else still learns only that the link was used.
    expect(await t.callerAs(stranger).invitation.preview({ token })).toMatchObject({
      status: "used",
      alreadyMember: false,
      acceptedByYou: false,
      teamSlug: null,
    });
  });

  it("lets exactly one of several people racing for the same link in", async () => {
    const { admin, team } = await teamWithAdmin();
    const { token } = await t.callerAs(admin).invitation.create({ teamId: team.id });
    const racers = await Promise.all([1, 2, 3, 4].map(() => createUser(t.db)));
    const results = await Promise.allSettled(
      racers.map((racer) => t.callerAs(racer).invitation.accept({ token })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(3);
  });

  it("says clearly when a link expired, was revoked, or the person is already a member", async () => {
    const { owner, admin, team } = await teamWithAdmin();
    const person = await createUser(t.db);

    const expired = await t.callerAs(admin).invitation.create({ teamId: team.id });
    await t.db.invitation.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expiredError = await trpcError(
      t.callerAs(person).invitation.accept({ token: expired.token }),
    );
    expect(expiredError.message).toMatch(/expired.*new link/);
    expect((await t.callerAs(null).invitation.preview({ token: expired.token })).status).toBe(
      "expired",
    );

    const revoked = await t.callerAs(admin).invitation.create({ teamId: team.id });
    await t.callerAs(admin).invitation.revoke({ teamId: team.id, invitationId: revoked.id });
    expect(
      (await t.callerAs(admin).invitation.list({ teamId: team.id })).map((i) => i.id),
    ).not.toContain(revoked.id);
    const revokedError = await trpcError(
      t.callerAs(person).invitation.accept({ token: revoked.token }),
    );
    expect(revokedError.message).toMatch(/revoked/);

    const open = await t.callerAs(admin).invitation.create({ teamId: team.id });
    const preview = await t.callerAs(owner).invitation.preview({ token: open.token });
    expect(preview).toMatchObject({ alreadyMember: true, teamSlug: team.slug });
    const member = await trpcError(t.callerAs(owner).invitation.accept({ token: open.token }));
    expect(member.code).toBe("CONFLICT");
    expect(member.message).toMatch(/already a member of Platform/);
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("keeps an invitation for an email address to the person with that address", async () => {
    const { admin, team } = await teamWithAdmin();
    const invited = await createUser(t.db, { email: "invited@example.com" });
    const other = await createUser(t.db);
    const { token } = await t
      .callerAs(admin)
      .invitation.create({ teamId: team.id, email: "Invited@example.com" });
    expect((await t.callerAs(null).invitation.preview({ token })).forEmail).toBe(
      "i***@example.com",
    );
    // The page knows beforehand whose address it is, so it offers no button that must fail.
    expect((await t.callerAs(null).invitation.preview({ token })).forSignedInAddress).toBeNull();
    expect((await t.callerAs(other).invitation.preview({ token })).forSignedInAddress).toBe(false);
    expect((await t.callerAs(invited).invitation.preview({ token })).forSignedInAddress).toBe(true);
    expect((await trpcError(t.callerAs(other).invitation.accept({ token }))).code).toBe(
      "FORBIDDEN",
    );
    await t.callerAs(invited).invitation.accept({ token });
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: invited.id } })).toBe(1);
  });

  it("puts the link in the inbox only of an account whose address is verified; the emailed or copied link still works", async () => {
    const { admin, team } = await teamWithAdmin();
    // Someone signed up with the address before it was invited, never proving it is theirs.
    const squatter = await createUser(t.db, { email: "newhire@example.com" });
    const invited = await t
      .callerAs(admin)
      .invitation.create({ teamId: team.id, email: "newhire@example.com", role: "ADMIN" });
    const inbox = (await t.callerAs(squatter).notification.list()).items;
    expect(inbox.filter((n) => n.kind === "team.invited")).toEqual([]);
    const holding = await t.db.notification.count({ where: { userId: squatter.id } });
    expect(holding).toBe(0);
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: squatter.id } })).toBe(
      0,
    );
    // The link itself (emailed, or copied by the admin when no email goes out) is the proof.
    await t.callerAs(squatter).invitation.accept({ token: invited.token });
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: squatter.id } })).toBe(
      1,
    );

    // An inbox item stored for an address not verified (before this rule) opens no link.
    const other = await teamWithAdmin();
    const verified = await createUser(t.db, {
      email: "proven@example.com",
      emailVerified: new Date(),
    });
    await t
      .callerAs(other.admin)
      .invitation.create({ teamId: other.team.id, email: "proven@example.com" });
    const [item] = (await t.callerAs(verified).notification.list()).items;
    expect(item?.href).toMatch(/^\/invite\/.{43}$/);
    await t.db.user.update({ where: { id: verified.id }, data: { emailVerified: null } });
    const [unproven] = (await t.callerAs(verified).notification.list()).items;
    expect(unproven?.href).toBe("/");
  });

  it("answers a token of the wrong length with a clear error and an unknown token with NOT_FOUND", async () => {
    const person = await createUser(t.db);
    const short = await trpcError(t.callerAs(person).invitation.accept({ token: "abc" }));
    expect(short.code).toBe("BAD_REQUEST");
    const unknown = await trpcError(t.callerAs(null).invitation.preview({ token: "A".repeat(43) }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toMatch(/not valid/);
  });

  itWithLocks(
    "joins once when one person accepts two invitations to the team at the same moment",
    async () => {
      const { admin, team } = await teamWithAdmin();
      const joiner = await createUser(t.db);
      const links = [
        await t.callerAs(admin).invitation.create({ teamId: team.id, role: "MEMBER" }),
        await t.callerAs(admin).invitation.create({ teamId: team.id, role: "VIEWER" }),
      ];
      // The team busy with another change while both presses arrive.
      const refused = await onceBehindLock(
        t.db,
        "teams",
        team.id,
        links.map(
          ({ token }) =>
            () =>
              t.callerAs(joiner).invitation.accept({ token }),
        ),
      );
      expect(refused).toMatchObject({
        code: "CONFLICT",
        message:
          "You are already a member of Platform. The invitation is still there for someone else.",
      });
      expect(await t.db.membership.count({ where: { teamId: team.id, userId: joiner.id } })).toBe(
        1,
      );
    },
  );
});

describe("invitation.revoke", () => {
  it("answers NOT_FOUND for another team's invitation and leaves it usable", async () => {
    const { admin, team } = await teamWithAdmin();
    const otherOwner = await createUser(t.db);
    const otherTeam = await createTeam(t.db, { ownerId: otherOwner.id });
    const invitation = await t.callerAs(admin).invitation.create({ teamId: team.id });
    const error = await trpcError(
      t
        .callerAs(otherOwner)
        .invitation.revoke({ teamId: otherTeam.id, invitationId: invitation.id }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect((await t.callerAs(null).invitation.preview({ token: invitation.token })).status).toBe(
      "valid",
    );
  });

  it("leaves nothing to act on in the invitee's inbox: the item is read, says it was revoked, and has no link", async () => {
    const { admin, team } = await teamWithAdmin();
    const invitee = await createUser(t.db, {
      email: "withdrawn@example.com",
      emailVerified: new Date(),
    });
    const inbox = t.callerAs(invitee, { secret: "inbox-secret" }).notification;
    const revoked = await t
      .callerAs(admin, { secret: "inbox-secret" })
      .invitation.create({ teamId: team.id, email: "withdrawn@example.com" });
    // A second invitation to the same team, still pending, keeps its link and stays unread.
    const other = await teamWithAdmin();
    await t
      .callerAs(other.admin, { secret: "inbox-secret" })
      .invitation.create({ teamId: other.team.id, email: "withdrawn@example.com" });
    expect((await inbox.unreadCount()).unread).toBe(2);

    await t.callerAs(admin).invitation.revoke({ teamId: team.id, invitationId: revoked.id });
    const items = (await inbox.list({ before: null })).items;
    expect(items).toEqual([
      expect.objectContaining({ read: false, href: expect.stringMatching(/^\/invite\/.{43}$/) }),
      expect.objectContaining({
        kind: "team.invited",
        read: true,
        href: null,
        text: `Adam Admin invited you to join Platform. The invitation was revoked.`,
      }),
    ]);
    expect((await inbox.unreadCount()).unread).toBe(1);
  });

  it("marks the inbox item read when an invitation goes with its inviter's role", async () => {
    const { owner, admin, team } = await teamWithAdmin();
    const invitee = await createUser(t.db, {
      email: "late@example.com",
      emailVerified: new Date(),
    });
    await t
      .callerAs(admin)
      .invitation.create({ teamId: team.id, email: "late@example.com", role: "ADMIN" });
    await t
      .callerAs(owner)
      .member.changeRole({ teamId: team.id, userId: admin.id, role: "MEMBER" });
    const [item] = (await t.callerAs(invitee).notification.list({ before: null })).items;
    expect(item).toMatchObject({ read: true, href: null });
    expect(item?.text).toMatch(/The invitation was revoked\.$/);
    expect((await t.callerAs(invitee).notification.unreadCount()).unread).toBe(0);
  });

  it("says an expired invitation has expired, with no link to a page that refuses it", async () => {
    const { admin, team } = await teamWithAdmin();
    const invitee = await createUser(t.db, {
      email: "slow@example.com",
      emailVerified: new Date(),
    });
    const created = await t
      .callerAs(admin, { secret: "inbox-secret" })
      .invitation.create({ teamId: team.id, email: "slow@example.com" });
    await t.db.invitation.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const [item] = (
      await t.callerAs(invitee, { secret: "inbox-secret" }).notification.list({ before: null })
    ).items;
    expect(item).toMatchObject({
      href: null,
      text: "Adam Admin invited you to join Platform. The invitation has expired.",
    });
  });
});

describe("an inviter's pending links follow their role", () => {
  it("stops the links of an admin who is demoted, and of one who is removed", async () => {
    const { owner, admin, team } = await teamWithAdmin();
    const joiner = await createUser(t.db);
    const asAdmin = t.callerAs(admin);
    const adminLink = await asAdmin.invitation.create({ teamId: team.id, role: "ADMIN" });
    const memberLink = await asAdmin.invitation.create({ teamId: team.id, role: "MEMBER" });

    const demoted = await t
      .callerAs(owner)
      .member.changeRole({ teamId: team.id, userId: admin.id, role: "MEMBER" });
    // The answer and the audit trail say how many went, which and why.
    expect(demoted.invitationsRevoked).toBe(2);
    const trail = (await t.callerAs(owner).audit.list({ teamId: team.id })).items;
    expect(trail[0]).toMatchObject({
      action: "member.role_changed",
      data: { from: "ADMIN", to: "MEMBER", invitationsRevoked: 2 },
    });
    expect(
      trail
        .filter((e) => e.action === "invitation.revoked")
        .map((e) => e.data)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual(
      [
        { invitationId: adminLink.id, email: null, role: "ADMIN", reason: "inviter_role_changed" },
        {
          invitationId: memberLink.id,
          email: null,
          role: "MEMBER",
          reason: "inviter_role_changed",
        },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    for (const link of [adminLink, memberLink]) {
      expect((await t.callerAs(null).invitation.preview({ token: link.token })).status).toBe(
        "revoked",
      );
      const refused = await trpcError(t.callerAs(joiner).invitation.accept({ token: link.token }));
      expect(refused.message).toMatch(/revoked/);
    }
    expect(await t.callerAs(owner).invitation.list({ teamId: team.id })).toEqual([]);
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: joiner.id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({
        where: { teamId: team.id, action: "invitation.revoked", actorId: owner.id },
      }),
    ).toBe(2);

    await t.callerAs(owner).member.changeRole({ teamId: team.id, userId: admin.id, role: "ADMIN" });
    const later = await asAdmin.invitation.create({ teamId: team.id, role: "VIEWER" });
    const removed = await t.callerAs(owner).member.remove({ teamId: team.id, userId: admin.id });
    expect(removed.invitationsRevoked).toBe(1);
    const [left] = (await t.callerAs(owner).audit.list({ teamId: team.id })).items;
    expect(left).toMatchObject({
      action: "member.removed",
      data: { role: "ADMIN", invitationsRevoked: 1 },
    });
    const gone = await trpcError(t.callerAs(joiner).invitation.accept({ token: later.token }));
    expect(gone.code).toBe("PRECONDITION_FAILED");
    expect(await t.db.membership.count({ where: { teamId: team.id, userId: joiner.id } })).toBe(0);
  });

  itWithLocks(
    "refuses an admin link asked for while the admin is being demoted, once the demotion is in",
    async () => {
      const { owner, admin, team } = await teamWithAdmin();
      // The team busy with another change, so the demotion and then the invitation queue behind it.
      const [, refused] = await inTurnBehindLock(
        t.db,
        "teams",
        team.id,
        () =>
          t
            .callerAs(owner)
            .member.changeRole({ teamId: team.id, userId: admin.id, role: "MEMBER" }),
        () => trpcError(t.callerAs(admin).invitation.create({ teamId: team.id, role: "ADMIN" })),
      );
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toMatch(/admin role or higher/);
      expect(await t.db.invitation.count({ where: { teamId: team.id, revokedAt: null } })).toBe(0);
    },
  );

  it("keeps an owner's admin links after a transfer of ownership, not their owner links", async () => {
    const { owner, admin, team } = await teamWithAdmin();
    const asOwner = t.callerAs(owner);
    const ownerLink = await asOwner.invitation.create({ teamId: team.id, role: "OWNER" });
    const adminLink = await asOwner.invitation.create({ teamId: team.id, role: "ADMIN" });
    const handedOn = await asOwner.team.transferOwnership({ teamId: team.id, userId: admin.id });
    expect(handedOn).toEqual({ userId: admin.id, role: "OWNER", invitationsRevoked: 1 });
    const [transferred, revoked] = (await asOwner.audit.list({ teamId: team.id })).items;
    expect(transferred).toMatchObject({
      action: "team.ownership_transferred",
      data: { invitationsRevoked: 1 },
    });
    expect(revoked?.data).toEqual({
      invitationId: ownerLink.id,
      email: null,
      role: "OWNER",
      reason: "inviter_role_changed",
    });
    expect((await t.callerAs(null).invitation.preview({ token: ownerLink.token })).status).toBe(
      "revoked",
    );
    const joiner = await createUser(t.db);
    const joined = await t.callerAs(joiner).invitation.accept({ token: adminLink.token });
    expect(joined.role).toBe("ADMIN");
  });
});
