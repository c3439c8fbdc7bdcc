import { createSmallProject, mutate, person } from "../support/decisions";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";

/**
 * A team that has used Tradeoff for a while: every list shows a page and how many there are in
 * all, and the rest is one press (or one link) away. Nothing is left out silently.
 */
test("the team page shows the latest of each status with its count, and the rest a page at a time", async ({
  alice,
}) => {
  test.setTimeout(120_000);
  const request = alice.context.request;
  const team = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: uniqueName("Long lists"),
  });
  // 11 open decisions (the dashboard shows 10 of a status) and 41 drafts: 52, over a page (50).
  for (let i = 1; i <= 52; i++) {
    const project = await createSmallProject(request, team.id, {
      title: `Decision ${i}`,
      options: [
        ["a", "First"],
        ["b", "Second"],
      ],
    });
    if (i <= 11) await mutate(request, "project.open", { projectId: project.id });
  }

  const page = alice.page;
  await page.goto(`/t/${team.slug}`);
  const open = page.getByRole("region", { name: /Open for voting/ });
  await expect(open.getByRole("heading")).toContainText("11");
  await expect(open.getByRole("listitem")).toHaveCount(10);
  await expect(open.getByTestId("dashboard-more")).toContainText("10 of 11");
  const pending = page.getByRole("region", { name: /Waiting for your vote/ });
  await expect(pending.getByRole("heading")).toContainText("11");
  await expect(pending.getByTestId("dashboard-more")).toContainText("10 of 11");
  // The one left out is among the open decisions, a link away.
  await expect(pending.getByRole("link", { name: "See every open decision" })).toHaveAttribute(
    "href",
    `/t/${team.slug}?status=OPEN`,
  );

  // "Show all 11" opens the list filtered by that status, with every one of them.
  await open.getByRole("link", { name: "Show all 11" }).click();
  await expect(page).toHaveURL(/[?&]status=OPEN/);
  await expect(page.getByTestId("find-count")).toHaveText("11 decisions match.");
  await expect(page.getByTestId("find-results").getByRole("listitem")).toHaveCount(11);

  // A search matching every decision: the first page, how many in all, and the rest on request.
  await page.goto(`/t/${team.slug}?q=decision`);
  await expect(page.getByTestId("find-count")).toHaveText(
    "52 decisions match; the newest 50 are shown.",
  );
  const results = page.getByTestId("find-results").getByRole("listitem");
  await expect(results).toHaveCount(50);
  await page.getByRole("button", { name: "Show more decisions" }).click();
  await expect(results).toHaveCount(52);
  await expect(results.last()).toContainText("Decision 1");
  await expect(page.getByTestId("find-count")).toHaveText("52 decisions match.");
  await expect(page.getByRole("button", { name: "Show more decisions" })).toHaveCount(0);

  // Clearing the filter brings the dashboard back.
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(
    page.getByRole("region", { name: /Open for voting/ }).getByRole("listitem"),
  ).toHaveCount(10);
});

test('a discussion longer than a page shows its latest comments, and "Show older comments" the rest', async ({
  alice,
  soloDrf,
}) => {
  test.setTimeout(120_000);
  const { projectId, url } = soloDrf;
  for (let i = 1; i <= 52; i++) {
    await mutate(alice.context.request, "comment.create", { projectId, body: `Note ${i}` });
  }
  const page = alice.page;
  await page.goto(url);
  await page.getByRole("tab", { name: "Discussion" }).click();
  const comments = page.getByTestId("comments").getByRole("listitem");
  await expect(comments).toHaveCount(50);
  await expect(comments.first()).toContainText("Note 3");
  // The thread list counts every comment, not only those on screen.
  await expect(page.getByRole("navigation", { name: "Threads" })).toContainText("52");
  await page.getByRole("button", { name: "Show older comments" }).click();
  await expect(comments).toHaveCount(52);
  await expect(comments.first()).toContainText("Note 1");
  await expect(comments.first()).toBeFocused();
  await expect(page.getByRole("button", { name: "Show older comments" })).toHaveCount(0);
});

