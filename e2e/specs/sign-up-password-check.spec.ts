import { expect, test } from "../support/fixtures";
import { signUpWithForm } from "../support/forms";

test("sign-up with a too short password says so on the field without sending anything, and no error reaches the console", async ({
  page,
  user,
}) => {
  // Every console error, the browser's line for a refused request included.
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("auth.signUp")) sent.push(request.url());
  });

  await page.goto("/sign-up");
  await signUpWithForm(page, { ...user, password: "short" });
  const password = page.getByLabel("Password");
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  expect(sent).toEqual([]);
  expect(errors).toEqual([]);

  // A password long enough (and hard to guess) is sent, once.
  await password.fill("amber walrus kettle 93");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sign in to continue," })).toBeVisible();
  expect(sent).toHaveLength(1);
  expect(errors).toEqual([]);
});
