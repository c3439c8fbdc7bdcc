import type { Prisma } from "@tradeoff/db";

/**
 * Marks read the inbox items that announced these invitations, now that they can no longer be
 * used (revoked): nothing is left for the invitee to act on, so none stays unread. Only an
 * invitation for an address has an inbox item, and only its invitee (the account with that
 * address) holds it. Call it in the transaction that revokes them; the invitee's unread count
 * follows at commit.
 */
export async function markInvitationsReadInInbox(
  tx: Prisma.TransactionClient,
  invitationIds: readonly string[],
  now: Date,
): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const invitations = await tx.invitation.findMany({
    where: { id: { in: [...invitationIds] }, email: { not: null } },
    select: { id: true, email: true },
  });
  const emails = invitations.flatMap((invitation) => (invitation.email ? [invitation.email] : []));
  if (emails.length === 0) return 0;
  const { count } = await tx.notification.updateMany({
    where: {
      kind: "team.invited",
      readAt: null,
      user: { email: { in: emails } },
      OR: invitations.map((invitation) => ({
        data: { path: ["invitationId"], equals: invitation.id },
      })),
    },
    data: { readAt: now },
  });
  return count;
}
