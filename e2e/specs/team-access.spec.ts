import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { mutate, person, pressAgainAfterLostAnswer, query } from "../support/decisions";
import {
  expect,
  postCredentials,
  signedUpOverApi,
  signInOverHttp,
  test,
  uniqueUser,
} from "../support/fixtures";
import { signInWithForm, signUpWithForm } from "../support/forms";
import { uniqueName } from "../support/names";
import { createTeamOverApi, inviteOverApi } from "../support/teams";

test("an owner invites by link; the invitee signs up through it, joins as member, has no admin actions, and sees a role change on the next load", async ({
  page,
  signedIn,
  browser,
}) => {
  test.setTimeout(60_000); // two browsers, a sign-up and several page loads
  // The Content-Security-Policy must not break anything the pages do.
  const cspViolations: string[] = [];
  const watch = (p: typeof page) =>
    p.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  watch(page);
  const team = await createTeamOverApi(page.request, `Access ${signedIn.name.slice(-8)}`);

  await page.goto(`/t/${team.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Team settings" })).toBeVisible();
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByText("Invitation created. Copy the link")).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText("Open link");

  // The invitee: another browser, signed out.
  const invitee = uniqueUser("invitee");
  const context = await browser.newContext();
  const other = await context.newPage();
  watch(other);
  await other.goto(link);
  await expect(other.getByRole("heading", { name: `Join ${team.name}` })).toBeVisible();
  await other.getByRole("link", { name: "Create an account" }).click();
  await signUpWithForm(other, invitee);
  await other.getByRole("button", { name: "Sign in", exact: true }).click();

  // Back on the invitation, now signed in.
  await expect(other.getByText(`You are signed in as ${invitee.email}`)).toBeVisible();
  await other.getByRole("button", { name: `Join ${team.name}` }).click();
  await expect(other).toHaveURL(new RegExp(`/t/${team.slug}$`));
  await expect(other.getByRole("heading", { name: team.name, level: 1 })).toBeVisible();

  // A member sees the team's members but none of the admin actions.
  await other.goto(`/t/${team.slug}/settings`);
  await expect(other.getByText("Your role:")).toContainText("Member");
  await expect(other.getByRole("list", { name: "Team members" })).toContainText(signedIn.name);
  await expect(other.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  await expect(other.getByRole("heading", { name: "Audit trail" })).toHaveCount(0);
  await expect(other.getByRole("combobox", { name: /Role of/ })).toHaveCount(0);
  await expect(other.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // The link was single use: back on it, the invitee is told they joined with it.
  await other.goto(link);
  await expect(
    other.getByRole("heading", { name: `You joined ${team.name} with this invitation` }),
  ).toBeVisible();
  await expect(other.getByRole("link", { name: `Open ${team.name}` })).toBeVisible();

  // The owner makes the member a viewer; the audit trail shows it.
  await page.reload();
  await page.getByRole("combobox", { name: `Role of ${invitee.name}` }).click();
  await page.getByRole("option", { name: "Viewer" }).click();
  await expect(page.getByText(`${invitee.name} is now viewer.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Audit trail" })).toContainText(
    `changed ${invitee.name} from member to viewer`,
  );

  // The viewer's next page load reflects it, without signing in again.
  await other.goto(`/t/${team.slug}/settings`);
  await expect(other.getByText("Your role:")).toContainText("Viewer");
  await context.close();
  expect(cspViolations).toEqual([]);
});

test("an invitation link that is malformed, revoked or for a team you are in says so", async ({
  page,
  signedIn,
}) => {
  const team = await createTeamOverApi(page.request, `Links ${signedIn.name.slice(-8)}`);
  await page.goto("/invite/not-a-real-token");
  await expect(
    page.getByRole("heading", { name: "This invitation link is not valid" }),
  ).toBeVisible();

  const invitation = await inviteOverApi(page.request, team.id);
  await page.goto(invitation.path);
  await expect(page.getByText(`You are already a member of ${team.name}`)).toBeVisible();

  // Revoked or not, a member is sent to the team, and told what became of the link.
  await mutate(page.request, "invitation.revoke", { teamId: team.id, invitationId: invitation.id });
  await page.goto(invitation.path);
  await expect(
    page.getByRole("heading", { name: `You are already a member of ${team.name}` }),
  ).toBeVisible();
  await expect(page.getByText("A team admin revoked the link since")).toBeVisible();
});

