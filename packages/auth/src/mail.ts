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

/** How long one SMTP conversation may wait at each step, in milliseconds. */
export type SmtpTimeouts = {
  /** To open the connection. */
  connectionMs: number;
  /** For the server's greeting once connected. */
  greetingMs: number;
  /** For any reply of the server while talking to it. */
  socketMs: number;
};

/**
 * nodemailer's defaults wait up to 10 minutes for a silent server, which holds a sign-in request
 * or an email job that long; a working server answers within seconds, so a send gives up after
 * 10-15 s and fails with a clear error (the job queue then retries it). The email queues' expiry
 * (`EMAIL_JOB_EXPIRE_SECONDS`) is set just above the sum of these.
 */
export const SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 15_000,
};

/**
 * `smtpUrl` with explicit timeouts, for every email of the app (sign-in links included). They go
 * in the URL's query, nodemailer's documented way to give options with a connection URL (an
 * options object with a `url` ignores its other options); a timeout already in the URL is kept.
 */
export function smtpUrlWithTimeouts(smtpUrl: string, timeouts: SmtpTimeouts = SMTP_TIMEOUTS) {
  const url = new URL(smtpUrl);
  const options = {
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  };
  for (const [name, value] of Object.entries(options)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/** Where the server is, for errors: host and port only, never the credentials of the URL. */
function serverName(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    return "the configured address";
  }
}

/**
 * Sends any email over SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.com:587) from
 * `EMAIL_FROM`: every email of the app (invitations, notifications, sign-up) goes through it,
 * sent by the job queue. `timeouts` overrides `SMTP_TIMEOUTS` (tests use short ones).
 */
export function createSmtpMailer(settings: {
  smtpUrl: string;
  from: string;
  timeouts?: SmtpTimeouts;
}) {
  const transport = nodemailer.createTransport(
    smtpUrlWithTimeouts(settings.smtpUrl, settings.timeouts),
  );
  return {
    async send(mail: OutgoingMail) {
      try {
        await transport.sendMail({ from: settings.from, ...mail });
      } catch (error) {
        if ((error as { code?: unknown }).code === "ETIMEDOUT") {
          throw new Error(
            `The SMTP server at ${serverName(settings.smtpUrl)} did not answer in time; check SMTP_URL and that the server is up.`,
            { cause: error },
          );
        }
        throw error;
      }
    },
  };
}
