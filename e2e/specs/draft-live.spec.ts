/**
 * The record's shared draft, typed into by two people at once: Alice on one app instance and
 * Bob on another, behind one database (the draft's edits cross between instances through
 * PostgreSQL). Each sees the other's text and caret, and a reload keeps the text.
 */
import { expect, type Page, test } from "@playwright/test";
import { createTestDatabase } from "@tradeoff/db/testing";
import { type AppInstance, newSecret, startApps } from "../faults/support/app";
import { person, teamWithDrfProject } from "../support/decisions";

/** The page's document, as much of it as the 390 px check reads (this package has no DOM types). */
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

let apps: AppInstance[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createTestDatabase({ poolSize: 2 });
  apps = await startApps(2, { databaseUrl: database.url, secret: newSecret() });
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await database?.drop();
});

const rationale = (page: Page) => page.getByRole("textbox", { name: "Rationale", exact: true });

test("two people type into the rationale at once, across two instances, and see each other", async ({
  browser,
}) => {
  const [a, b] = apps;
  if (!a || !b) throw new Error("two app instances");
  const alice = await person(browser, "alice", "Alice Draftwright", a.origin);
  const bob = await person(browser, "bob", "Bob Cowriter", b.origin);
  const { projectId, url, team } = await teamWithDrfProject(alice, [bob]);
  // The draft as starting it leaves it: prefilled Markdown in its text.
  const draft = await database.db.recordDraft.create({
    data: {
      projectId,
      teamId: team.id,
      text: { context: "We must pick a Python web framework.", rationale: "Prefilled reason." },
    },
    select: { id: true },
  });
  expect(draft.id).toBeTruthy();

  await alice.page.goto(url);
  await alice.page.getByRole("link", { name: "Draft the record" }).click();
  await expect(alice.page).toHaveURL(`${url}/draft`);
  await bob.page.setViewportSize({ width: 390, height: 844 });
  await bob.page.goto(`${url}/draft`);

  for (const page of [alice.page, bob.page]) {
    await expect(rationale(page)).toContainText("Prefilled reason.");
    await expect(page.getByRole("textbox", { name: "Context" })).toContainText(
      "We must pick a Python web framework.",
    );
    await expect(page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  }

  // Both put their cursor at the end of the rationale and type at the same time.
  await rationale(alice.page).click();
  await alice.page.keyboard.press("End");
  await alice.page.keyboard.press("Enter");
  await rationale(bob.page).click();
  await bob.page.keyboard.press("End");
  await bob.page.keyboard.press("Enter");
  await Promise.all([
    alice.page.keyboard.type("Alice says FastAPI is faster.", { delay: 30 }),
    bob.page.keyboard.type("Bob says DRF has the admin.", { delay: 30 }),
  ]);

  for (const page of [alice.page, bob.page]) {
    await expect(rationale(page)).toContainText("Alice says FastAPI is faster.");
    await expect(rationale(page)).toContainText("Bob says DRF has the admin.");
  }
  // Each sees where the other is typing, with their name.
  await expect(
    alice.page.locator(".collaboration-carets__label", { hasText: "Bob Cowriter" }),
  ).toBeVisible();
  await expect(
    bob.page.locator(".collaboration-carets__label", { hasText: "Alice Draftwright" }),
  ).toBeVisible();

  // At 390 px nothing scrolls sideways.
  const overflow = await bob.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // Saved: a reload (on either instance) shows the same text, and the draft's stored Markdown has it.
  await expect(alice.page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  await expect(bob.page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  await bob.page.reload();
  await expect(rationale(bob.page)).toContainText("Alice says FastAPI is faster.");
  await expect(rationale(bob.page)).toContainText("Bob says DRF has the admin.");
  await expect
    .poll(async () => {
      const row = await database.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } });
      return (row.text as { rationale?: string }).rationale ?? "";
    })
    .toMatch(
      /Prefilled reason\.[\s\S]*(Alice says FastAPI is faster\.[\s\S]*Bob says DRF has the admin\.|Bob says DRF has the admin\.[\s\S]*Alice says FastAPI is faster\.)/,
    );

  await alice.context.close();
  await bob.context.close();
});

test("offline edits merge when the connection returns", async ({ browser }) => {
  const [a] = apps;
  if (!a) throw new Error("an app instance");
  const carol = await person(browser, "carol", "Carol Offline", a.origin);
  const { projectId, url, team } = await teamWithDrfProject(carol, []);
  await database.db.recordDraft.create({
    data: { projectId, teamId: team.id, text: { rationale: "Online part." } },
    select: { id: true },
  });
  await carol.page.goto(`${url}/draft`);
  await expect(carol.page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  await carol.context.setOffline(true);
  await expect(carol.page.getByTestId("draft-sync-status")).toHaveText(
    "Offline: your edits will merge when you reconnect",
  );
  await rationale(carol.page).click();
  await carol.page.keyboard.press("End");
  await carol.page.keyboard.type(" Written offline.");
  await carol.context.setOffline(false);
  await expect(carol.page.getByTestId("draft-sync-status")).toHaveText("All changes saved", {
    timeout: 30_000,
  });
  await carol.page.reload();
  await expect(rationale(carol.page)).toContainText("Online part. Written offline.");
  await carol.context.close();
});