test("mutations refuse another site's Origin and non-JSON bodies, and change nothing", async ({
  page,
  signedIn,
}) => {
  const name = `CSRF ${signedIn.name.slice(-8)}`;
  const foreign = await page.request.post("/api/trpc/team.create", {
    data: { name },
    headers: { Origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  const formPost = await page.request.post("/api/trpc/team.create", {
    data: `{"name":"${name}"}`,
    headers: { "Content-Type": "text/plain" },
  });
  expect(formPost.status()).toBe(415);
  const teams = await page.request.get("/api/trpc/team.list");
  expect(await teams.text()).not.toContain(name);

  const sameSite = await page.request.post("/api/trpc/team.create", {
    data: { name },
    headers: { Origin: new URL(String(test.info().project.use.baseURL)).origin },
  });
  expect(sameSite.status()).toBe(200);
});

test("every response carries the security headers, and the session cookie is httpOnly and SameSite=Lax", async ({
  page,
  signedIn,
}) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain HTTP here, so no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const api = await page.request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, `signed in as ${signedIn.email}`).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("sign-in answers 429 with a retry time after 5 failures from one address, and the form says how long to wait", async ({
  page,
  request,
}) => {
  const user = await signedUpOverApi(request, "locked");
  const attempt = (password: string) => postCredentials(request, { email: user.email, password });
  for (let i = 0; i < 5; i++) expect((await attempt("wrong-password")).status()).not.toBe(429);
  const blocked = await attempt(user.password);
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(blocked.headers()["retry-after"])).toBeLessThanOrEqual(15 * 60);

  await page.goto("/sign-in");
  await signInWithForm(page, user);
  await expect(page.getByText(/Too many attempts, try again in \d+ minutes?/)).toBeVisible();
  // The same person at another address is not locked out: e2e/specs/sign-in-limits.spec.ts
  // (every request here comes from one address, and X-Forwarded-For is not trusted).
});

test("the client bundle holds no server secrets", () => {
  const root = join(import.meta.dirname, "..", "..", "apps", "web", ".next", "static");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|json|html|txt|map)$/.test(name)) files.push(path);
    }
  };
  walk(root);
  expect(files.length).toBeGreaterThan(0);
  const forbidden = [
    "NEXTAUTH_SECRET",
    "DATABASE_URL",
    "SMTP_URL",
    "postgres://",
    "postgresql://",
    "scrypt$",
  ];
  const found = files.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return forbidden
      .filter((needle) => text.includes(needle))
      .map((needle) => `${needle} in ${file}`);
  });
  expect(found).toEqual([]);
});

test("signing out everywhere ends the session in another browser on its next page load; a new password works after a change", async ({
  page,
  signedIn,
  browser,
}) => {
  const elsewhere = await browser.newContext();
  await signInOverHttp(elsewhere.request, signedIn);
  const other = await elsewhere.newPage();
  await other.goto("/account");
  await expect(other.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

  await page.goto("/account");
  await page.getByLabel("Your name").fill("Renamed Person");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Tradeoff" })).toBeVisible();

  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/);
  await elsewhere.close();

  // Sign in again, change the password: the old one stops working, the new one signs in.
  await signInWithForm(page, signedIn);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Current password").fill(signedIn.password);
  await page.getByRole("button", { name: "Change password" }).click();
  // This session goes on (see sessions.spec.ts); sign out to sign in with the new password.
  await expect(page.getByText(/^Password changed\./)).toBeVisible();
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signInWithForm(page, { email: signedIn.email, password: "a-brand-new-password" });
  await expect(page).not.toHaveURL(/\/sign-in/);
});

test("sending an invitation again after its answer was lost invites once and lists the first", async ({
  page,
  signedIn,
}) => {
  const team = await createTeamOverApi(page.request, `Resend ${signedIn.name.slice(-8)}`);
  await page.goto(`/t/${team.slug}/settings`);
  await page.getByLabel("Email (optional)").fill("resent@example.com");
  // The server creates the invitation, and the connection drops before its answer arrives.
  await pressAgainAfterLostAnswer(page, "invitation.create", "Create invitation");

  // Its link was in the lost answer: the page says so and lists the one invitation.
  await expect(
    page.getByText(
      "This invitation for resent@example.com was already created by an earlier attempt",
    ),
  ).toBeVisible();
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("listitem")).toHaveCount(1);
  await expect(pending).toContainText("resent@example.com");
  // A new attempt is a new invitation.
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByLabel("Invitation link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(pending.getByRole("listitem")).toHaveCount(2);
});

test("with no email server, an invitation to an address says it was not emailed, on the form and in the pending lists", async ({
  page,
  signedIn,
}) => {
  // The shared e2e server runs without SMTP_URL, as the default `npm start` does.
  const team = await createTeamOverApi(page.request, `No mail ${signedIn.name.slice(-8)}`);
  await page.goto(`/t/${team.slug}/settings`);
  await expect(page.getByTestId("invite-no-email")).toContainText(
    "No email is sent from this server",
  );
  await page.getByLabel("Email (optional)").fill("by-hand@example.com");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(
    page.getByText("Not emailed: send this link to by-hand@example.com yourself"),
  ).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);

  // The pending list marks it, and the open link beside it carries no such mark.
  await page.getByLabel("Email (optional)").fill("");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByText("Invitation created. Copy the link")).toBeVisible();
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("listitem")).toHaveCount(2);
  const byAddress = pending.getByRole("listitem").filter({ hasText: "by-hand@example.com" });
  await expect(byAddress.getByTestId("invitation-delivery")).toHaveText(
    "Not emailed: this server sends no email. Send the link by hand.",
  );
  const open = pending.getByRole("listitem").filter({ hasText: "Open link" });
  await expect(open.getByTestId("invitation-delivery")).toHaveCount(0);

  // The Members page's list says the same, from the server's first render.
  await page.goto(`/t/${team.slug}/members`);
  await expect(
    page
      .getByRole("list", { name: "Pending invitations" })
      .getByRole("listitem")
      .filter({ hasText: "by-hand@example.com" }),
  ).toContainText("Not emailed: this server sends no email. Send the link by hand.");
  // So does the API: no time it was emailed.
  const listed = await query<{ email: string | null; emailedAt: string | null }[]>(
    page.request,
    "invitation.list",
    { teamId: team.id },
  );
  expect(listed.find((i) => i.email === "by-hand@example.com")).toMatchObject({ emailedAt: null });
});

