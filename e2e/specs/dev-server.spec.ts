import { expect, type Page, test } from "@playwright/test";
import { person, teamWithDrfProject } from "../support/decisions";
import { ownServer } from "../support/own-server";

/**
 * `npm run dev` serves what `npm start` serves. Development mode differs in ways the production
 * build never shows (Next.js compiles each page on its first load, and elements a server
 * component hands to client code arrive as references), so a page that works in production can
 * fail there. A developer's first pages, signed out and in, with the header's menus and the
 * heaviest page, the project's, must render without an error.
 */
const own = ownServer({ dev: true, poolSize: 2 });

test.describe.configure({ mode: "serial" });

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text().slice(0, 300)}`);
  });
  return errors;
}

test("the development server renders the pages and their menus without an error", async ({
  browser,
}) => {
  test.setTimeout(600_000); // each page compiles on its first load
  const signedOut = await browser.newPage({ baseURL: own.app.origin });
  const outErrors = watchErrors(signedOut);
  await signedOut.goto("/", { timeout: 180_000 });
  await expect(signedOut.getByRole("link", { name: "Sign in" }).first()).toBeVisible({
    timeout: 120_000,
  });
  await signedOut.goto("/sign-in", { timeout: 180_000 });
  await expect(signedOut.getByLabel("Email")).toBeVisible({ timeout: 120_000 });
  expect(outErrors).toEqual([]);

  const owner = await person(browser, "dev-owner", undefined, own.app.origin);
  const { url } = await teamWithDrfProject(owner, []);
  const page = owner.page;
  const errors = watchErrors(page);
  await page.goto(url, { timeout: 180_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  // The header's menus load their code on the first press.
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByRole("menuitem").first()).toBeVisible({ timeout: 120_000 });
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Change colour theme" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeVisible({ timeout: 120_000 });
  await page.keyboard.press("Escape");
  expect(errors).toEqual([]);
  await owner.context.close();
  await signedOut.close();
});
