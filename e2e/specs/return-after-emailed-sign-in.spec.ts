import { type Browser, expect, test } from "@playwright/test";
import { type SmtpMailbox, startSmtpMailbox } from "@tradeoff/auth/testing";
import { createSmallProject, person } from "../support/decisions";
import { ownServer } from "../support/own-server";
import { createTeamOverApi } from "../support/teams";

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
async function memberWithDecision(browser: Browser) {
  const owner = await person(browser, "emailed-return", undefined, own.app.origin);
  const team = await createTeamOverApi(
    owner.context.request,
    `Mail ${Math.random().toString(36).slice(2, 7)}`,
  );
  const project = await createSmallProject(owner.context.request, team.id, {
    title: "Which broker?",
    options: [
      ["a", "RabbitMQ"],
      ["b", "NATS"],
    ],
  });
  await owner.context.close();
  return { user: owner.user, decision: `/t/${team.slug}/p/${project.id}?from=email` };
}

test("signing in with an emailed link returns to the decision whose link was opened", async ({
  browser,
}) => {
  test.setTimeout(120_000); // an instance of its own and an email
  const { user, decision } = await memberWithDecision(browser);
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  await page.goto(decision);
  await page.getByLabel("Email for a sign-in link").fill(user.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("Check your inbox for a sign-in link.")).toBeVisible();

  const signInMail = () =>
    mailbox?.received.find(
      (mail) =>
        JSON.stringify(mail.to ?? "").includes(user.email) &&
        mail.text?.includes("/api/auth/callback/email"),
    );
  await expect.poll(() => signInMail() !== undefined, { timeout: 30_000 }).toBe(true);
  const link = signInMail()?.text?.match(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/)?.[0];
  expect(link).toBeDefined();
  await page.goto(link ?? "");
  await page.waitForURL((url) => url.pathname !== "/sign-in" && !url.pathname.startsWith("/api"));
  const landed = new URL(page.url());
  expect(`${landed.pathname}${landed.search}`).toBe(decision);
  await expect(page.getByRole("heading", { name: "Which broker?", level: 1 })).toBeVisible();
  await context.close();
});

test("GitHub sign-in started from a decision's link carries the way back to it", async ({
  browser,
}) => {
  const { decision } = await memberWithDecision(browser);
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  const toGitHub: string[] = [];
  await page.route(
    (url) => url.hostname === "github.com",
    (route) => {
      toGitHub.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<h1>GitHub</h1>" });
    },
  );
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
  const { user } = await memberWithDecision(browser);
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  const offSite: string[] = [];
  await page.route(
    (url) => url.hostname === "attacker.example",
    (route) => {
      offSite.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "<h1>Phished</h1>" });
    },
  );
  for (const callbackUrl of [
    "https://attacker.example/phish",
    "//attacker.example/phish",
    "/\\attacker.example/phish",
  ]) {
    await context.clearCookies();
    const sent = mailbox?.received.length ?? 0;
    const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const asked = await context.request.post("/api/auth/signin/email", {
      form: { csrfToken: csrf.csrfToken, email: user.email, json: "true", callbackUrl },
    });
    expect(asked.status(), callbackUrl).toBe(200);
    const signInMail = () =>
      mailbox?.received
        .slice(sent)
        .find(
          (mail) =>
            JSON.stringify(mail.to ?? "").includes(user.email) &&
            mail.text?.includes("/api/auth/callback/email"),
        );
    await expect.poll(() => signInMail() !== undefined, { timeout: 30_000 }).toBe(true);
    const link = signInMail()?.text?.match(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/)?.[0];
    await page.goto(link ?? "");
    await page.waitForLoadState("load");
    expect(new URL(page.url()).origin, callbackUrl).toBe(own.app.origin);
  }
  expect(offSite).toEqual([]);
  await context.close();
});
