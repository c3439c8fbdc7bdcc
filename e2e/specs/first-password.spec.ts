import { type BrowserContext, expect, test } from "@playwright/test";
import { signInOverHttp, uniqueUser } from "../support/fixtures";
import { askForSignInLink, emailedSignInLink, ownServerWithMailbox } from "../support/mail-server";

/**
 * An account made by an emailed sign-in link has no password: the account page lets it set a
 * first one soon after signing in, then only change it with the current one. The spec runs an
 * app instance of its own whose sign-in links go through a real SMTP server in the test process.
 */

const server = ownServerWithMailbox();
const { own } = server;

/** Asks for a sign-in link to `email` and follows it in `context`: signed in, no password. */
async function signInByEmailLink(context: BrowserContext, email: string) {
  await askForSignInLink(context.request, email);
  const link = await emailedSignInLink(server.mailbox, email);
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).not.toHaveURL(/sign-in|error/);
  return page;
}

test("an account made by an emailed link sets a first password soon after signing in, then signs in with it", async ({
  browser,
}) => {
  test.setTimeout(90_000); // an instance of its own and an email
  const user = uniqueUser("linked");
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await signInByEmailLink(context, user.email);

  await page.goto("/account");
  await expect(page.getByText("Your account has no password")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveCount(0);
  await expect(page.getByText("within 10 minutes of signing in")).toBeVisible();

  // Signed in too long ago: the page says to sign in again, and sets nothing.
  await own.database.db.signInSession.updateMany({
    where: { user: { email: user.email } },
    data: { signedInAt: new Date(Date.now() - 11 * 60_000) },
  });
  await page.getByLabel("New password").fill(user.password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText(/a password can be set only within 10 minutes/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out and sign in again" })).toBeVisible();
  // A session from before sign-in records (given one later, with no sign-in time): the same.
  await own.database.db.signInSession.updateMany({
    where: { user: { email: user.email } },
    data: { signedInAt: null, createdAt: new Date() },
  });
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText(/no record of when you signed in/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out and sign in again" })).toBeVisible();
  const stored = await own.database.db.user.findUniqueOrThrow({
    where: { email: user.email },
    select: { passwordHash: true },
  });
  expect(stored.passwordHash).toBeNull();

  // Just signed in again: a guessable password is refused on its field, a good one is set.
  await own.database.db.signInSession.updateMany({
    where: { user: { email: user.email } },
    data: { signedInAt: new Date() },
  });
  await page.getByLabel("New password").fill("password1");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText(/easy to guess|too easy/i).first()).toBeVisible();
  await page.getByLabel("New password").fill(user.password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set. You were signed out everywhere else.")).toBeVisible();
  // From now on the password is changed with the current one.
  await expect(page.getByLabel("Current password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Set password" })).toHaveCount(0);

  // Another browser signs in with the new password.
  const other = await browser.newContext({ baseURL: own.app.origin });
  await signInOverHttp(other.request, user);
  const account = await other.request.get("/api/trpc/account.get");
  expect(account.status()).toBe(200);
  expect(await account.text()).toContain(user.email);
  await other.close();
  await context.close();
});
