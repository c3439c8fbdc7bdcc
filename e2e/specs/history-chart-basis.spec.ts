import { voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

test.describe("history chart", () => {
  test("each point says whose votes it rests on, counted among the members of then", async ({
    alice,
    drf,
  }) => {
    const { url, projectId } = drf;
    await voteOverApi(alice.context.request, projectId, {
      performance: { weight: 5, scores: { drf: 2, fastapi: 5 } },
    });

    const page = alice.page;
    await page.goto(url);
    await page.getByRole("tab", { name: "History" }).click();
    const chart = page.getByTestId("history-chart");
    await expect(chart).toBeVisible();
    // The card says who no point counts, rather than guessing who left.
    await expect(
      page.getByText("members who have left since are counted at no point"),
    ).toBeVisible();

    // The one point: Alice's vote, of the team's two voting members then.
    const box = await chart.boundingBox();
    if (!box) throw new Error("the chart has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(chart.locator(".recharts-tooltip-label")).toContainText(
      "Votes of 1 of the 2 voting members of then",
    );
  });
});
