import type { APIRequestContext, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { person, query, teamWithDrfProject } from "../support/decisions";
import { expect, signInOverHttp, signUpOverApi, test, uniqueUser } from "../support/fixtures";

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

test("a vote left unsent on a shared browser is never saved as the next person's", async ({
  browser,
}) => {
  const owner = await person(browser, "owner");
  const frank = uniqueUser("frank");
  const carol = uniqueUser("carol");
  // One browser profile for Frank and Carol.
  const shared = await browser.newContext({ baseURL });
  await signUpOverApi(shared.request, frank);
  await signUpOverApi(shared.request, carol);
  // Each also on a profile of their own, to read what the server saved for them.
  const frankAlone = await browser.newContext({ baseURL });
  const carolAlone = await browser.newContext({ baseURL });
  await signInOverHttp(frankAlone.request, frank);
  await signInOverHttp(carolAlone.request, carol);
  const drf = await teamWithDrfProject(owner, [
    { user: frank, context: frankAlone, page: await frankAlone.newPage() },
    { user: carol, context: carolAlone, page: await carolAlone.newPage() },
  ]);

  // Frank picks his scores offline and closes the tab before they are sent.
  await signInOverHttp(shared.request, frank);
  const frankPage = await shared.newPage();
  await voteUnsent(frankPage, drf.url, drf.first, () => shared.setOffline(true));
  await frankPage.close();

  // Carol signs in on the same profile (Frank never signed out) and opens the project.
  await shared.clearCookies();
  await shared.setOffline(false);
  await signInOverHttp(shared.request, carol);
  const carolPage = await shared.newPage();
  await carolPage.goto(drf.url);
  await expect(carolPage.getByTestId("participation")).toBeVisible();
  // Whatever the page would send on opening has gone by now: nothing was saved as hers.
  await carolPage.waitForLoadState("networkidle");
  expect(await mine(carolAlone.request, drf.projectId)).toEqual([]);
  // Nor does her ballot show his choices (a done criterion folds to its scores).
  await expect(carolPage.getByRole("button", { name: /Importance 4/ })).toHaveCount(0);
  await expect(
    carolPage
      .getByRole("group", { name: `Importance of ${drf.first.name}` })
      .getByRole("radio", { name: /^4\b/ }),
  ).not.toBeChecked();
  await carolPage.close();

  // Frank comes back to the same profile: his edit is sent, as his.
  await shared.clearCookies();
  await signInOverHttp(shared.request, frank);
  const back = await shared.newPage();
  await back.goto(drf.url);
  await expect
    .poll(() => mine(frankAlone.request, drf.projectId))
    .toMatchObject([{ criterionKey: drf.first.key, weight: 4 }]);
  await expect(back.getByText("All saved")).toBeVisible();
  expect(await mine(carolAlone.request, drf.projectId)).toEqual([]);

  for (const context of [shared, frankAlone, carolAlone, owner.context]) await context.close();
});

test("signing out says vote edits are not saved yet, and drops them from the device", async ({
  browser,
}) => {
  const owner = await person(browser, "owner");
  const frank = await person(browser, "frank");
  const drf = await teamWithDrfProject(owner, [frank]);

  // The vote cannot reach the server (signing out still can).
  await voteUnsent(frank.page, drf.url, drf.first, () =>
    frank.page.route("**/api/trpc/vote.cast**", (route) => route.abort("connectionrefused")),
  );
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
  await expect(frank.page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();
  expect(await pendingKeys(frank.page)).toEqual([]);

  // Nothing of his edit was saved, for him or anyone.
  await signInOverHttp(frank.context.request, frank.user);
  expect(await mine(frank.context.request, drf.projectId)).toEqual([]);

  for (const context of [frank.context, owner.context]) await context.close();
});
