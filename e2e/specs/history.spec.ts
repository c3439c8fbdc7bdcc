import { voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

test.describe("history", () => {
  test("the time slider shows the recommendation as it stood earlier, with its winner", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url, projectId } = drf;

    // FastAPI leads after Alice's vote, which she adjusts twice within the folding window
    // (one history entry: the state her last edit left); a little later Bob's votes put DRF
    // ahead.
    for (const drf of [3, 1, 2]) {
      await voteOverApi(alice.context.request, projectId, {
        performance: { weight: 5, scores: { drf, fastapi: 5 } },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await voteOverApi(bob.context.request, projectId, {
      performance: { weight: 5, scores: { drf: 5, fastapi: 1 } },
      ecosystem: { weight: 5, scores: { drf: 5, fastapi: 1 } },
    });

    const page = alice.page;
    await page.goto(url);
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByTestId("history-chart")).toBeVisible();
    await expect(page.getByTestId("history-winner")).toContainText("Django REST Framework led");
    // The current state is marked as such, and the time axis never repeats a label.
    await expect(page.getByTestId("history-current")).toHaveText("Current state");
    const tickLabels = page
      .getByTestId("history-chart")
      .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect(tickLabels.first()).toBeAttached();
    const ticks = await tickLabels.allTextContents();
    expect(new Set(ticks).size).toBe(ticks.length);

    // One point per history entry: Alice's folded vote, then Bob's two.
    const slider = page.getByTestId("history-slider");
    await expect(slider).toHaveAttribute("max", "2");
    await expect(page.getByText("3 in all")).toBeVisible();

    // Back to the first vote: FastAPI was ahead then, the first real state, not an empty one.
    await slider.focus();
    await page.keyboard.press("Home");
    await expect(page.getByTestId("history-winner")).toContainText("FastAPI led");
    // What that leader rested on then: one criterion, one partial ballot.
    await expect(page.getByTestId("history-basis")).toContainText(
      "Provisional: based on 1 of 13 criteria (",
    );
    await expect(page.getByTestId("history-basis")).toContainText(
      "and 0 of 2 complete ballots (no quorum set: every member's ballot is needed). 1 partial ballot.",
    );
    await expect(page.getByTestId("history-current")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Back to now" })).toBeVisible();
    // And forward again to now.
    await page.keyboard.press("End");
    await expect(page.getByTestId("history-winner")).toContainText("Django REST Framework led");
    await expect(page.getByTestId("history-current")).toBeVisible();

    // Every change is listed; each member's vote that counts now is marked as current.
    const events = page.getByTestId("history-events");
    await expect(events.getByText("Current vote")).toHaveCount(3);
    await expect(events.locator("li").filter({ hasText: "voted on" })).toHaveCount(3);
    const folded = events.locator("li").filter({ hasText: alice.user.name }).first();
    await expect(folded.getByTestId("history-folded")).toContainText("several edits in a row");
    // As Alice's last edit left it (DRF 2), not her first (DRF 3).
    await expect(folded).toContainText("importance 5, Django REST Framework 2, FastAPI 5");
    await expect(events.locator("li").filter({ hasText: bob.user.name }).first()).toContainText(
      "voted on",
    );
  });
});
