import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { expect, signedUpOverApi, test, uniqueUser } from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * Sign-in limits against the real server: X-Forwarded-For is the client's own claim unless
 * TRUST_PROXY says a proxy wrote it, so rotating it escapes nothing; and a stranger failing on
 * a member's email slows that address, never the member at theirs.
 */
async function attempt(
  request: APIRequestContext,
  email: string,
  password: string,
  forwardedFor: string,
) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor.split(",")[0] ?? "" },
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  return response.status();
}

async function signedInAs(request: APIRequestContext) {
  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { email: string };
  } | null;
  return session?.user?.email ?? null;
}

const LIMIT = 5;

test("without TRUST_PROXY, rotating X-Forwarded-For does not escape the limit", async ({
  request,
}) => {
  const member = await signedUpOverApi(request, "rotated");
  for (let i = 0; i < LIMIT; i++) {
    expect(await attempt(request, member.email, "wrong guess", `198.51.100.${i}`)).not.toBe(429);
  }
  // A sixth address of the attacker's choosing is still the same connection address.
  const status = await attempt(request, member.email, "wrong guess", "203.0.113.250");
  expect(status).toBe(429);
});

test.describe("behind one trusted proxy (TRUST_PROXY=1)", () => {
  const own = ownServer({ env: { TRUST_PROXY: "1" } });

  test("the proxy's address counts, the client's claims do not, and the member signs in from another address", async () => {
    const stranger = await playwrightRequest.newContext({ baseURL: own.app.origin });
    const member = await playwrightRequest.newContext({ baseURL: own.app.origin });
    const user = await signedUpOverApi(member, "proxied");

    // The proxy appends the stranger's real address; what the stranger writes before it varies.
    for (let i = 0; i < LIMIT; i++) {
      const claimed = `10.${i}.0.1, 203.0.113.9`;
      expect(await attempt(stranger, user.email, "wrong guess", claimed)).not.toBe(429);
    }
    expect(await attempt(stranger, user.email, "wrong guess", "10.99.0.1, 203.0.113.9")).toBe(429);
    // Even the right password waits at that address.
    expect(await attempt(stranger, user.email, user.password, "203.0.113.9")).toBe(429);
    expect(await signedInAs(stranger)).toBeNull();

    // The member, at their own address, is not locked out.
    expect(await attempt(member, user.email, user.password, "192.0.2.44")).not.toBe(429);
    expect(await signedInAs(member)).toBe(user.email);
    await stranger.dispose();
    await member.dispose();
  });
});

test.describe("sign-up limit (SIGN_UP_LIMIT=2)", () => {
  const own = ownServer({ env: { SIGN_UP_LIMIT: "2" } });

  test("past the limit, the sign-up form says how long to wait and creates no account", async ({
    page,
  }) => {
    const signUpInForm = async (label: string) => {
      const user = uniqueUser(label);
      await page.goto(`${own.app.origin}/sign-up`);
      await page.getByLabel("Name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Create account" }).click();
      return user;
    };
    for (const label of ["first", "second"]) {
      await signUpInForm(label);
      await expect(page.getByRole("heading", { name: "Sign in to continue" })).toBeVisible();
    }
    const refused = await signUpInForm("third");
    await expect(
      page.getByText(/^Too many sign-ups from your network address\. Try again in \d+ minutes\.$/),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
    const accounts = await own.database.db.user.count({ where: { email: refused.email } });
    expect(accounts).toBe(0);
  });
});
