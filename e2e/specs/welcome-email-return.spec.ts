import { expect, test } from "@playwright/test";
import { person } from "../support/decisions";
import { ownServerWithMailbox } from "../support/mail-server";
import { uniqueName } from "../support/names";
import { createTeamOverApi, inviteOverApi } from "../support/teams";

/**
 * Someone who creates an account from an invitation's link is brought back to the invitation
 * by the sign-in link of the welcome email. The spec runs an app instance of its own whose
 * SMTP_URL points at a real SMTP server in the test process.
 */

const server = ownServerWithMailbox();
const { own } = server;

test("the welcome email of an account created from an invitation signs in back to the invitation", async ({
  browser,
}) => {
  test.setTimeout(120_000); // an instance of its own, a sign-up and an email
  const owner = await person(browser, "welcome-owner", undefined, own.app.origin);
  const team = await createTeamOverApi(owner.context.request, uniqueName("Welcome"));
  const invitation = await inviteOverApi(owner.context.request, team.id);
  const invitationPath = new URL(invitation.path, own.app.origin).pathname;
  await owner.context.close();

  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  await page.goto(invitationPath);
  await page.getByRole("link", { name: "Create an account" }).click();
  const email = `welcome-${Math.random().toString(36).slice(2, 9)}@example.com`;
  const password = "maple quartz river 31";
  await page.getByLabel("Name").fill("Wendy Welcome");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  const welcome = () =>
    server.mailbox.received.find(
      (mail) =>
        JSON.stringify(mail.to ?? "").includes(email) &&
        mail.subject === "Your Tradeoff account is ready",
    );
  await expect.poll(() => welcome() !== undefined, { timeout: 30_000 }).toBe(true);
  const link = welcome()?.text?.match(/Sign in: (\S+)/)?.[1];
  expect(link).toBeDefined();
  expect(new URL(link ?? "").searchParams.get("callbackUrl")).toBe(invitationPath);

  await page.goto(link ?? "");
  await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === invitationPath);
  await expect(page.getByRole("button", { name: /Join/ })).toBeVisible();
  await context.close();
});