test("demoting an admin revokes the invitations their new role cannot give: the toast, the pending list and the audit trail say which, without a reload", async ({
  browser,
}) => {
  const alice = await person(browser, "alice");
  const bob = await person(browser, "bob");
  const team = await mutate<{ id: string; slug: string }>(alice.context.request, "team.create", {
    name: uniqueName("Inviters"),
  });
  const made = await mutate<{ token: string }>(alice.context.request, "invitation.create", {
    teamId: team.id,
    role: "ADMIN",
  });
  await mutate(bob.context.request, "invitation.accept", { token: made.token });
  // Bob, an admin, invites one admin by address and one member by an open link.
  for (const invite of [{ email: "second-admin@example.com", role: "ADMIN" }, { role: "MEMBER" }]) {
    await mutate(bob.context.request, "invitation.create", { teamId: team.id, ...invite });
  }

  const page = alice.page;
  await page.goto(`/t/${team.slug}/settings`);
  const pending = page.getByRole("list", { name: "Pending invitations" }).getByRole("listitem");
  await expect(pending).toHaveCount(2);
  await page.getByRole("combobox", { name: `Role of ${bob.user.name}` }).click();
  await page.getByRole("option", { name: "Member", exact: true }).click();
  await expect(
    page.getByText(
      `${bob.user.name} is now member. The 2 pending invitations they created that this role cannot give were revoked.`,
    ),
  ).toBeVisible();
  // Both lists below follow, without a reload.
  await expect(page.getByText("No pending invitations.")).toBeVisible();
  const trail = page.getByRole("list", { name: "Audit trail" });
  await expect(trail).toContainText(
    `changed ${bob.user.name} from admin to member; the 2 pending invitations they created were revoked`,
  );
  await expect(trail).toContainText(
    `The invitation of second-admin@example.com as admin that ${bob.user.name} created was revoked: their new role cannot give it`,
  );
  await expect(trail).toContainText(
    `An open-link invitation as member that ${bob.user.name} created was revoked: their new role cannot give it`,
  );
  await alice.context.close();
  await bob.context.close();
});

test("an owner hands ownership on from the settings page: the members list, the owner's role and the audit trail follow without a reload", async ({
  browser,
}) => {
  const alice = await person(browser, "alice");
  const bob = await person(browser, "bob");
  const team = await mutate<{ id: string; slug: string }>(alice.context.request, "team.create", {
    name: uniqueName("Handover"),
  });
  const made = await mutate<{ token: string }>(alice.context.request, "invitation.create", {
    teamId: team.id,
    role: "MEMBER",
  });
  await mutate(bob.context.request, "invitation.accept", { token: made.token });
  // An invitation that makes an owner: an admin cannot give it, so it goes with the handover.
  await mutate(alice.context.request, "invitation.create", {
    teamId: team.id,
    email: "co-owner@example.com",
    role: "OWNER",
  });

  const page = alice.page;
  await page.goto(`/t/${team.slug}/settings`);
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(
    "co-owner@example.com",
  );
  await page.getByRole("button", { name: "Transfer ownership" }).click();
  const dialog = page.getByRole("dialog", { name: "Transfer ownership" });
  await dialog.getByRole("combobox", { name: "New owner" }).click();
  await page.getByRole("option", { name: bob.user.name }).click();
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(
    page.getByText(
      "Ownership transferred. You are now an admin. The pending invitation you created that an admin cannot give was revoked.",
    ),
  ).toBeVisible();

  await expect(page.getByText("Your role:")).toContainText("Admin");
  const members = page.getByRole("list", { name: "Team members" });
  await expect(members.getByRole("listitem").filter({ hasText: bob.user.name })).toContainText(
    "Owner",
  );
  await expect(members.getByRole("listitem").filter({ hasText: alice.user.name })).toContainText(
    "Admin",
  );
  await expect(page.getByText("No pending invitations.")).toBeVisible();
  const trail = page.getByRole("list", { name: "Audit trail" });
  await expect(trail).toContainText(`made ${bob.user.name} the owner`);
  await expect(trail).toContainText(
    `The invitation of co-owner@example.com as owner that ${alice.user.name} created was revoked: their new role cannot give it`,
  );
  // No longer an owner: nothing of an owner's is offered.
  await expect(page.getByRole("button", { name: "Transfer ownership" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete team" })).toHaveCount(0);
  await alice.context.close();
  await bob.context.close();
});
