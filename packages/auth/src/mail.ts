import nodemailer from "nodemailer";

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

/**
 * Sends any email over SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.com:587) from
 * `EMAIL_FROM`: every email of the app (invitations, notifications, sign-up) goes through it,
 * sent by the job queue.
 */
export function createSmtpMailer(settings: { smtpUrl: string; from: string }) {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from: settings.from, ...mail });
    },
  };
}
