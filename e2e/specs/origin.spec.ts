import { publicUrlEnv } from "../../scripts/lib";
import { expect, signedUpOverApi, signInOverHttp, test } from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * The same-origin check of changes, on a server started as `npm start` starts it without a
 * public URL. The app is opened at http://127.0.0.1:PORT, the address it was actually asked at.
 */
const SECOND_NAME = "https://tradeoff.second-name.example";
const own = ownServer({
  // Exactly what `npm start` passes when no public URL is set.
  env: { NEXTAUTH_URL: "", ...publicUrlEnv(), ALLOWED_ORIGINS: SECOND_NAME },
});

test.use({ baseURL: undefined });

test("with no public URL configured, the app opened at 127.0.0.1 accepts its own changes and creates a token", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  const user = await signedUpOverApi(page.request, "origin");
  await signInOverHttp(page.request, user);

  await page.goto("/account/tokens");
  await page.getByLabel("Name").fill("Laptop CLI");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Copy your token now")).toBeVisible();
  await expect(page.getByTestId("new-token")).toHaveValue(/^tro_/);
  await context.close();
});

test("a change from a foreign site is refused, and the page says so", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: own.app.origin });
  const page = await context.newPage();
  const user = await signedUpOverApi(page.request, "foreign");
  await signInOverHttp(page.request, user);

  // The forged request a foreign page's script would send, with the member's cookie.
  const forged = await page.request.post("/api/trpc/token.create", {
    headers: { origin: "https://attacker.example" },
    data: { name: "stolen", scope: "READ_WRITE" },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({
    error: {
      message: expect.stringMatching(/came from another site/),
      data: { code: "FORBIDDEN" },
    },
  });
  // ALLOWED_ORIGINS names the app's second address: accepted there.
  const second = await page.request.post("/api/trpc/token.create", {
    headers: { origin: SECOND_NAME },
    data: { name: "second name", scope: "READ" },
  });
  expect(second.status(), await second.text()).toBe(200);

  // In the browser, a refused change says why instead of failing silently.
  // The browser will not let a page forge Origin, so the page's own request is sent on with a
  // foreign Origin, and the server's real answer is what the page gets.
  await page.route("**/api/trpc/token.create**", async (route) => {
    const response = await route.fetch({
      headers: { ...route.request().headers(), origin: "https://attacker.example" },
    });
    await route.fulfill({ response });
  });
  await page.goto("/account/tokens");
  await page.getByLabel("Name").fill("Refused");
  await page.getByRole("button", { name: "Create token" }).click();
  // Said next to the form, where the member looks.
  await expect(page.getByTestId("token-error")).toContainText(
    /came from another site, so it was refused/,
  );
  await expect(page.getByText("Copy your token now")).toHaveCount(0);

  const names = (
    await own.database.db.personalAccessToken.findMany({ select: { name: true } })
  ).map((token) => token.name);
  expect(names).not.toContain("stolen");
  expect(names).not.toContain("Refused");
  await context.close();
});
