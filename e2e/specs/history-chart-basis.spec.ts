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
    // A single point sits wherever its moment falls on the axis: sweep across the plot until
    // the tooltip shows it.
    const label = chart.locator(".recharts-tooltip-label");
    await chart.scrollIntoViewIfNeeded();
    await expect(async () => {
      const box = await chart.boundingBox();
      if (!box) throw new Error("the chart has no box");
      for (let x = 0.05; x < 1; x += 0.05) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height / 3);
        if (await label.textContent()) break;
      }
      await expect(label).toContainText("Votes of 1 of the 2 voting members of then", {
        timeout: 500,
      });
    }).toPass({ timeout: 15_000 });
  });
});
