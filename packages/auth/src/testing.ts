/**
 * Test support for the email the app sends through `createSmtpMailer`: a real SMTP server in the
 * test's own process. Tests only; the app never imports it.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpMailbox = {
  /** Every message the server accepted, parsed, in the order they arrived. */
  received: ParsedMail[];
  /** Where to send: `smtp://127.0.0.1:<port>`, as SMTP_URL or `createSmtpMailer`'s smtpUrl. */
  url: string;
  close(): Promise<void>;
};

/**
 * Starts an SMTP server on a free port of 127.0.0.1 that takes mail without authentication or
 * TLS, and parses and keeps every message it accepts. `acceptAfterMs` makes it a slow server:
 * each message is answered (and kept) only that long after it arrived.
 */
export async function startSmtpMailbox(
  options: { acceptAfterMs?: number } = {},
): Promise<SmtpMailbox> {
  const received: ParsedMail[] = [];
  const slow = options.acceptAfterMs ?? 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      const arrived = Date.now();
      simpleParser(stream).then(
        (mail) =>
          setTimeout(
            () => {
              received.push(mail);
              done();
            },
            Math.max(0, arrived + slow - Date.now()),
          ),
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
