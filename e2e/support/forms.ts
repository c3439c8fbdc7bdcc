import type { Page } from "@playwright/test";
import type { TestUser } from "./fixtures";

/** Fills in the sign-in form `page` shows and sends it. */
export async function signInWithForm(
  page: Page,
  { email, password }: Pick<TestUser, "email" | "password">,
) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fills in the sign-up form `page` shows and sends it. */
export async function signUpWithForm(page: Page, { name, email, password }: TestUser) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}
