import type { Prisma } from "@tradeoff/db";

/** What happened in a team's membership, roles, invitations or settings. */
export type AuditAction =
  | "team.created"
  | "team.renamed"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "team.ownership_transferred"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "webhook.created"
  | "webhook.changed"
  | "webhook.secret_rotated"
  | "webhook.deleted";

type Writer = {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): unknown };
};

/** Appends one event; call it inside the transaction of the change it records. */
export async function recordAuditEvent(
  db: Writer,
  event: {
    teamId: string;
    actorId: string | null;
    action: AuditAction;
    subjectId?: string | null;
    data?: Prisma.InputJsonObject;
  },
) {
  await db.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      subjectId: event.subjectId ?? null,
      data: event.data ?? {},
    },
  });
}
