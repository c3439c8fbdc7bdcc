import type { Page } from "@playwright/test";
import { expect, test } from "../support/members";

/** The new-decision drafts this browser keeps (localStorage keys). */
const keptDrafts = (page: Page) =>
  page.evaluate<string[]>(
    `Object.keys(window.localStorage).filter((key) => key.startsWith("tradeoff:new-decision:"))`,
  );

test("a new decision's typed form is kept on this browser when the page is left, restored with a note, and gone once created", async ({
  alice,
  soloDrf,
}) => {
  const newPage = `/t/${soloDrf.team.slug}/new`;
  let page = alice.page;
  await page.goto(newPage);
  await page.getByRole("button", { name: "Start blank" }).click();
  await page.getByLabel("Title").fill("Which queue for background jobs?");
  await page.getByLabel("Option 1 name").fill("Sidekiq");
  await page.getByLabel("Option 2 name").fill("GoodJob");
  await page.getByLabel("Criterion 1 name").fill("Throughput");

  // Leaving for another page and coming back: the form is as it was typed, and says why.
  await page.getByRole("link", { name: /^Inbox/ }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goBack();
  const note = page.getByTestId("restored-draft");
  await expect(note).toContainText("Your unsaved draft is back");
  await expect(page.getByLabel("Title")).toHaveValue("Which queue for background jobs?");
  await expect(page.getByLabel("Option 2 name")).toHaveValue("GoodJob");
  await expect(page.getByLabel("Criterion 1 name")).toHaveValue("Throughput");

  // Closing the tab and opening the page again in another: still there.
  await page.getByLabel("Title").fill("Which queue for background jobs and emails?");
  await page.close();
  page = await alice.context.newPage();
  await page.goto(newPage);
  await expect(page.getByLabel("Title")).toHaveValue("Which queue for background jobs and emails?");

  // "Start over" drops it: the choice of a starting point again, and nothing kept.
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByRole("button", { name: "Start blank" })).toBeVisible();
  expect(await keptDrafts(page)).toEqual([]);

  // Typed again and created: the kept draft is gone, and the page starts afresh.
  await page.getByRole("button", { name: "Start blank" }).click();
  await page.getByLabel("Title").fill("Which cache for sessions?");
  await page.getByLabel("Option 1 name").fill("Redis");
  await page.getByLabel("Option 2 name").fill("Memcached");
  await page.getByLabel("Criterion 1 name").fill("Latency");
  expect(await keptDrafts(page)).toHaveLength(1);
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  expect(await keptDrafts(page)).toEqual([]);
  await page.goto(newPage);
  await expect(page.getByRole("button", { name: "Start blank" })).toBeVisible();
  await expect(page.getByTestId("restored-draft")).toHaveCount(0);
});
