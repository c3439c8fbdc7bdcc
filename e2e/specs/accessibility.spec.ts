import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  countByImpact,
  describeViolation,
  seriousViolations,
  WITH_VOICE_CONTROL,
} from "../support/axe";
import { mutate, voteOverApi } from "../support/decisions";
import { everyPage, openPage } from "../support/every-page";
import { expect, test } from "../support/members";

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no serious or critical violation on any page in the ${theme} theme`, async ({
    browser,
  }, testInfo) => {
    // About twenty pages, each loaded, settled and analysed, on a small shared machine.
    test.setTimeout(600_000);
    const every = await everyPage(browser);
    const summary: Record<string, Record<string, number>> = {};
    for (const target of every.pages) {
      const page = await openPage(every, target);
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).options(WITH_VOICE_CONTROL).analyze();
      summary[target.name] = countByImpact(results);
      expect
        .soft(seriousViolations(results), `${target.name} (${target.path}) in the ${theme} theme`)
        .toEqual([]);
      // Every page has a main landmark and one level-one heading (axe reports these as moderate).
      const moderate = results.violations.filter((v) => v.impact === "moderate");
      expect
        .soft(
          moderate.map((v) => `${v.id}: ${v.nodes.length} node(s)`),
          `${target.name} moderate`,
        )
        .toEqual([]);
      await page.close();
    }
    await testInfo.attach(`axe violations by impact, ${theme} theme`, {
      body: JSON.stringify(summary, null, 2),
      contentType: "application/json",
    });
    console.log(`axe (${theme})`, JSON.stringify(summary));
    await every.close();
  });
}

/** axe's serious, critical and moderate findings on the page as it is now. */
async function findings(page: Page) {
  const results = await new AxeBuilder({ page }).options(WITH_VOICE_CONTROL).analyze();
  return results.violations
    .filter((v) => v.impact !== "minor")
    .map((v) => `${v.impact} ${describeViolation(v)}`);
}

test("the record page of a decision still open for voting has a sound heading outline", async ({
  alice,
  soloDrf,
}) => {
  const page = alice.page;
  await page.goto(`${soloDrf.url}/record`);
  await expect(page.getByRole("heading", { level: 2, name: "Record the decision" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await findings(page)).toEqual([]);
});

test("on a phone, the tables of sessions and tokens scroll sideways from the keyboard too", async ({
  page,
  signedIn,
}) => {
  expect(signedIn.email).toContain("@");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, name] of [
    ["/account", "Active sessions"],
    ["/account/tokens", "Your access tokens"],
  ] as const) {
    await page.goto(path);
    const box = page.getByRole("region", { name });
    await expect(box).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await findings(page), path).toEqual([]);
    // The box scrolls by keyboard: focus it, then the arrow key moves its content.
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => box.evaluate((el) => (el as { scrollLeft: number }).scrollLeft))
      .toBeGreaterThan(0);
  }
});

test("a decision of another team answers page-not-found inside the app, with one main landmark", async ({
  bob,
  soloDrf,
}) => {
  const page = bob.page;
  const response = await page.goto(soloDrf.url);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // The app's header stays, and the page has one main landmark, not one inside another.
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  expect(await findings(page)).toEqual([]);
});

test("the pages the API serves itself (its docs, the unsubscribe link) pass axe on a phone, with a main landmark", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A link that is not valid is refused (400) with a page that says so.
  for (const [path, status] of [
    ["/api/docs", 200],
    ["/api/unsubscribe?token=not-a-real-token", 400],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole("main"), path).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(1);
    expect(await findings(page), path).toEqual([]);
  }
  // A command that is wider than a phone scrolls from the keyboard too.
  await page.goto("/api/docs");
  const command = page.locator("pre").first();
  await command.focus();
  await expect(command).toBeFocused();
});

test("from the project's tabs, Tab reaches the open panel with a visible focus ring", async ({
  alice,
  soloDrf,
}) => {
  const page = alice.page;
  await page.goto(soloDrf.url);
  const tab = page.getByRole("tab", { name: "Vote & results" });
  await tab.focus();
  await page.keyboard.press("Tab");
  const panel = page.getByRole("tabpanel", { name: "Vote & results" });
  await expect(panel).toBeFocused();
  // The app's focus ring: a 2 px solid outline.
  await expect(panel).toHaveCSS("outline-style", "solid");
  await expect(panel).toHaveCSS("outline-width", "2px");
});

test("with a menu open, nothing axe reports, and the keyboard moves through the menu and back", async ({
  alice,
  soloDrf,
}) => {
  const page = alice.page;
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(soloDrf.url);
  for (const name of ["More actions", /: Switch team$/, /: Account menu$/]) {
    const trigger = page.getByRole("button", { name });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    // The keys move through the items (End to the last, Home to the first); Tab does not
    // leave the menu.
    const focused = menu.locator("[role=menuitem]:focus");
    await page.keyboard.press("End");
    await expect(focused).toHaveCount(1);
    const last = (await focused.textContent()) ?? "";
    await page.keyboard.press("Home");
    await expect(focused).not.toHaveText(last);
    const first = (await focused.textContent()) ?? "";
    await page.keyboard.press("Tab");
    await expect(focused).toHaveText(first);
    // What the menu leaves behind is neither hidden from screen readers while focusable, nor
    // anything else axe reports; the menu itself opens at the end of the page, outside its
    // landmarks, as a popup does (axe's "region" best practice names it).
    const found = (await findings(page)).filter(
      (finding) => !/^moderate region: .*data-radix-popper-co/.test(finding),
    );
    expect(found, String(name)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();
  }
});

test("the history tab keeps its text legible on a vote replaced later, in both themes", async ({
  alice,
  bob,
  drf,
}) => {
  const { url, projectId } = drf;
  // Alice's first vote, Bob's, then Alice's again: her first entry is replaced later.
  await voteOverApi(alice.context.request, projectId, {
    performance: { weight: 4, scores: { drf: 2, fastapi: 4 } },
  });
  await voteOverApi(bob.context.request, projectId, {
    performance: { weight: 3, scores: { drf: 4, fastapi: 3 } },
  });
  await mutate(alice.context.request, "comment.create", { projectId, body: "Benchmarks first?" });
  await voteOverApi(alice.context.request, projectId, {
    performance: { weight: 5, scores: { drf: 1, fastapi: 5 } },
  });
  const page = alice.page;
  await page.setViewportSize({ width: 375, height: 667 });
  // Without motion: what axe measures is the page at rest, not a fade on its way in.
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(url);
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByText("Replaced later")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await findings(page), theme).toEqual([]);
  }
});
