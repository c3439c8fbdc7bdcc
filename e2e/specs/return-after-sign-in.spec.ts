import type { Page } from "@playwright/test";
import { answerInBrowser, expect, signedUpOverApi, test, uniqueUser } from "../support/fixtures";
import { signInWithForm, signUpWithForm } from "../support/forms";
import { memberWithDecision } from "../support/teams";

/**
 * A link from an email or a chat (a decision, the inbox, notification settings) opened while
 * signed out leads to the sign-in page, and signing in leads back to that very page, query
 * included. The return address never leads off the site, however it is written or encoded.
 */

/** The page after signing in: path and query. */
function pathOf(page: Page) {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

test("a decision's link opened signed out returns to the decision after signing in", async ({
  browser,
  page,
}) => {
  const { user, decision } = await memberWithDecision(browser, "deep-link", {
    title: "Which cache?",
    options: [
      ["a", "Redis"],
      ["b", "Memcached"],
    ],
  });
  await page.goto(decision);
  await expect(page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(decision);

  await signInWithForm(page, user);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  expect(pathOf(page)).toBe(decision);
  await expect(page.getByRole("heading", { name: "Which cache?", level: 1 })).toBeVisible();
});

test("every signed-in page sends a signed-out visitor to sign in and back to it", async ({
  page,
}) => {
  for (const path of [
    "/inbox?filter=unread",
    "/account/notifications",
    "/account/tokens",
    "/start",
    "/t/some-team/members",
    "/t/some-team/p/42/draft",
    "/t/some-team/p/42/record",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in\?/);
    expect(new URL(page.url()).searchParams.get("callbackUrl"), path).toBe(path);
  }
});

test("signing up from the sign-in page a link led to returns to the linked page", async ({
  page,
}) => {
  const target = "/account/notifications?from=digest";
  await page.goto(target);
  await page.getByRole("link", { name: "Create an account" }).click();
  // The sign-up page's own way back to sign in keeps the return address too.
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute(
    "href",
    `/sign-in?callbackUrl=${encodeURIComponent(target)}`,
  );
  await signUpWithForm(page, uniqueUser("deep-link-new"));
  await expect(page.getByRole("heading", { name: "Sign in to continue" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/account/notifications");
  expect(pathOf(page)).toBe(target);
});

/**
 * Return addresses, as written in the sign-in page's query, that would lead off the site if
 * followed as they are or once decoded again.
 */
const HOSTILE_RETURNS = [
  "//attacker.example/phish",
  "https://attacker.example/phish",
  "%2F%2Fattacker.example%2Fphish",
  "%2F%5Cattacker.example%2Fphish",
  "%252F%252Fattacker.example",
  "/%2F%2Fattacker.example",
  "/%252F%252Fattacker.example",
  "/%5Cattacker.example",
  "https:attacker.example",
];

test("a return address that leads off the site, however encoded, is replaced by the home page", async ({
  page,
  request,
}) => {
  const offSite = await answerInBrowser(page, "attacker.example", "Phished");
  const member = await signedUpOverApi(request, "hostile-return");
  for (const raw of HOSTILE_RETURNS) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${raw}`);
    await signInWithForm(page, member);
    await expect(page.getByRole("heading", { name: "Create a team" }), raw).toBeVisible();
    expect(new URL(page.url()).pathname, raw).toBe("/start");
  }
  expect(offSite).toEqual([]);
});
