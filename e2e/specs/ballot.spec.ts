import type { Page } from "@playwright/test";
import { criterionCard, voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

const progress = (page: Page) => page.getByTestId("ballot-progress");

test.describe("a ballot that is quick to fill", () => {
  test("a whole ballot filled with the keyboard only: Tab through it, a digit sets the focused scale", async ({
    alice,
    soloDrf,
  }) => {
    test.setTimeout(180_000);
    const { url, template, first } = soloDrf;
    const total = template.criteria.length;
    const page = alice.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await expect(progress(page)).toContainText(`0 of ${total} criteria done`);
    const ballot = page.locator("section[aria-labelledby='voting-heading']");
    const emptyHeight = (await ballot.boundingBox())?.height ?? 0;

    // Only keys from here on: Tab moves through the page in reading order; on a scale with no
    // value yet, a digit sets it (4 for importance, 3 or 5 for the options).
    const emptyScale = page.locator("fieldset:has(input:focus):not(:has(input:checked))");
    // The name of the focused scale when it has no value yet, else null (one round trip a key).
    const focusedEmptyScale = () =>
      page.evaluate<string | null>(
        `document.querySelector("fieldset:has(input:focus):not(:has(input:checked))")?.getAttribute("aria-label") ?? null`,
      );
    let presses = 0;
    let digits = 0;
    while (digits < total * (1 + template.options.length)) {
      expect(presses++, "Tab presses to reach every scale").toBeLessThan(40 * total);
      const legend = await focusedEmptyScale();
      if (legend === null) {
        await page.keyboard.press("Tab");
        continue;
      }
      await page.keyboard.press(
        legend.startsWith("Importance") ? "4" : legend.startsWith("FastAPI") ? "5" : "3",
      );
      digits++;
      await expect(emptyScale).toHaveCount(0);
    }
    // One digit per scale (importance and one score per option) and every criterion is done.
    await expect(progress(page)).toContainText(`${total} of ${total} criteria done`);
    await expect(progress(page)).toContainText("All saved");

    // Saved on the server: after a reload every criterion is done and folded to one line.
    await page.reload();
    await expect(progress(page)).toContainText(`${total} of ${total} criteria done`);
    await expect(criterionCard(page, first.name).getByRole("button")).toContainText(
      "Importance 4 · Django REST Framework 3 · FastAPI 5",
    );
    await expect(page.getByRole("button", { name: /^\d+\. /, expanded: false })).toHaveCount(total);
    // Folded, the filled ballot takes a fraction of the height of the empty one.
    const foldedHeight = (await ballot.boundingBox())?.height ?? 0;
    expect(foldedHeight).toBeLessThan(emptyHeight / 4);
    test.info().annotations.push({
      type: "ballot height at 1280 x 800",
      description: `empty ${Math.round(emptyHeight)} px, filled and folded ${Math.round(foldedHeight)} px`,
    });
    console.log(`ballot height at 1280 x 800: empty ${emptyHeight} px, folded ${foldedHeight} px`);
  });

  test("the progress line shows what is left: next unscored, done criteria folded, only what is left", async ({
    alice,
    soloDrf,
  }) => {
    const { url, projectId, template } = soloDrf;
    const [first, second, third, fourth] = template.criteria;
    if (!first || !second || !third || !fourth) throw new Error("template too small");
    await voteOverApi(alice.context.request, projectId, {
      [first.key]: { weight: 4, scores: { drf: 2, fastapi: 5 } },
      [second.key]: { weight: null, scores: { drf: null, fastapi: null }, noOpinion: true },
      // Importance only: not done yet.
      [third.key]: { weight: 3, scores: { drf: null, fastapi: null } },
    });
    const page = alice.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url);
    const total = template.criteria.length;
    await expect(progress(page)).toContainText(`2 of ${total} criteria done`);

    // Done criteria fold to one line with what was given.
    await expect(criterionCard(page, first.name).getByRole("button")).toContainText(
      "Importance 4 · Django REST Framework 2 · FastAPI 5",
    );
    await expect(criterionCard(page, second.name).getByRole("button")).toContainText("No opinion");
    await expect(criterionCard(page, first.name).getByRole("radio")).toHaveCount(0);

    // Next unscored: the third criterion, at its first empty scale, scrolled into view.
    await page.evaluate("window.scrollTo(0, 0)");
    await progress(page).getByRole("button", { name: "Next unscored" }).click();
    const drfOnThird = criterionCard(page, third.name).getByRole("group", {
      name: `Django REST Framework score on ${third.name}`,
    });
    await expect(drfOnThird.getByRole("radio").first()).toBeFocused();
    await expect(drfOnThird).toBeInViewport();
    // The progress line stays in view while scrolled down.
    await expect(progress(page)).toBeInViewport();
    await page.keyboard.press("2");
    await expect(drfOnThird.getByRole("radio", { name: /^2\b/ })).toBeChecked();
    // Next again: what is still empty on this criterion, then the next criterion.
    await progress(page).getByRole("button", { name: "Next unscored" }).click();
    const fastapiOnThird = criterionCard(page, third.name).getByRole("group", {
      name: `FastAPI score on ${third.name}`,
    });
    await expect(fastapiOnThird.getByRole("radio").first()).toBeFocused();
    await page.keyboard.press("4");
    await expect(progress(page)).toContainText(`3 of ${total} criteria done`);
    await progress(page).getByRole("button", { name: "Next unscored" }).click();
    await expect(
      criterionCard(page, fourth.name)
        .getByRole("group", { name: `Importance of ${fourth.name}` })
        .getByRole("radio")
        .first(),
    ).toBeFocused();

    // A folded criterion unfolds on click, with its values.
    await criterionCard(page, first.name).getByRole("button").click();
    await expect(
      criterionCard(page, first.name)
        .getByRole("group", { name: `Importance of ${first.name}` })
        .getByRole("radio", { name: /^4\b/ }),
    ).toBeChecked();

    // Only what is left: done criteria go, except the one being worked on.
    const onlyLeft = progress(page).getByRole("button", { name: "Show only what is left" });
    await onlyLeft.click();
    await expect(onlyLeft).toHaveAttribute("aria-pressed", "true");
    await expect(criterionCard(page, second.name)).toHaveCount(0);
    await expect(criterionCard(page, third.name)).toHaveCount(0);
    await expect(criterionCard(page, first.name)).toHaveCount(1);
    await expect(criterionCard(page, fourth.name)).toHaveCount(1);
    await onlyLeft.click();
    await expect(criterionCard(page, second.name)).toHaveCount(1);
  });

  test("the saving state stays in view: saving, failed with a retry, saved", async ({
    alice,
    soloDrf,
  }) => {
    const { url, template } = soloDrf;
    const last = template.criteria.at(-1);
    if (!last) throw new Error("template without criteria");
    const page = alice.page;
    await page.goto(url);
    await expect(progress(page)).toBeVisible();
    await page.route("**/api/trpc/vote.cast**", (route) => route.abort("connectionrefused"));
    await criterionCard(page, last.name)
      .getByRole("group", { name: `Importance of ${last.name}` })
      .getByRole("radio", { name: /^5\b/ })
      .check();
    // Scrolled far from the first criteria, the line at the top says it and offers a retry.
    await expect(progress(page)).toContainText("Not saved yet");
    await expect(progress(page)).toBeInViewport();
    await page.unroute("**/api/trpc/vote.cast**");
    await progress(page)
      .getByRole("button", { name: "Retry now" })
      .click({ timeout: 2_000 })
      // The automatic retry may get there first and take the button away.
      .catch(() => undefined);
    await expect(progress(page)).toContainText("All saved");
  });
});
