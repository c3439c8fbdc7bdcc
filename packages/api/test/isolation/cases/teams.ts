import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import { defineCases } from "../case";
import type { World } from "../world";

/** A pending invitation of team A; returns the token its link would carry. */
export async function pendingInvitation(world: World) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await world.db.invitation.create({
    data: {
      teamId: world.teamA.id,
      role: "MEMBER",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: world.owner.id,
    },
  });
  return { token, id: invitation.id };
}

const team = (world: World) => ({ teamId: world.teamA.id });

export const cases = defineCases({
  // Account: everything is keyed by the caller's own id.
  "auth.me": { outsider: { ownDataOnly: "Answers the caller's own account." } },
  "account.get": { outsider: { ownDataOnly: "Answers the caller's own account." } },
  "account.ballotView": { outsider: { ownDataOnly: "Answers the caller's own ballot layout." } },
  "account.setBallotView": {
    input: () => ({ ballotView: "MATRIX" }),
    outsider: { ownDataOnly: "Sets the caller's own ballot layout." },
  },
  "account.updateName": {
    input: () => ({ name: "New Name" }),
    outsider: { ownDataOnly: "Renames the caller only." },
  },
  "account.changePassword": {
    input: () => ({ currentPassword: "whatever-1", newPassword: "another-password" }),
    outsider: { ownDataOnly: "Changes the caller's own password." },
  },
  "account.setPassword": {
    input: () => ({ newPassword: "a first passphrase 7731" }),
    outsider: { ownDataOnly: "Sets the caller's own first password." },
  },
  "account.signOutEverywhere": { outsider: { ownDataOnly: "Ends the caller's own sessions." } },
  "account.sessions": { outsider: { ownDataOnly: "Lists the caller's own sessions." } },
  "account.endSession": {
    // Another member's session: only its owner may sign it out.
    input: async (world) => ({
      id: (await world.db.signInSession.create({ data: { userId: world.owner.id } })).id,
    }),
    outsider: { code: "NOT_FOUND" },
  },
  "account.endOtherSessions": {
    outsider: { ownDataOnly: "Ends the caller's own other sessions." },
  },
  "account.delete": {
    input: () => ({ confirmation: "not-the-password" }),
    outsider: { ownDataOnly: "Deletes the caller's own account." },
  },

  // Teams
  "team.create": {
    input: () => ({ name: "Brand new team" }),
    outsider: { ownDataOnly: "Creates a new team owned by the caller; reads no other team." },
  },
  "team.list": {
    outsider: {
      check: (result, world) => {
        const ids = (result as { id: string }[]).map((t) => t.id);
        expect(ids).toEqual([world.teamB.id]);
      },
    },
  },
  "team.get": { input: (world) => ({ slug: world.teamA.slug }), outsider: { code: "NOT_FOUND" } },
  "team.rename": { input: (world) => ({ ...team(world), name: "Renamed" }) },
  "team.leave": { input: team },
  "team.transferOwnership": { input: (world) => ({ ...team(world), userId: world.admin.id }) },
  "team.delete": { input: (world) => ({ ...team(world), confirmation: world.teamA.name }) },

  // Members
  "member.list": { input: team },
  "member.changeRole": {
    input: (world) => ({ ...team(world), userId: world.viewer.id, role: "MEMBER" }),
  },
  "member.remove": { input: (world) => ({ ...team(world), userId: world.viewer.id }) },

  // Invitations
  "invitation.create": {
    input: (world) => ({ ...team(world), email: "new.person@example.com", role: "MEMBER" }),
  },
  "invitation.list": { input: team },
  "invitation.revoke": {
    input: async (world) => ({
      ...team(world),
      invitationId: (await pendingInvitation(world)).id,
    }),
  },
  "invitation.readLink": {
    input: async (world) => ({ link: `/invite/${(await pendingInvitation(world)).token}` }),
    outsider: {
      check: (result, world) => {
        // Holding the link is the credential: it tells the team's name and role, as the
        // invitation page does, and not the team's address to someone who is not a member.
        expect(result).toMatchObject({
          teamName: world.teamA.name,
          teamSlug: null,
          role: "MEMBER",
        });
      },
    },
  },
  "invitation.accept": {
    input: async (world) => ({ token: (await pendingInvitation(world)).token }),
    outsider: {
      check: async (result, world) => {
        // Holding a valid link is exactly what lets someone join: that is the feature, and
        // they join with the invited role only, once.
        expect(result).toMatchObject({ teamId: world.teamA.id, role: "MEMBER" });
      },
    },
  },

  // Audit trail
  "audit.list": { input: team },
});
