import type { Role } from "@tradeoff/db";

/** What an invitation email says; the web app provides the transport (SMTP through nodemailer). */
export type InvitationMail = {
  to: string;
  teamName: string;
  inviterName: string;
  role: Role;
  url: string;
  expiresAt: Date;
};

export type InvitationMailer = { sendInvitation(mail: InvitationMail): Promise<void> };
