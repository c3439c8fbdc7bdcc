import { expect, test } from "@playwright/test";
import { person, teamWithDrfProject, voteOverApi } from "../support/decisions";

test.describe("live updates", () => {
  test("a teammate's vote appears on an open project page without a reload", async ({
    browser,
  }) => {
    const alice = await person(browser, "alice");
    const bob = await person(browser, "bob");
    const { url, projectId } = await teamWithDrfProject(alice, [bob]);
    await voteOverApi(alice.context.request, projectId, {
      performance: { weight: 5, scores: { drf: 1, fastapi: 5 } },
    });

    await alice.page.goto(url);
    await expect(alice.page.getByTestId("winner")).toHaveText("FastAPI leads");
    await bob.page.goto(url);
    // Both pages have their live stream open: each sees the other viewing.
    await expect(alice.page.getByTestId("presence")).toContainText("2 viewing");
    await expect(bob.page.getByTestId("presence")).toContainText("2 viewing");

    // Bob votes in his tab; Alice's open page follows without a reload.
    let navigations = 0;
    alice.page.on("framenavigated", () => navigations++);
    const votedAt = Date.now();
    await voteOverApi(bob.context.request, projectId, {
      performance: { weight: 5, scores: { drf: 5, fastapi: 1 } },
      ecosystem: { weight: 5, scores: { drf: 5, fastapi: 1 } },
    });
    await expect(alice.page.getByTestId("winner")).toHaveText("Django REST Framework leads", {
      timeout: 3_000,
    });
    const seenAfter = Date.now() - votedAt;
    expect(navigations).toBe(0);
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
    await alice.context.close();
  });
});