test("the tokens page lists the active tokens, and folds the revoked ones a page at a time", async ({
  alice,
}) => {
  const request = alice.context.request;
  await mutate(request, "token.create", { name: "laptop", scope: "READ" });
  for (let i = 1; i <= 11; i++) {
    const made = await mutate<{ id: string }>(request, "token.create", {
      name: `old ${i}`,
      scope: "READ",
    });
    await mutate(request, "token.revoke", { tokenId: made.id });
  }
  const page = alice.page;
  await page.goto("/account/tokens");
  const table = page.getByRole("table", { name: "Your access tokens" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("laptop");
  const revoked = page.getByTestId("revoked-tokens");
  await revoked.getByText("Revoked tokens (11)").click();
  await expect(revoked.getByRole("listitem")).toHaveCount(10);
  await expect(revoked.getByRole("listitem").first()).toContainText("old 11");
  await revoked.getByRole("button", { name: /Show older revoked tokens/ }).click();
  await expect(revoked.getByRole("listitem")).toHaveCount(11);
  await expect(revoked.getByRole("listitem").last()).toContainText("old 1");
});

test("the members page shows 50 members at a time with how many in all, and finds one by name", async ({
  alice,
  browser,
}) => {
  test.setTimeout(240_000);
  const team = await mutate<{ id: string; slug: string }>(alice.context.request, "team.create", {
    name: uniqueName("Big team"),
  });
  // Alice and 51 teammates: 52, over the 50 the list shows at first.
  for (let i = 1; i <= 51; i++) {
    const teammate = await person(browser, `teammate${i}`, i === 7 ? "Zora Quirk" : undefined);
    const invitation = await mutate<{ token: string }>(alice.context.request, "invitation.create", {
      teamId: team.id,
      role: "MEMBER",
    });
    await mutate(teammate.context.request, "invitation.accept", { token: invitation.token });
    await teammate.context.close();
  }
  const page = alice.page;
  await page.goto(`/t/${team.slug}/members`);
  const rows = page.getByTestId("member-row");
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("member-count")).toHaveText("52 members. The first 50 are shown.");
  await page.getByRole("button", { name: "Show 2 more of 52" }).click();
  await expect(rows).toHaveCount(52);

  await page.getByLabel("Find a member").fill("QUIRK zora");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Zora Quirk");
  await expect(page.getByTestId("member-count")).toHaveText("1 of 52 members match.");
});

test('the audit trail shows its newest 50 changes with how many in all, and "Show older changes" the rest', async ({
  alice,
}) => {
  test.setTimeout(120_000);
  const request = alice.context.request;
  const team = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: uniqueName("Long trail"),
  });
  // The team's creation and 55 invitations: 56 changes, over a page (50).
  for (let i = 1; i <= 55; i++) {
    await mutate(request, "invitation.create", {
      teamId: team.id,
      email: `guest${i}@example.com`,
      role: "MEMBER",
    });
  }
  const page = alice.page;
  await page.goto(`/t/${team.slug}/settings`);
  const trail = page.getByRole("list", { name: "Audit trail" }).getByRole("listitem");
  await expect(trail).toHaveCount(50);
  await expect(trail.first()).toContainText("invited guest55@example.com as member");
  await expect(page.getByTestId("audit-count")).toHaveText("56 changes. The newest 50 are shown.");

  await page.getByRole("button", { name: "Show older changes" }).click();
  await expect(trail).toHaveCount(56);
  await expect(trail.nth(50)).toContainText("invited guest5@example.com as member");
  await expect(trail.last()).toContainText("created the team");
  // The keyboard moves to the first change the press brought; the page says how many.
  await expect(trail.nth(50)).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "6 older changes shown." })).toHaveCount(
    1,
  );
  await expect(page.getByRole("button", { name: "Show older changes" })).toHaveCount(0);
  await expect(page.getByTestId("audit-count")).toHaveCount(0);
});
