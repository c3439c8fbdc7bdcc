import { type Browser, expect, test } from "@playwright/test";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { answerInBrowser } from "../support/fixtures";
import { askForSignInLink, emailedSignInLink } from "../support/mail-server";
import { ownServer } from "../support/own-server";
import { memberWithDecision } from "../support/teams";

/**
 * A decision's link opened signed out returns to the decision after signing in with an emailed
 * link, and the return address goes along to GitHub's sign-in too. The spec runs an app instance
 * of its own with email sign-in through a real SMTP server in the test process, and GitHub
 * sign-in configured (GitHub itself is not reached: its page is answered in the browser).
 */

test.describe.configure({ mode: "serial" });
let mailbox: SmtpMailbox | undefined;
test.beforeAll(async () => {
  mailbox = await startSmtpMailbox();
});
test.afterAll(async () => {
  await mailbox?.close();
});
const own = ownServer({
  poolSize: 1,
  env: () => ({
    EMAIL_SERVER: mailbox?.url ?? "",
    EMAIL_FROM: "Tradeoff <noreply@example.com>",
    GITHUB_ID: "e2e-github-id",
    GITHUB_SECRET: "e2e-github-secret",
  }),
});

/** A member of a team with a decision, signed in elsewhere; the decision's path with a query. */
function memberWithBrokerDecision(browser: Browser) {
  return memberWithDecision(
    browser,
    "emailed-return",
    {
      title: "Which broker?",
      options: [
        ["a", "RabbitMQ"],
        ["b", "NATS"],
      ],
    },
    own.app.origin,
  );
}

test("signing in with an emailed link returns to the decision whose link was opened", async ({
  browser,
}) => {
  test.setTimeout(120_000); // an instance of its own and an email
  const { user, decision } = await memberWithBrokerDecision(browser);
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  await page.goto(decision);
  await page.getByLabel("Email for a sign-in link").fill(user.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("Check your inbox for a sign-in link.")).toBeVisible();

  if (!mailbox) throw new Error("The spec's SMTP server did not start.");
  const link = await emailedSignInLink(mailbox, user.email);
  await page.goto(link);
  await page.waitForURL((url) => url.pathname !== "/sign-in" && !url.pathname.startsWith("/api"));
  const landed = new URL(page.url());
  expect(`${landed.pathname}${landed.search}`).toBe(decision);
  await expect(page.getByRole("heading", { name: "Which broker?", level: 1 })).toBeVisible();
  await context.close();
});

test("GitHub sign-in started from a decision's link carries the way back to it", async ({
  browser,
}) => {
  const { decision } = await memberWithBrokerDecision(browser);
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  const toGitHub = await answerInBrowser(page, "github.com", "GitHub");
  await page.goto(decision);
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect.poll(() => toGitHub.length).toBeGreaterThan(0);
  // Where next-auth sends the browser once GitHub answers: kept in its callback-url cookie.
  const cookies = await context.cookies(own.app.origin);
  const callback = cookies.find((cookie) => cookie.name.endsWith("next-auth.callback-url"));
  expect(decodeURIComponent(callback?.value ?? "")).toBe(`${own.app.origin}${decision}`);
  await context.close();
});

test("an emailed link asked for with a return address off the site signs in on this site", async ({
  browser,
}) => {
  test.setTimeout(120_000); // an instance of its own and emails
  const { user } = await memberWithBrokerDecision(browser);
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  const offSite = await answerInBrowser(page, "attacker.example", "Phished");
  for (const callbackUrl of [
    "https://attacker.example/phish",
    "//attacker.example/phish",
    "/\\attacker.example/phish",
  ]) {
    await context.clearCookies();
    const sent = mailbox?.received.length ?? 0;
    await askForSignInLink(context.request, user.email, callbackUrl);
    if (!mailbox) throw new Error("The spec's SMTP server did not start.");
    const link = await emailedSignInLink(mailbox, user.email, sent);
    await page.goto(link);
    await page.waitForLoadState("load");
    expect(new URL(page.url()).origin, callbackUrl).toBe(own.app.origin);
  }
  expect(offSite).toEqual([]);
  await context.close();
});
