import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { invitationStatus, invitationStatusSelect } from "./invitation-status";
import { hashInvitationToken } from "./token";

export const invalidLink = () =>
  new DomainError(
    "NOT_FOUND",
    "This invitation link is not valid. Check that you copied all of it, or ask for a new one.",
  );

/** Hides most of an address while letting its owner recognise it: a***@example.com. */
const maskEmail = (email: string) => {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
};

/**
 * What the invitation page shows to whoever holds the link: the team's name, the role, whether
 * the link still works and, for a signed-in person, whether they are already a member and
 * whether they used this link themselves.
 */
export async function previewInvitation(
  db: PrismaClient,
  input: { token: string; userId: string | null },
) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(input.token) },
    select: {
      email: true,
      role: true,
      acceptedById: true,
      ...invitationStatusSelect,
      team: { select: { id: true, name: true, slug: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  if (!invitation) throw invalidLink();
  const [membership, signedIn] = input.userId
    ? await Promise.all([
        db.membership.findUnique({
          where: { teamId_userId: { teamId: invitation.team.id, userId: input.userId } },
          select: { role: true },
        }),
        db.user.findUnique({ where: { id: input.userId }, select: { email: true } }),
      ])
    : [null, null];
  return {
    teamName: invitation.team.name,
    // The address of the team only for its members: the page links them straight to it.
    teamSlug: membership ? invitation.team.slug : null,
    role: invitation.role,
    status: invitationStatus(invitation),
    expiresAt: invitation.expiresAt,
    invitedBy: invitation.createdBy?.name ?? null,
    forEmail: invitation.email ? maskEmail(invitation.email) : null,
    alreadyMember: Boolean(membership),
    /** Whether the signed-in person is the one who accepted this invitation. */
    acceptedByYou: input.userId !== null && invitation.acceptedById === input.userId,
    /**
     * For a signed-in person and an invitation for one address: whether it is theirs (accepting
     * refuses any other, so the page offers to switch accounts instead of a button that fails).
     * null when nobody is signed in or the invitation names no address.
     */
    forSignedInAddress:
      signedIn && invitation.email
        ? signedIn.email?.toLowerCase() === invitation.email.toLowerCase()
        : null,
  };
}
