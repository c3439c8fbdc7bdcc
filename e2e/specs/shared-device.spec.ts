import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { encodeSessionToken } from "@tradeoff/auth";
import { baseURL } from "../playwright.config";
import { person, query, teamWithDrfProject } from "../support/decisions";
import {
  expect,
  signInOverHttp,
  signUpOverApi,
  type TestUser,
  test,
  uniqueUser,
} from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * Two people on one browser profile (a shared laptop, a meeting-room machine): what one of them
 * picked while offline must never be saved as the other's vote.
 */

type Mine = { criterionKey: string; weight: number | null }[];
const mine = (request: APIRequestContext, projectId: string) =>
  query<Mine>(request, "vote.mine", { projectId });

const pendingKeys = (page: Page) =>
  page.evaluate<string[]>(
    `Object.keys(window.localStorage).filter((key) => key.startsWith("tradeoff:vote:"))`,
  );

/**
 * Picks importance 4 and a score per option on the first criterion once `cut` has taken the
 * server out of reach, so the edit stays on the device, waiting to be sent.
 */
async function voteUnsent(
  page: Page,
  url: string,
  criterion: { name: string },
  cut: () => Promise<unknown>,
) {
  await page.goto(url);
  await expect(page.getByTestId("participation")).toBeVisible();
  await cut();
  const card = page.getByRole("group", { name: new RegExp(`^\\d+\\.\\s*${criterion.name}`) });
  for (const [group, value] of [
    [`Importance of ${criterion.name}`, 4],
    [`Django REST Framework score on ${criterion.name}`, 2],
    [`FastAPI score on ${criterion.name}`, 5],
  ] as const) {
    const radio = card
      .getByRole("group", { name: group })
      .getByRole("radio", { name: new RegExp(`^${value}\\b`) });
    await radio.click();
    await expect(radio).toBeChecked();
  }
  // Kept on the device until the server has it (offline, the send waits for the connection).
  await expect.poll(() => pendingKeys(page)).toHaveLength(1);
}

/**
 * Frank and Carol on one browser profile (a shared laptop), each also signed in on a profile of
 * their own to read what the server saved for them, in a team with a decision open.
 */
async function frankAndCarolOnOneProfile(browser: Browser) {
  const owner = await person(browser, "owner");
  const frank = uniqueUser("frank");
  const carol = uniqueUser("carol");
  const shared = await browser.newContext({ baseURL });
  await signUpOverApi(shared.request, frank);
  await signUpOverApi(shared.request, carol);
  const frankAlone = await browser.newContext({ baseURL });
  const carolAlone = await browser.newContext({ baseURL });
  await signInOverHttp(frankAlone.request, frank);
  await signInOverHttp(carolAlone.request, carol);
  const drf = await teamWithDrfProject(owner, [
    { user: frank, context: frankAlone, page: await frankAlone.newPage() },
    { user: carol, context: carolAlone, page: await carolAlone.newPage() },
  ]);
  const franksVote = () => mine(frankAlone.request, drf.projectId);
  /** A new tab of the shared profile once `user` has signed in on it (nobody signed out). */
  const newTabAs = async (user: TestUser) => {
    await shared.clearCookies();
    await signInOverHttp(shared.request, user);
    return shared.newPage();
  };
  return {
    frank,
    carol,
    shared,
    drf,
    newTabAs,
    /** What the server saved as Frank's vote. */
    franksVote,
    /** What the server saved as Carol's vote. */
    carolsVote: () => mine(carolAlone.request, drf.projectId),
    /** Frank back on the shared profile: his edit waiting on the device is sent, as his. */
    async frankComesBack() {
      const back = await newTabAs(frank);
      await back.goto(drf.url);
      await expect.poll(franksVote).toMatchObject([{ criterionKey: drf.first.key, weight: 4 }]);
      return back;
    },
    async close() {
      for (const context of [shared, frankAlone, carolAlone, owner.context]) await context.close();
    },
  };
}

