import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { createToken } from "../support/cli";
import { expect, signInOverHttp, type TestUser, test } from "../support/fixtures";

/** A second browser signed in as `user`, on the account page. */
async function secondBrowser(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  await signInOverHttp(context.request, user);
  const page = await context.newPage();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  return { context, page };
}

/**
 * The signed-in user of `page` elsewhere too: in a second browser, on the account page, and with
 * a read-only access token (its authorization header).
 */
async function signedInElsewhere(browser: Browser, page: Page, user: TestUser) {
  const other = await secondBrowser(browser, user);
  const { token } = await createToken(page.request, "Laptop CLI", "READ");
  return { other, bearer: { authorization: `Bearer ${token}` } };
}

const tokenStatus = async (request: APIRequestContext, bearer: { authorization: string }) =>
  (await request.get("/api/trpc/account.get", { headers: bearer })).status();

async function changePassword(page: Page, user: TestUser, next: string, keepTokens: boolean) {
  await page.goto("/account");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(next);
  if (keepTokens) await page.getByLabel("Keep my personal access tokens working").check();
  await page.getByRole("button", { name: "Change password" }).click();
}

async function expectSignedOut(other: { page: Page; context: BrowserContext }) {
  await other.page.reload();
  await expect(other.page).toHaveURL(/\/sign-in/);
  await other.context.close();
}

for (const { keepTokens, title, told, tokenAfter } of [
  {
    keepTokens: false,
    title:
      "changing the password signs the other browser out and revokes access tokens, keeping this session",
    told: "Password changed. You were signed out everywhere else. Your access token was revoked.",
    tokenAfter: 401,
  },
  {
    keepTokens: true,
    title: "a member who keeps their tokens on a password change keeps them working",
    told: "Password changed. You were signed out everywhere else.",
    tokenAfter: 200,
  },
]) {
  test(title, async ({ page, signedIn, browser, request }) => {
    const { other, bearer } = await signedInElsewhere(browser, page, signedIn);
    expect(await tokenStatus(request, bearer)).toBe(200);

    await page.goto("/account");
    const rows = page.getByTestId("session-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(rows.first()).toContainText("Chrome");

    await changePassword(page, signedIn, "a-brand-new-password", keepTokens);
    await expect(page.getByText(told, { exact: true })).toBeVisible();
    await expect(rows).toHaveCount(1);

    await expectSignedOut(other);
    expect(await tokenStatus(request, bearer)).toBe(tokenAfter);
    // This browser is still signed in; the new password signs in elsewhere.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    const again = await secondBrowser(browser, { ...signedIn, password: "a-brand-new-password" });
    await again.context.close();
  });
}

test("the account page signs out one session, or every other one, at once", async ({
  page,
  signedIn,
  browser,
}) => {
  const first = await secondBrowser(browser, signedIn);
  await page.goto("/account");
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await rows
    .filter({ hasNotText: "This device" })
    .getByRole("button", { name: /^Sign out / })
    .click();
  await expect(page.getByText("Session signed out.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expectSignedOut(first);

  const second = await secondBrowser(browser, signedIn);
  const third = await secondBrowser(browser, signedIn);
  await page.reload();
  await expect(rows).toHaveCount(3);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("Signed out of 2 other sessions.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expectSignedOut(second);
  await expectSignedOut(third);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
});

test("signing out ends the session on the server: a copy of its cookie is refused", async ({
  page,
  signedIn,
  browser,
}) => {
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  // Someone copies the session cookie while the member is still signed in.
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  expect((await copy.request.get("/api/trpc/account.get")).status()).toBe(200);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();

  expect((await copy.request.get("/api/trpc/account.get")).status()).toBe(401);
  await copy.close();
  // Signed in again elsewhere, the member no longer sees the ended session listed.
  const other = await secondBrowser(browser, signedIn);
  await expect(other.page.getByTestId("session-row")).toHaveCount(1);
  await other.context.close();
});
