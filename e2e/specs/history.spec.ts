import type { Locator } from "@playwright/test";
import {
  holdFirstRequestWith,
  mutate,
  pressShowOlderChanges,
  query,
  voteOverApi,
} from "../support/decisions";
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
    // Edits made within one second show that one time, never "5:20:06 PM to 5:20:06 PM".
    const times = await folded.locator("time").allTextContents();
    expect(new Set(times.map((t) => t.split(", ").pop())).size).toBe(times.length);
    // As Alice's last edit left it (DRF 2), not her first (DRF 3).
    await expect(folded).toContainText("importance 5, Django REST Framework 2, FastAPI 5");
    await expect(events.locator("li").filter({ hasText: bob.user.name }).first()).toContainText(
      "voted on",
    );
  });
});

/** The ids of the changes the list shows, top to bottom. */
function shownIds(rows: Locator) {
  return rows.evaluateAll((elements) =>
    elements.map((element) => {
      type Row = { getAttribute(name: string): string | null };
      return (element as unknown as Row).getAttribute("data-event-id");
    }),
  );
}

test.describe("history's older changes", () => {
  test('"Show older changes" while a teammate\'s change refreshes the list shows every change once, in order', async ({
    alice,
    bob,
    drf,
  }) => {
    const { projectId, url } = drf;
    // More changes than one page of the list holds (30), and fewer than two.
    for (let i = 0; i < 32; i++) {
      await mutate(bob.context.request, "comment.create", { projectId, body: `Note ${i + 1}` });
    }
    const everyChange = async () =>
      (
        await query<{ items: { id: string }[]; nextCursor: string | null }>(
          alice.context.request,
          "history.list",
          { projectId, limit: 100 },
        )
      ).items.map((item) => item.id);
    const before = await everyChange();
    expect(before.length).toBeGreaterThan(30);
    expect(before.length).toBeLessThan(60);

    const page = alice.page;
    // The older page is held until a teammate's comment has refreshed the list, so the refresh
    // and the older page cross, as they do whenever someone acts while the reader asks for more.
    const { asked: olderAsked, release } = await holdFirstRequestWith(
      page,
      "history.list",
      /"cursor":"\d+"/,
    );
    await page.goto(url);
    // The page's live stream is open (it shows who is viewing) before the teammate comments, so
    // the comment's refresh meets the older changes' load, the moment this test is about.
    await expect(page.getByTestId("presence")).toContainText("1 viewing");
    const { events, older } = await pressShowOlderChanges(page);
    await olderAsked;

    await mutate(bob.context.request, "comment.create", { projectId, body: "One more note" });
    const after = await everyChange();
    expect(after.length).toBe(before.length + 1);
    // The live refresh has brought the new comment to the top of the list.
    await expect(events.first()).toHaveAttribute("data-event-id", after[0] ?? "");
    release();

    // Every change, newest first, each once; the button went with the last page, and the
    // keyboard is on the first change the press brought.
    await expect(events).toHaveCount(after.length);
    expect(await shownIds(events)).toEqual(after);
    await expect(older).toHaveCount(0);
    // The new comment pushed the first page's last change down: it was on screen already, so
    // the press brought the ones after it.
    const onScreen = new Set(before.slice(0, 30));
    const brought = after.slice(30).filter((id) => !onScreen.has(id));
    expect(brought.length).toBe(after.length - 31);
    await expect(page.locator(`[data-event-id="${brought[0]}"]`)).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: /older change/ })).toHaveText(
      `${brought.length} older ${brought.length === 1 ? "change" : "changes"} shown.`,
    );

    // A change made now joins the top; none is pushed out of the middle of the list or repeated.
    await mutate(bob.context.request, "comment.create", { projectId, body: "The last note" });
    const last = await everyChange();
    await expect(events).toHaveCount(last.length);
    await expect(events.first()).toHaveAttribute("data-event-id", last[0] ?? "");
    expect(await shownIds(events)).toEqual(last);
  });
});