/** Frank, in a team with a decision open, with one vote edit his browser cannot send. */
async function frankWithUnsentVote(browser: Browser) {
  const owner = await person(browser, "owner");
  const frank = await person(browser, "frank");
  const drf = await teamWithDrfProject(owner, [frank]);
  await voteUnsent(frank.page, drf.url, drf.first, () =>
    frank.page.route("**/api/trpc/vote.cast**", (route) => route.abort("connectionrefused")),
  );
  return {
    frank,
    drf,
    /**
     * Frank is on the sign-in page with his edit gone from the device, and nothing of it was
     * saved, for him or anyone.
     */
    async expectSignedOutWithEditDropped() {
      await expect(frank.page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();
      expect(await pendingKeys(frank.page)).toEqual([]);
      await signInOverHttp(frank.context.request, frank.user);
      expect(await mine(frank.context.request, drf.projectId)).toEqual([]);
    },
    async close() {
      for (const context of [frank.context, owner.context]) await context.close();
    },
  };
}

test("a vote left unsent on a shared browser is never saved as the next person's", async ({
  browser,
}) => {
  const profile = await frankAndCarolOnOneProfile(browser);
  const { frank, carol, shared, drf } = profile;

  // Frank picks his scores offline and closes the tab before they are sent.
  const frankPage = await profile.newTabAs(frank);
  await voteUnsent(frankPage, drf.url, drf.first, () => shared.setOffline(true));
  await frankPage.close();

  // Carol signs in on the same profile (Frank never signed out) and opens the project.
  await shared.setOffline(false);
  const carolPage = await profile.newTabAs(carol);
  await carolPage.goto(drf.url);
  await expect(carolPage.getByTestId("participation")).toBeVisible();
  // Whatever the page would send on opening has gone by now: nothing was saved as hers.
  await carolPage.waitForLoadState("networkidle");
  expect(await profile.carolsVote()).toEqual([]);
  // Nor does her ballot show his choices (a done criterion folds to its scores).
  await expect(carolPage.getByRole("button", { name: /Importance 4/ })).toHaveCount(0);
  await expect(
    carolPage
      .getByRole("group", { name: `Importance of ${drf.first.name}` })
      .getByRole("radio", { name: /^4\b/ }),
  ).not.toBeChecked();
  await carolPage.close();

  // Frank comes back to the same profile: his edit is sent, as his.
  const back = await profile.frankComesBack();
  await expect(back.getByText("All saved")).toBeVisible();
  expect(await profile.carolsVote()).toEqual([]);

  await profile.close();
});

test("signing out says vote edits are not saved yet, and drops them from the device", async ({
  browser,
}) => {
  // The vote cannot reach the server (signing out still can).
  const unsent = await frankWithUnsentVote(browser);
  const { frank } = unsent;
  expect(await pendingKeys(frank.page)).toHaveLength(1);

  // Signing out while the edit waits: the menu says what would be lost, and Cancel keeps it.
  await frank.page.getByRole("button", { name: /Account menu/ }).click();
  await frank.page.getByRole("menuitem", { name: "Sign out" }).click();
  const dialog = frank.page.getByRole("alertdialog");
  await expect(dialog).toContainText(
    "1 vote change on this device is not saved yet: signing out drops it.",
  );
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog).toBeHidden();
  expect(await pendingKeys(frank.page)).toHaveLength(1);

  await frank.page.getByRole("button", { name: /Account menu/ }).click();
  await frank.page.getByRole("menuitem", { name: "Sign out" }).click();
  await frank.page.getByRole("alertdialog").getByRole("button", { name: "Sign out" }).click();
  await unsent.expectSignedOutWithEditDropped();

  await unsent.close();
});

