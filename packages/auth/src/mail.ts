import nodemailer from "nodemailer";

type InvitationMail = {
  to: string;
  teamName: string;
  inviterName: string;
  role: string;
  url: string;
  expiresAt: Date;
};

/**
 * Sends invitation emails over SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.com:587)
 * from `EMAIL_FROM`. Without SMTP_URL there is no mailer and admins copy the link instead.
 */
export function createInvitationMailer(settings: { smtpUrl: string; from: string }) {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async sendInvitation(mail: InvitationMail) {
      const role = mail.role.toLowerCase();
      const until = mail.expiresAt.toUTCString();
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: `${mail.inviterName} invited you to ${mail.teamName} on Tradeoff`,
        text: [
          `${mail.inviterName} invited you to join ${mail.teamName} on Tradeoff as ${role}.`,
          "",
          `Accept the invitation: ${mail.url}`,
          "",
          `The link works once and expires on ${until}. If you did not expect it, ignore this email.`,
        ].join("\n"),
      });
    },
  };
}

/** One email as the app composes it; the transport adds nothing but the sender. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification, so a repeated send can be recognised by the receiving side. */
  messageId?: string;
  headers?: Record<string, string>;
};

/** Sends any email over SMTP (`SMTP_URL`) from `EMAIL_FROM`: notification emails use it. */
export function createSmtpMailer(settings: { smtpUrl: string; from: string }) {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from: settings.from, ...mail });
    },
  };
}
