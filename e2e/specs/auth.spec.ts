import { pressAgainAfterLostAnswer } from "../support/decisions";
import {
  answerInBrowser,
  expect,
  signedUpOverApi,
  signInOverHttp,
  test,
  uniqueUser,
} from "../support/fixtures";
import { signInWithForm, signUpWithForm } from "../support/forms";
import { uniqueName } from "../support/names";

test("a newcomer signs up, creates a team, signs out, signs in again and finds the team", async ({
  page,
  user,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await signUpWithForm(page, user);
  // Sign-up never signs in by itself (that would tell a new email from a used one); the next
  // step signs in with what was just typed, in one click.
  await expect(page.getByRole("heading", { name: "Sign in to continue" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Create a team" })).toBeVisible();
  await page.getByLabel("Team name").fill("Payments guild");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: "Payments guild", level: 1 })).toBeVisible();
  await expect(page.getByText("No decisions yet")).toBeVisible();
  await expect(page).toHaveURL(/\/t\/payments-guild/);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();

  await signInWithForm(page, user);
  await expect(page.getByRole("heading", { name: "Payments guild", level: 1 })).toBeVisible();
});

test("sign-up explains each bad field, and answers a used email like any other, changing nothing", async ({
  page,
  request,
}) => {
  const existing = await signedUpOverApi(request, "taken");

  await page.goto("/sign-up");
  await signUpWithForm(page, { name: "Someone", email: "not-an-email", password: "short" });
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  // A used email: no "already exists", only the next step any sign-up has (sign in), on the
  // very page a new email gets.
  await page.getByLabel("Email").fill(existing.email);
  await page.getByLabel("Password").fill("amber walrus kettle 93");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sign in to continue," })).toBeVisible();
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/sign-up/);
  const usedAnswer = await page.getByRole("main").textContent();

  const fresh = uniqueUser("fresh");
  const other = await page.context().newPage();
  await other.goto("/sign-up");
  await signUpWithForm(other, {
    name: "Someone",
    email: fresh.email,
    password: "amber walrus kettle 93",
  });
  await expect(other.getByRole("status").filter({ hasText: "Sign in to continue," })).toBeVisible();
  await expect(other).toHaveURL(/\/sign-up/);
  expect(await other.getByRole("main").textContent()).toBe(usedAnswer);
  // Neither signed anyone in.
  const nobody = (await (await page.request.get("/api/auth/session")).json()) as {
    user?: unknown;
  };
  expect(nobody.user).toBeUndefined();
  await other.close();

  // The account is untouched: its own password still signs in.
  await signInOverHttp(request, existing);
  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { email?: string };
  };
  expect(session.user?.email).toBe(existing.email);
});

test("a wrong password gets one generic message that does not reveal whether the email exists", async ({
  page,
  request,
}) => {
  const known = await signedUpOverApi(request, "known");
  const messages: string[] = [];
  for (const email of [known.email, uniqueUser("unknown").email]) {
    await page.goto("/sign-in");
    await signInWithForm(page, { email, password: "definitely-wrong" });
    const alert = page.getByRole("alert").filter({ hasText: "do not match" });
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
  }
  expect(messages[0]).toBe(messages[1]);
});

test("team name rules are shown on the field", async ({ page, signedIn }) => {
  expect(signedIn.email).toContain("@");
  await page.goto("/teams/new");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Enter a team name.")).toBeVisible();
  await page.getByLabel("Team name").fill("x".repeat(81));
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Keep the team name to 80 characters or fewer.")).toBeVisible();
});

test("creating a team again after its answer was lost opens the team created, not a second", async ({
  page,
  signedIn,
}) => {
  expect(signedIn.email).toContain("@");
  const name = uniqueName("Retried");
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(name);
  // The server creates the team, and the connection drops before its answer arrives.
  await pressAgainAfterLostAnswer(page, "team.create", "Create team");

  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const listed = await page.context().request.get("/api/trpc/team.list");
  expect(listed.status()).toBe(200);
  const teams = ((await listed.json()) as { result: { data: { name: string }[] } }).result.data;
  expect(teams.filter((team) => team.name === name)).toHaveLength(1);
});

test("signing in over HTTP gives a session the app recognises", async ({ page, request }) => {
  const user = await signedUpOverApi(request, "http");
  await signInOverHttp(page.request, user);
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toMatchObject({ user: { email: user.email } });
  // Someone with no team yet starts on the first sign-in page.
  await page.goto("/");
  await expect(page).toHaveURL(/\/start$/);
});

test("the health endpoint reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
});

/** Addresses that start with one "/" yet, once a browser reads them, lead to another site. */
const OFF_SITE_RETURNS = ["/\\attacker.example/phish", "/\t/attacker.example/phish"];

test("a return address that leads off the site is replaced by the home page after signing in or up", async ({
  page,
  request,
}) => {
  const offSite = await answerInBrowser(page, "attacker.example", "Phished");
  const home = page.getByRole("heading", { name: "Create a team" });
  for (const [i, target] of OFF_SITE_RETURNS.entries()) {
    const member = await signedUpOverApi(request, `return${i}`);
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await signInWithForm(page, member);
    await expect(home).toBeVisible();

    await page.context().clearCookies();
    await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(target)}`);
    await signUpWithForm(page, uniqueUser(`return-new${i}`));
    await expect(page.getByRole("heading", { name: "Sign in to continue" })).toBeVisible();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(home).toBeVisible();
  }
  expect(offSite).toEqual([]);
});

test("a return address on the site is kept through signing in", async ({ page, request }) => {
  const member = await signedUpOverApi(request, "return-local");
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/account?tab=tokens")}`);
  await signInWithForm(page, member);
  await page.waitForURL((url) => url.pathname === "/account");
  expect(new URL(page.url()).search).toBe("?tab=tokens");
});
