import { holdProcedure, markDocument, type Person, query, voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

/** Alice's vote on performance, FastAPI far ahead of DRF: the page opens with "FastAPI leads". */
const aliceFavoursFastApi = (alice: Person, projectId: string) =>
  voteOverApi(alice.context.request, projectId, {
    performance: { weight: 5, scores: { drf: 1, fastapi: 5 } },
  });

/** Bob's votes for DRF on performance and ecosystem: DRF then leads. */
const bobFavoursDrf = (bob: Person, projectId: string) =>
  voteOverApi(bob.context.request, projectId, {
    performance: { weight: 5, scores: { drf: 5, fastapi: 1 } },
    ecosystem: { weight: 5, scores: { drf: 5, fastapi: 1 } },
  });

test.describe("live updates", () => {
  test("a teammate's vote appears on an open project page without a reload", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url, projectId } = drf;
    await aliceFavoursFastApi(alice, projectId);

    await alice.page.goto(url);
    await expect(alice.page.getByTestId("winner")).toHaveText("FastAPI leads");
    await bob.page.goto(url);
    // Both pages have their live stream open: each sees the other viewing.
    await expect(alice.page.getByTestId("presence")).toContainText("2 viewing");
    await expect(bob.page.getByTestId("presence")).toContainText("2 viewing");

    // Bob votes in his tab; Alice's open page follows without a reload.
    const voteTab = alice.page.getByRole("tab", { name: "Vote & results" });
    await voteTab.focus();
    const alicesDocument = await markDocument(alice.page);
    const votedAt = Date.now();
    await bobFavoursDrf(bob, projectId);
    await expect(alice.page.getByTestId("winner")).toHaveText("Django REST Framework leads", {
      timeout: 3_000,
    });
    const seenAfter = Date.now() - votedAt;
    expect(await alicesDocument.sameDocument()).toBe(true);
    // Screen readers hear it politely; focus stays where Alice left it.
    const announcement = alice.page.getByTestId("live-announcement");
    await expect(announcement).toHaveAttribute("aria-live", "polite");
    await expect(announcement).toHaveText(new RegExp(`^${bob.user.name} voted on `));
    await expect(voteTab).toBeFocused();
    test.info().annotations.push({ type: "live delay", description: `${seenAfter} ms` });

    // The history tab is live too.
    await alice.page.getByRole("tab", { name: "History" }).click();
    await voteOverApi(bob.context.request, projectId, {
      "api-docs": { weight: 4, scores: { drf: 5, fastapi: 3 } },
    });
    await expect(alice.page.getByTestId("history-events").locator("li").first()).toContainText(
      bob.user.name,
    );

    // When Bob leaves, Alice sees that too.
    await bob.context.close();
    await expect(alice.page.getByTestId("presence")).toContainText("1 viewing");
  });

  test("a teammate's vote made while the page loads reaches it once its live stream opens", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url, projectId } = drf;
    await aliceFavoursFastApi(alice, projectId);
    // Alice's live stream opens only after Bob has voted, as on a slow connection.
    const release = await holdProcedure(alice.page, "live.project");
    await alice.page.goto(url);
    await expect(alice.page.getByTestId("winner")).toHaveText("FastAPI leads");
    await bobFavoursDrf(bob, projectId);
    release();
    await expect(alice.page.getByTestId("presence")).toContainText("1 viewing");
    await expect(alice.page.getByTestId("winner")).toHaveText("Django REST Framework leads");
  });

  test("a comment reaches a teammate's open discussion live, as markdown without raw HTML, and mentions them", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url, team } = drf;
    for (const p of [alice, bob]) {
      await p.page.goto(url);
      // Opening the discussion marks one's mentions in it seen; Bob's must be done before Alice
      // writes, or it could mark the new mention seen too.
      const seen = p.page.waitForResponse((r) => r.url().includes("comment.markMentionsSeen"));
      await p.page.getByRole("tab", { name: "Discussion" }).click();
      expect((await seen).ok()).toBe(true);
    }
    let dialogs = 0;
    bob.page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });

    const composer = alice.page.getByLabel("Write a comment");
    await composer.fill(
      "**DRF** has the admin we need <img src=x onerror=alert(1)> what do you think @bob",
    );
    await alice.page.getByRole("button", { name: `@${bob.user.name}` }).click();
    await alice.page.getByRole("button", { name: "Comment", exact: true }).click();

    // Bob's open page shows it without a reload: bold text rendered, the HTML not.
    const comments = bob.page.getByTestId("comments");
    await expect(comments.locator("strong", { hasText: "DRF" })).toBeVisible({ timeout: 3_000 });
    await expect(comments).toContainText(`@${bob.user.name}`);
    await expect(comments.locator("img")).toHaveCount(0);
    expect(dialogs).toBe(0);

    // The mention is in Bob's "needs attention" list.
    const mentions = await query<{ excerpt: string }[]>(bob.context.request, "comment.mentions", {
      teamId: team.id,
    });
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.excerpt).toContain("DRF");
  });
});
