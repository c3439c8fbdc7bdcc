import type { PrismaClient } from "@tradeoff/db";
import { SealedSecretUnreadableError, unseal } from "../../domain/sealed-secret";
import { utcDateTime } from "../../domain/utc-time";
import { messageIdFor, paragraphsHtml } from "../notification/email-html";
import type { EmailSettings } from "../notification/send-email";
import { invitationStatus, invitationStatusSelect } from "./invitation-status";
import { invitationPath } from "./token";

/**
 * The invitation email's job data. The link's token is stored only as a hash on the invitation,
 * so the job carries it sealed with a key derived from NEXTAUTH_SECRET for this purpose alone:
 * the job table never holds a usable link.
 */
export type InvitationEmailJob = { invitationId: string; tokenEncrypted: string };

/**
 * Emails an invitation's link to its address. Nothing is sent when the invitation is gone, has
 * no address, or can no longer be used (accepted, revoked, expired) by the time the job runs.
 * A job repeated after a crash sends with the same Message-ID. The invitation records when
 * its email was taken by the mail server (`emailedAt`), which the pending list shows.
 */
export async function sendInvitationEmail(
  db: PrismaClient,
  settings: EmailSettings,
  job: { id: string; data: InvitationEmailJob },
): Promise<{ sent: boolean }> {
  const invitation = await db.invitation.findUnique({
    where: { id: job.data.invitationId },
    select: {
      email: true,
      role: true,
      ...invitationStatusSelect,
      team: { select: { name: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  if (!invitation?.email || invitationStatus(invitation) !== "valid") return { sent: false };
  const token = openInvitationToken(job.data.tokenEncrypted, settings.secret);
  const url = new URL(invitationPath(token), settings.appUrl).toString();
  const inviter = invitation.createdBy?.name ?? invitation.createdBy?.email ?? "A teammate";
  const team = invitation.team.name;
  const role = invitation.role.toLowerCase();
  const lines = [
    `${inviter} invited you to join ${team} on Tradeoff as ${role}.`,
    `Accept the invitation: ${url}`,
    `The link works once and expires on ${utcDateTime(invitation.expiresAt)}. If you did not expect it, ignore this email.`,
  ];
  await settings.mailer.send({
    to: invitation.email,
    subject: `${inviter} invited you to ${team} on Tradeoff`,
    text: lines.join("\n\n"),
    html: paragraphsHtml(lines, {
      prefix: "Accept the invitation: ",
      href: url,
      label: "Accept the invitation",
    }),
    messageId: messageIdFor("invitation", job.id, settings.appUrl),
  });
  // Only once the mail server took it: a send that failed leaves the invitation not emailed.
  // (An invitation deleted with its team meanwhile has nothing to record.)
  await db.invitation.updateMany({
    where: { id: job.data.invitationId },
    data: { emailedAt: new Date() },
  });
  return { sent: true };
}

/**
 * Jobs queued before invitation tokens had a key of their own were sealed with the webhook
 * secrets' key; they open with it once, while such a job may still wait in the queue.
 */
function openInvitationToken(sealed: string, appSecret: string): string {
  try {
    return unseal("invitationToken", sealed, appSecret);
  } catch (error) {
    if (!(error instanceof SealedSecretUnreadableError)) throw error;
    return unseal("webhookSecret", sealed, appSecret);
  }
}
