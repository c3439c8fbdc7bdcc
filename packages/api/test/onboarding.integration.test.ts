import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { createCaller } from "../src/root";
import { createContextInner } from "../src/trpc";
import { trpcError, useTestDatabase } from "./helpers";

const t = useTestDatabase();
const APP = "https://decide.example.com";

/** Someone signed in for the first time, with no team, on the server at APP. */
async function newcomer() {
  const user = await createUser(t.db, { name: "Nadia Newcomer" });
  const caller = createCaller(
    createContextInner({
      db: t.db,
      user: { id: user.id, email: user.email ?? "", name: user.name, tokenVersion: 0 },
      appUrl: APP,
    }),
  );
  return { user, caller };
}

async function teamInvitation(options: { expiresInDays?: number } = {}) {
  const owner = await createUser(t.db, { name: "Olive Owner" });
  const team = await createTeam(t.db, { ownerId: owner.id, name: "Checkout" });
  const created = await t.callerAs(owner).invitation.create({
    teamId: team.id,
    email: "",
    role: "MEMBER",
    expiresInDays: options.expiresInDays ?? 7,
  });
  return { owner, team, created };
}

describe("invitation.readLink (pasting an invitation link on the first sign-in)", () => {
  it("accepts the whole link, its path or the bare code, and names the team and the role", async () => {
    const { team, created } = await teamInvitation();
    const { caller } = await newcomer();
    for (const link of [
      `${APP}${created.path}`,
      `  ${APP}${created.path}/  `,
      created.path,
      created.token,
    ]) {
      const read = await caller.invitation.readLink({ link });
      expect(read).toMatchObject({
        path: created.path,
        teamName: team.name,
        teamSlug: null,
        role: "MEMBER",
        alreadyMember: false,
      });
    }
    // Reading a link joins nobody.
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("refuses a link to another site, naming both hosts", async () => {
    const { created } = await teamInvitation();
    const { caller } = await newcomer();
    const error = await trpcError(
      caller.invitation.readLink({ link: `https://evil.example.net${created.path}` }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("evil.example.net");
    expect(error.message).toContain("decide.example.com");
  });

  it("explains garbage, a cut-short link, another page of the site and an unknown code", async () => {
    const { created } = await teamInvitation();
    const { caller } = await newcomer();
    const cases: [string, RegExp][] = [
      ["", /Paste the invitation link/],
      ["hello there", /does not look like an invitation link/],
      ["https://exa mple", /not a link/],
      [`${APP}/t/checkout`, /not an invitation/],
      [`${APP}${created.path.slice(0, -5)}`, /cut short/],
      [`${APP}/invite/${"A".repeat(43)}`, /No invitation has this link/],
    ];
    for (const [link, message] of cases) {
      const error = await trpcError(caller.invitation.readLink({ link }));
      expect(error.code, link).toBe("BAD_REQUEST");
      expect(error.message, link).toMatch(message);
    }
  });

  it("says an expired, revoked or used link cannot be used, and why", async () => {
    const { owner, team, created } = await teamInvitation();
    const { caller } = await newcomer();
    await t.db.invitation.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect((await trpcError(caller.invitation.readLink({ link: created.path }))).message).toMatch(
      /expired/,
    );
    const revoked = await t.callerAs(owner).invitation.create({ teamId: team.id, email: "" });
    await t.callerAs(owner).invitation.revoke({ teamId: team.id, invitationId: revoked.id });
    expect((await trpcError(caller.invitation.readLink({ link: revoked.path }))).message).toMatch(
      /revoked/,
    );
    const used = await t.callerAs(owner).invitation.create({ teamId: team.id, email: "" });
    const other = await createUser(t.db, { name: "Early Bird" });
    await t.callerAs(other).invitation.accept({ token: used.token });
    expect((await trpcError(caller.invitation.readLink({ link: used.path }))).message).toMatch(
      /already used/,
    );
  });

  it("tells a member they already belong, with the team's address", async () => {
    const { team, created } = await teamInvitation();
    const { user, caller } = await newcomer();
    await addMember(t.db, team.id, user.id, "VIEWER");
    expect(await caller.invitation.readLink({ link: created.path })).toMatchObject({
      alreadyMember: true,
      teamSlug: team.slug,
    });
  });

  it("is refused signed out", async () => {
    const { created } = await teamInvitation();
    expect(
      (await trpcError(t.callerAs(null).invitation.readLink({ link: created.path }))).code,
    ).toBe("UNAUTHORIZED");
  });
});
