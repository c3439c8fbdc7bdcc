import { expect, type Route, test } from "@playwright/test";
import { deferred } from "../support/deferred";
import { everyPage, layoutShifts, openPage, watchLayoutShiftsAgain } from "../support/every-page";

/**
 * A page that moves as it comes alive makes people press what they did not aim at: a score one
 * row off, a button that slid under the pointer. Each page paints complete on the server, and
 * what arrives later (the live bar, lazy charts, menus' code) takes room already kept for it.
 * (The phone spec checks the same at 390 and 360 px.)
 */
test("no page moves on a desktop screen once painted", async ({ browser }) => {
  test.setTimeout(240_000);
  const every = await everyPage(browser);
  for (const target of every.pages) {
    const page = await openPage(every, target, { width: 1280, height: 800 });
    await page.waitForLoadState("networkidle");
    expect.soft(await layoutShifts(page), `${target.name} (${target.path})`).toEqual([]);
    await page.close();
  }
  await every.close();
});

/**
 * The discussion tab's comments come after the press that opens it (its code and the comments
 * load then): they take the place its placeholder kept instead of pushing the composer down, at
 * a desktop's width and a phone's. The comments' answer is held until the tab has painted
 * without them, so the check does not depend on how fast the server answers.
 */
test("the discussion tab does not move as its comments arrive after the press that opens it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const every = await everyPage(browser);
  const discussion = every.pages.find((p) => p.name === "discussion");
  if (!discussion) throw new Error("everyPage has no discussion page.");
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const page = await openPage(
      every,
      { ...discussion, ready: (p) => expect(p.getByTestId("winner")).toBeVisible() },
      viewport,
    );
    await page.waitForLoadState("networkidle");
    const held: Route[] = [];
    const commentsAsked = deferred();
    let holding = true;
    await page.route(/\/api\/trpc\/[^?]*comment\.list/, async (route) => {
      if (!holding) return route.continue();
      held.push(route);
      commentsAsked.resolve();
    });
    await page.getByRole("tab", { name: "Discussion" }).click();
    await commentsAsked.promise;
    // Two frames: what the tab shows while the comments are on their way is painted.
    await page.evaluate(
      "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))",
    );
    await watchLayoutShiftsAgain(page);
    holding = false;
    for (const route of held) await route.continue();
    await expect(
      page.getByText("Can we benchmark the webhook path before we decide?"),
    ).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect.soft(await layoutShifts(page), `discussion at ${viewport.width} px`).toEqual([]);
    await page.close();
  }
  await every.close();
});
