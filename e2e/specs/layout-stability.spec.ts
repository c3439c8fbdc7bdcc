import { expect, test } from "@playwright/test";
import { everyPage, layoutShifts, openPage } from "../support/every-page";

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
