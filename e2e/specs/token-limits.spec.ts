import { expect, test } from "../support/fixtures";

/**
 * A read-write personal access token acts for its owner on decisions, but never manages the
 * account: otherwise a leaked token could mint tokens that survive its own revocation, change
 * the password, end the owner's sessions or delete the account.
 */
test("an access token cannot manage tokens, the password, sessions or the account", async ({
  page,
  request,
  signedIn,
}) => {
  const created = await page.request.post("/api/trpc/token.create", {
    data: { name: "script", scope: "READ_WRITE" },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { result } = (await created.json()) as { result: { data: { id: string; token: string } } };
  const bearer = { authorization: `Bearer ${result.data.token}` };

  // The token works for what it is for.
  const me = await request.get("/api/trpc/account.get", { headers: bearer });
  expect(me.status()).toBe(200);

  const attempts = [
    { path: "token.create", data: { name: "child", scope: "READ_WRITE" } },
    { path: "token.revoke", data: { tokenId: result.data.id } },
    {
      path: "account.changePassword",
      data: { currentPassword: signedIn.password, newPassword: "a brand new passphrase 9913" },
    },
    { path: "account.signOutEverywhere", data: {} },
    { path: "account.endOtherSessions", data: {} },
    { path: "account.endSession", data: { id: "any-session" } },
    { path: "account.delete", data: { confirmation: signedIn.password } },
  ];
  for (const { path, data } of attempts) {
    const response = await request.post(`/api/trpc/${path}`, { headers: bearer, data });
    expect(response.status(), path).toBe(403);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code, path).toBe("FORBIDDEN");
    expect(body.error.message, path).toMatch(/Access tokens cannot manage the account.*Sign in/);
  }
  const listed = await request.get("/api/trpc/token.list", { headers: bearer });
  expect(listed.status()).toBe(403);
  const sessions = await request.get("/api/trpc/account.sessions", { headers: bearer });
  expect(sessions.status()).toBe(403);

  // Nothing changed: one token, still active; the session and the old password still work.
  const tokens = await page.request.get("/api/trpc/token.list");
  expect(tokens.status()).toBe(200);
  const rows = ((await tokens.json()) as { result: { data: { revokedAt: string | null }[] } })
    .result.data;
  expect(rows).toHaveLength(1);
  expect(rows[0]?.revokedAt).toBeNull();
  const still = await request.get("/api/trpc/account.get", { headers: bearer });
  expect(still.status()).toBe(200);
  const session = await page.request.get("/api/trpc/account.get");
  expect(session.status()).toBe(200);
});
