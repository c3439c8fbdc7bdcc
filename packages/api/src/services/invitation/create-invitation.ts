import type { PrismaClient, Role } from "@tradeoff/db";
import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import { isUniqueViolation } from "../../database-errors";
import { ROLE_RANK } from "../../domain/roles";
import { seal } from "../../domain/sealed-secret";
import { DomainError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lockedActorRole } from "../member/current-role";
import { notifyUsers } from "../notification/notify";
import type { InvitationEmailJob } from "./invitation-email";
import { invitationFields, pendingInvitationsOf } from "./list-invitations";
import { hashInvitationToken, invitationPath, newInvitationToken } from "./token";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Pending (neither used, revoked nor expired) invitations one team may have at once. */
export const PENDING_INVITATION_LIMIT = 200;

/**
 * The answer to a key already used: the invitation exists (and its email is on its way), but
 * its token was shown only in the first answer and only its hash is kept.
 */
function alreadyCreated(invitation: { email: string | null }) {
  const what = invitation.email
    ? `This invitation for ${invitation.email}`
    : "This invitation link";
  return new DomainError(
    "CONFLICT",
    `${what} was already created by an earlier attempt; its link is shown only once and cannot be shown again. It is listed under pending invitations: revoke it and invite again for a new link.`,
  );
}

function assertMayInviteAs(role: Role, actorRole: Role) {
  if (ROLE_RANK[role] > ROLE_RANK[actorRole]) {
    const message = `You can invite with at most your own role (${actorRole.toLowerCase()}).`;
    throw new DomainError("FORBIDDEN", message, { role: [message] });
  }
}

/** The actor's invitation to this team created with this key, if any. */
function invitationWithKey(
  tx: Pick<PrismaClient, "invitation">,
  input: { teamId: string; actorId: string },
  key: string,
) {
  return tx.invitation.findFirst({
    where: { teamId: input.teamId, createdById: input.actorId, clientKey: key },
    select: { email: true },
  });
}

/**
 * Creates a single-use invitation for an email address (or an open link when `email` is
 * null). The token is returned once, for the link; only its hash is stored. With email on and
 * an address given, the email with the link is queued in the same transaction (sent by the job
 * worker, retried if the mail server fails); the admin can always copy the link too. With an
 * idempotency key, a second request with the same key (a double click, a retry after a lost
 * answer) creates and sends nothing and is refused with CONFLICT: the token cannot be answered
 * twice.
 */
export async function createInvitation(
  db: PrismaClient,
  input: {
    teamId: string;
    actorId: string;
    actorRole: Role;
    email: string | null;
    role: Role;
    expiresInDays: number;
    idempotencyKey?: string | undefined;
  },
  delivery: {
    /** Whether this deployment sends email (SMTP_URL, EMAIL_FROM and NEXTAUTH_URL set). */
    emailEnabled: boolean;
    /** NEXTAUTH_SECRET: encrypts the link's token in the queued job. */
    secret: string | null;
  } = { emailEnabled: false, secret: null },
) {
  assertMayInviteAs(input.role, input.actorRole);
  if (input.email) {
    const member = await db.membership.findFirst({
      where: { teamId: input.teamId, user: { email: input.email } },
      select: { id: true },
    });
    if (member) {
      const message = "This person is already a member of the team.";
      throw new DomainError("CONFLICT", message, { email: [message] });
    }
  }
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  const queueEmail = Boolean(input.email && delivery.emailEnabled && delivery.secret);
  const clientKey = input.idempotencyKey ?? null;
  const invitation = await db
    .$transaction(async (tx) => {
      // Under the team's lock, as role changes are: one invitation per team at a time, so two
      // at once cannot both pass the limit, and the inviter's role as it stands, so an admin
      // demoted while this waited cannot still hand out the admin role (revokeInvitationsBeyond,
      // run under the same lock, sees every invitation made before the demotion).
      const actorRole = await lockedActorRole(tx, {
        teamId: input.teamId,
        actorId: input.actorId,
        minRole: "ADMIN",
      });
      assertMayInviteAs(input.role, actorRole);
      // Under the lock, so the second of two requests with one key sees the first's invitation.
      const earlier = clientKey ? await invitationWithKey(tx, input, clientKey) : null;
      if (earlier) throw alreadyCreated(earlier);
      const pending = await tx.invitation.count({ where: pendingInvitationsOf(input.teamId) });
      if (pending >= PENDING_INVITATION_LIMIT) {
        throw new DomainError(
          "PRECONDITION_FAILED",
          `The team already has ${PENDING_INVITATION_LIMIT} pending invitations, the most it can have. Revoke invitations nobody will use, then invite again.`,
        );
      }
      const created = await tx.invitation.create({
        data: {
          teamId: input.teamId,
          email: input.email,
          role: input.role,
          tokenHash: hashInvitationToken(token),
          expiresAt,
          createdById: input.actorId,
          clientKey,
        },
        select: invitationFields,
      });
      await recordAuditEvent(tx, {
        teamId: input.teamId,
        actorId: input.actorId,
        action: "invitation.created",
        data: { invitationId: created.id, email: input.email, role: input.role },
      });
      // Someone who already has an account also finds the invitation in their inbox, but only
      // when the account proved the address (an emailed sign-in link set emailVerified): anyone
      // can sign up with an address that is not theirs, and the link grants the role. Others
      // get it the way a stranger does, through the email or from the admin. Only the token's
      // hash is stored in the clear: the inbox item keeps the token sealed with NEXTAUTH_SECRET,
      // as the email job does, and opens it only when its owner lists their inbox.
      const invitee = input.email
        ? await tx.user.findFirst({
            where: { email: input.email, emailVerified: { not: null } },
            select: { id: true },
          })
        : null;
      if (invitee) {
        await notifyUsers(tx, [invitee.id], {
          kind: "team.invited",
          teamId: input.teamId,
          actorId: input.actorId,
          data: {
            invitationId: created.id,
            role: input.role,
            ...(delivery.secret
              ? { tokenSealed: seal("invitationToken", token, delivery.secret) }
              : {}),
          },
        });
      }
      if (queueEmail && delivery.secret) {
        const job: InvitationEmailJob = {
          invitationId: created.id,
          tokenEncrypted: seal("invitationToken", token, delivery.secret),
        };
        await sendInTransaction(tx, JOB_QUEUES.invitationEmail, job, {
          id: jobId(JOB_QUEUES.invitationEmail, created.id),
        });
      }
      return created;
    })
    .catch(async (error: unknown) => {
      // The unique index is the last word should the lock ever be bypassed.
      const earlier =
        clientKey && isUniqueViolation(error)
          ? await invitationWithKey(db, input, clientKey)
          : null;
      if (earlier) throw alreadyCreated(earlier);
      throw error;
    });

  // An address was given but no email goes out: say so, so nobody waits for a message.
  const mailError = !input.email
    ? null
    : !delivery.emailEnabled
      ? "No email was sent: this server has no email set up. Copy the link and send it yourself."
      : !delivery.secret
        ? "The email could not be queued: the server has no NEXTAUTH_SECRET. Copy the link and send it yourself."
        : null;
  return { ...invitation, token, path: invitationPath(token), emailQueued: queueEmail, mailError };
}
