import { type APIRequestContext, expect, test } from "@playwright/test";
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

/**
 * Asks for a sign-in link emailed to `email`, as the sign-in page does (CSRF token first), on the
 * instance `request` is for; `callbackUrl`, where the link is to lead after signing in.
 */
export async function askForSignInLink(
  request: APIRequestContext,
  email: string,
  callbackUrl?: string,
) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const asked = await request.post("/api/auth/signin/email", {
    form: {
      csrfToken: csrf.csrfToken,
      email,
      json: "true",
      ...(callbackUrl ? { callbackUrl } : {}),
    },
  });
  expect(asked.status(), callbackUrl ?? email).toBe(200);
}

/**
 * The sign-in link in the latest email to `email` that `mailbox` received after its first
 * `since` emails, once one arrives.
 */
export async function emailedSignInLink(mailbox: SmtpMailbox, email: string, since = 0) {
  const signInMail = () =>
    mailbox.received
      .slice(since)
      .findLast(
        (mail) =>
          JSON.stringify(mail.to ?? "").includes(email) &&
          mail.text?.includes("/api/auth/callback/email"),
      );
  await expect.poll(() => signInMail() !== undefined, { timeout: 30_000 }).toBe(true);
  const link = signInMail()?.text?.match(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/)?.[0];
  expect(link, `a sign-in link to ${email}`).toBeDefined();
  return link ?? "";
}
