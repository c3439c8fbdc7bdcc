import { createToken } from "../support/cli";
import { mutate } from "../support/decisions";
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
  const rows = (
    (await tokens.json()) as { result: { data: { active: { revokedAt: string | null }[] } } }
  ).result.data.active;
  expect(rows).toHaveLength(1);
  expect(rows[0]?.revokedAt).toBeNull();
  const still = await request.get("/api/trpc/account.get", { headers: bearer });
  expect(still.status()).toBe(200);
  const session = await page.request.get("/api/trpc/account.get");
  expect(session.status()).toBe(200);
});

/**
 * Nor does it administer a team, even its owner's: a leaked token must not change who is in a
 * team, what they may do there, or where the team's data goes. It still works on decisions.
 */
test("an access token of a team's owner cannot manage the team, over tRPC or REST", async ({
  page,
  request,
  signedIn,
}) => {
  const team = await mutate<{ id: string; name: string }>(page.request, "team.create", {
    name: `Tokens ${signedIn.name.slice(-8)}`,
  });
  const { token } = await createToken(page.request, "script");
  const bearer = { authorization: `Bearer ${token}` };

  const attempts = [
    { path: "invitation.create", data: { teamId: team.id, email: "x@example.com", role: "ADMIN" } },
    { path: "team.rename", data: { teamId: team.id, name: "Taken over" } },
    { path: "team.delete", data: { teamId: team.id, confirmation: team.name } },
    { path: "team.create", data: { name: "Made by a token" } },
  ];
  for (const { path, data } of attempts) {
    const response = await request.post(`/api/trpc/${path}`, { headers: bearer, data });
    expect(response.status(), path).toBe(403);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message, path).toMatch(/Access tokens cannot manage teams.*Sign in/);
  }
  const webhooks = await request.get(
    `/api/trpc/webhook.list?input=${encodeURIComponent(JSON.stringify({ teamId: team.id }))}`,
    { headers: bearer },
  );
  expect(webhooks.status()).toBe(403);
  // The REST API does not serve a team's administration at all.
  const rest = await request.post("/api/v1/team/rename", {
    headers: bearer,
    data: { teamId: team.id, name: "Taken over" },
  });
  expect(rest.status()).toBe(404);

  // The team is as it was, and the token still works on its decisions.
  const teams = await request.get("/api/v1/team/list", { headers: bearer });
  expect(teams.status()).toBe(200);
  expect(await teams.json()).toEqual([expect.objectContaining({ id: team.id, name: team.name })]);
  const projects = await request.get(`/api/v1/project/list?teamId=${team.id}`, { headers: bearer });
  expect(projects.status()).toBe(200);
});
