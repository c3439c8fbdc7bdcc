/** Why an invitation link can or cannot be used now. */
export type InvitationStatus = "valid" | "expired" | "revoked" | "used";

/** What `invitationStatus` reads, for the `select` of a query that will call it. */
export const invitationStatusSelect = {
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
} as const;

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

export const statusMessages: Record<Exclude<InvitationStatus, "valid">, string> = {
  expired: "This invitation has expired. Ask a team admin for a new link.",
  revoked:
    "This invitation was revoked by a team admin. Ask them for a new link if you still need one.",
  used: "This invitation was already used. Each link works once; ask a team admin for a new one.",
};