test("a tab still holding one person's unsent vote cannot save it as whoever signed in since", async ({
  browser,
}) => {
  const profile = await frankAndCarolOnOneProfile(browser);
  const { frank, carol, drf } = profile;

  // Frank's tab holds his scores, unsent: the server is out of its reach for now.
  const frankTab = await profile.newTabAs(frank);
  const cut = "**/api/trpc/vote.cast**";
  await voteUnsent(frankTab, drf.url, drf.first, () =>
    frankTab.route(cut, (route) => route.abort("connectionrefused")),
  );

  // Meanwhile Carol signs in on the same browser, in another tab (Frank never signed out).
  const carolTab = await profile.newTabAs(carol);
  await carolTab.goto(drf.url);
  await expect(carolTab.getByTestId("participation")).toBeVisible();

  // Frank's tab reaches the server again, now with Carol's session: refused, saying who is
  // signed in and what to do.
  await frankTab.unroute(cut);
  const alert = frankTab.getByRole("alert").filter({ hasText: "Signed in as someone else" });
  // The ballot also retries by itself, and may reach the server before the press does (the
  // button then goes): pressing "Retry now" only hastens what happens anyway.
  const retry = frankTab.getByRole("button", { name: "Retry now" }).first();
  await expect(async () => {
    if (await alert.isVisible()) return;
    await retry.click({ timeout: 2_000 });
    await expect(alert).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(alert).toContainText(
    `Nothing was saved: this ballot was filled in for another account, and ${carol.name} (${carol.email}) is signed in on this browser now. Reload the page to vote as ${carol.name}, or sign in again as the person who filled it in to send their votes.`,
  );
  expect(await profile.carolsVote()).toEqual([]);
  expect(await profile.franksVote()).toEqual([]);

  // It stops there: no retry, not even when the connection comes back, and no more edits.
  const sends: string[] = [];
  frankTab.on("request", (request) => {
    if (request.url().includes("/api/trpc/vote.cast")) sends.push(request.url());
  });
  await frankTab.evaluate(`window.dispatchEvent(new Event("online"))`);
  await expect(frankTab.getByRole("button", { name: "Retry now" })).toHaveCount(0);
  await expect(
    frankTab
      .getByRole("group", { name: `Importance of ${drf.first.name}` })
      .getByRole("radio", { name: /^3\b/ }),
  ).toBeDisabled();
  await frankTab.waitForTimeout(3000);
  expect(sends).toEqual([]);
  expect(await profile.carolsVote()).toEqual([]);
  // His edit stays on the device under his name, for when he signs in again.
  expect(await pendingKeys(frankTab)).toHaveLength(1);
  await frankTab.close();
  await carolTab.close();

  await profile.frankComesBack();
  expect(await profile.carolsVote()).toEqual([]);

  await profile.close();
});

test("signing out everywhere says vote edits are not saved yet first, and drops them", async ({
  browser,
}) => {
  const unsent = await frankWithUnsentVote(browser);
  const { frank } = unsent;
  await frank.page.goto("/account");
  const everywhere = frank.page.getByRole("button", { name: "Sign out everywhere", exact: true });

  await everywhere.click();
  const dialog = frank.page.getByRole("alertdialog");
  await expect(dialog).toContainText(
    "Every session ends on its next request, this one included. 1 vote change on this device is not saved yet: signing out everywhere drops it. Stay signed in until the decision's page says Saved to keep them.",
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await pendingKeys(frank.page)).toHaveLength(1);

  await everywhere.click();
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await unsent.expectSignedOutWithEditDropped();

  await unsent.close();
});

test("deleting the account says vote edits are not saved yet first, and drops them", async ({
  browser,
}) => {
  const unsent = await frankWithUnsentVote(browser);
  const { frank } = unsent;
  await frank.page.goto("/account");
  await frank.page.getByRole("button", { name: "Delete account…" }).click();
  await expect(frank.page.getByRole("status").filter({ hasText: "Votes not saved" })).toContainText(
    "1 vote change on this device is not saved yet: deleting your account drops it.",
  );
  expect(await pendingKeys(frank.page)).toHaveLength(1);

  await frank.page.getByLabel("Your password, to confirm").fill(frank.user.password);
  await frank.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(frank.page).not.toHaveURL(/\/account/);
  await expect.poll(() => pendingKeys(frank.page)).toEqual([]);

  await unsent.close();
});

test.describe("a session without a sign-in record", () => {
  // Sessions issued before sign-in records carry none: a password change ends them too, this
  // browser's included. Issuing one needs the server's secret, so this runs an instance of its own.
  const secret = randomBytes(32).toString("base64url");
  const own = ownServer({ env: { NEXTAUTH_SECRET: secret } });

  test("changing the password says vote edits are not saved yet first, as it signs this browser out", async ({
    browser,
  }) => {
    const origin = own.app.origin;
    const owner = await person(browser, "owner", undefined, origin);
    const frankUser = uniqueUser("frank");
    const context = await browser.newContext({ baseURL: origin });
    await signUpOverApi(context.request, frankUser);
    const stored = await own.database.db.user.findUniqueOrThrow({
      where: { email: frankUser.email },
      select: { id: true, name: true, tokenVersion: true },
    });
    const token = await encodeSessionToken(
      {
        id: stored.id,
        email: frankUser.email,
        name: stored.name,
        tokenVersion: stored.tokenVersion,
      },
      secret,
    );
    await context.addCookies([
      {
        name: "next-auth.session-token",
        value: token,
        url: origin,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const frank = { user: frankUser, context, page: await context.newPage() };
    const drf = await teamWithDrfProject(owner, [frank]);
    await voteUnsent(frank.page, drf.url, drf.first, () =>
      frank.page.route("**/api/trpc/vote.cast**", (route) => route.abort("connectionrefused")),
    );

    await frank.page.goto("/account");
    const warning = frank.page.getByRole("status").filter({ hasText: "Votes not saved" });
    await expect(warning).toContainText(
      "1 vote change on this device is not saved yet: changing the password signs you out here too, which drops it. Stay signed in until the decision's page says Saved to keep them.",
    );
    expect(await pendingKeys(frank.page)).toHaveLength(1);

    // Changed anyway: this browser is signed out, and the unsent edit goes with it.
    await frank.page.getByLabel("Current password").fill(frankUser.password);
    await frank.page.getByLabel("New password").fill("a-brand-new-password-for-frank");
    await frank.page.getByRole("button", { name: "Change password" }).click();
    await expect(frank.page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();
    await expect.poll(() => pendingKeys(frank.page)).toEqual([]);

    for (const each of [context, owner.context]) await each.close();
  });
});
