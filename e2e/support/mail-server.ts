import { test } from "@playwright/test";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { ownServer } from "./own-server";

/**
 * A spec's own app instance whose SMTP_URL points at a real SMTP server in the test process:
 * the shared e2e server sends no email. Called at the top of a spec file, whose tests then run
 * in turn; `mailbox.received` holds every email the instance sent.
 */
export function ownServerWithMailbox(
  /**
   * `acceptAfterMs`: the SMTP server takes each email only this long after it arrived. `env`:
   * more settings for the instance.
   */
  options: { acceptAfterMs?: number; env?: Record<string, string> } = {},
) {
  let mailbox: SmtpMailbox | undefined;
  const started = () => {
    if (!mailbox) throw new Error("The spec's SMTP server did not start.");
    return mailbox;
  };
  test.describe.configure({ mode: "serial" });
  // Registered before the instance's own hook, so the SMTP server is up when it starts.
  test.beforeAll(async () => {
    mailbox = await startSmtpMailbox({ acceptAfterMs: options.acceptAfterMs ?? 0 });
  });
  test.afterAll(async () => {
    await mailbox?.close();
  });
  const own = ownServer({
    poolSize: 1,
    env: () => ({
      SMTP_URL: started().url,
      // Sign-in links by email, through the same server.
      EMAIL_SERVER: started().url,
      EMAIL_FROM: "Tradeoff <noreply@example.com>",
      ...options.env,
    }),
  });
  return {
    own,
    get mailbox() {
      return started();
    },
  };
}
