import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { countByImpact, seriousViolations, WITH_VOICE_CONTROL } from "../support/axe";
import { query, voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

const SCREEN = { width: 1280, height: 800 };
/** The rule for the matrix: the whole ballot of the built-in project in three screen heights. */
const THREE_SCREENS = 3 * SCREEN.height;

const progress = (page: Page) => page.getByTestId("ballot-progress");
const ballot = (page: Page) => page.locator("section[aria-labelledby='voting-heading']");
const matrix = (page: Page) => page.getByTestId("ballot-matrix");
const layoutButton = (page: Page, name: "List" | "Matrix") =>
  ballot(page).getByRole("button", { name, exact: true });

async function ballotHeight(page: Page) {
  return Math.round((await ballot(page).boundingBox())?.height ?? Number.POSITIVE_INFINITY);
}

test.describe("the matrix ballot", () => {
  test("fits the built-in ballot in three screens at 1280 x 800, unlike the list, and is remembered per member across reloads", async ({
    alice,
    bob,
    drf,
  }) => {
    test.setTimeout(180_000);
    const { url, projectId, template } = drf;
    const total = template.criteria.length;
    const page = alice.page;
    await page.setViewportSize(SCREEN);
    await page.goto(url);
    await expect(progress(page)).toContainText(`0 of ${total} criteria done`);
    await expect(layoutButton(page, "List")).toHaveAttribute("aria-pressed", "true");
    const listEmpty = await ballotHeight(page);

    await layoutButton(page, "Matrix").click();
    await expect(matrix(page).getByRole("row")).toHaveCount(total + 1);
    await expect(layoutButton(page, "Matrix")).toHaveAttribute("aria-pressed", "true");
    const matrixEmpty = await ballotHeight(page);

    // Remembered on the server: a reload (and the server's first paint) shows the matrix.
    await expect
      .poll(
        async () =>
          (await query<{ ballotView: string }>(alice.context.request, "account.ballotView", {}))
            .ballotView,
      )
      .toBe("MATRIX");
    await page.reload();
    await expect(matrix(page)).toBeVisible();
    await expect(layoutButton(page, "Matrix")).toHaveAttribute("aria-pressed", "true");

    // Another member's layout is their own: Bob still gets the list.
    await bob.page.goto(url);
    await expect(progress(bob.page)).toContainText(`0 of ${total} criteria done`);
    await expect(matrix(bob.page)).toHaveCount(0);
    await expect(layoutButton(bob.page, "List")).toHaveAttribute("aria-pressed", "true");

    // A filled ballot: every criterion done, in both layouts.
    await voteOverApi(
      alice.context.request,
      projectId,
      Object.fromEntries(
        template.criteria.map((c) => [
          c.key,
          { weight: 3, scores: Object.fromEntries(template.options.map((o) => [o.key, 4])) },
        ]),
      ),
    );
    await page.reload();
    await expect(progress(page)).toContainText(`${total} of ${total} criteria done`);
    await expect(matrix(page)).toBeVisible();
    const matrixFilled = await ballotHeight(page);
    await layoutButton(page, "List").click();
    await expect(matrix(page)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^\d+\. /, expanded: false })).toHaveCount(total);
    const listFolded = await ballotHeight(page);

    const heights = `list: empty ${listEmpty} px, filled and folded ${listFolded} px; matrix: empty ${matrixEmpty} px, filled ${matrixFilled} px (three screens: ${THREE_SCREENS} px)`;
    test.info().annotations.push({ type: "ballot height at 1280 x 800", description: heights });
    console.log(`ballot height at 1280 x 800, ${heights}`);
    expect(matrixEmpty).toBeLessThanOrEqual(THREE_SCREENS);
    expect(matrixFilled).toBeLessThanOrEqual(THREE_SCREENS);
    // The list of a ballot still to fill does not fit; once done, its folded lines do.
    expect(listEmpty).toBeGreaterThan(THREE_SCREENS);
    expect(listFolded).toBeLessThanOrEqual(THREE_SCREENS);
  });

  test("a whole ballot filled in the matrix with the keyboard only, with a no-opinion mark, saved", async ({
    alice,
    soloDrf,
  }) => {
    test.setTimeout(180_000);
    const { url, projectId, template } = soloDrf;
    const total = template.criteria.length;
    const [abstain, ...rest] = template.criteria;
    if (!abstain) throw new Error("template without criteria");
    const page = alice.page;
    await page.setViewportSize(SCREEN);
    await page.goto(url);
    await layoutButton(page, "Matrix").click();
    await expect(matrix(page)).toBeVisible();
    await page.reload();
    await expect(progress(page)).toContainText(`0 of ${total} criteria done`);
    await expect(matrix(page)).toBeVisible();

    // Only keys from here on. The first row gets "No opinion" (Enter on its button); every
    // other scale gets a digit when it has the focus and no value yet.
    // Where the focus is (these tests compile without the DOM library, hence a string).
    const focused = () =>
      page.evaluate<{
        emptyScale: string | null;
        button: string | null;
        row: string | null;
      }>(`(() => {
        const active = document.activeElement;
        const scale = active?.tagName === "INPUT" ? active.closest("fieldset") : null;
        return {
          emptyScale: scale && !scale.querySelector("input:checked") ? (scale.getAttribute("aria-label") ?? "") : null,
          button: active?.tagName === "BUTTON" ? (active.textContent ?? "").trim() : null,
          row: active?.closest("tr")?.getAttribute("data-criterion") ?? null,
        };
      })()`);
    let presses = 0;
    let digits = 0;
    let abstained = false;
    while (digits < rest.length * (1 + template.options.length) || !abstained) {
      expect(presses++, "Tab presses to reach every scale").toBeLessThan(20 * total);
      const at = await focused();
      if (at.row === abstain.key && at.button === "No opinion" && !abstained) {
        await page.keyboard.press("Enter");
        abstained = true;
        continue;
      }
      if (at.emptyScale === null || at.row === abstain.key) {
        await page.keyboard.press("Tab");
        continue;
      }
      await page.keyboard.press(
        at.emptyScale.startsWith("Importance")
          ? "4"
          : at.emptyScale.startsWith("FastAPI")
            ? "5"
            : "2",
      );
      digits++;
      await expect(page.locator("fieldset:has(input:focus):not(:has(input:checked))")).toHaveCount(
        0,
      );
    }
    await expect(progress(page)).toContainText(`${total} of ${total} criteria done`);
    await expect(progress(page)).toContainText("All saved");

    // Saved on the server, as typed.
    const mine = await query<
      {
        criterionKey: string;
        weight: number | null;
        scores: Record<string, number | null>;
        noOpinion: boolean;
      }[]
    >(alice.context.request, "vote.mine", { projectId });
    expect(mine).toHaveLength(total);
    expect(mine.find((v) => v.criterionKey === abstain.key)).toMatchObject({
      noOpinion: true,
      weight: null,
    });
    for (const criterion of rest) {
      expect(mine.find((v) => v.criterionKey === criterion.key)).toMatchObject({
        weight: 4,
        scores: { drf: 2, fastapi: 5 },
        noOpinion: false,
      });
    }
    await page.reload();
    await expect(progress(page)).toContainText(`${total} of ${total} criteria done`);
    const second = rest[0];
    if (!second) throw new Error("template too small");
    await expect(
      matrix(page)
        .getByRole("group", { name: `FastAPI score on ${second.name}` })
        .getByRole("radio", { name: /^5\b/ }),
    ).toBeChecked();
    await expect(
      matrix(page)
        .locator(`tr[data-criterion="${abstain.key}"]`)
        .getByRole("button", { name: "No opinion" }),
    ).toHaveAttribute("aria-pressed", "true");
  });

  test("the details of a row open on demand: the guide's words, the team's reasons and the voter's own, saved as typed", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url, projectId, template } = drf;
    const criterion = template.criteria[3];
    const other = template.criteria[0];
    if (!criterion || !other) throw new Error("template too small");
    await voteOverApi(bob.context.request, projectId, {
      [criterion.key]: {
        weight: 4,
        scores: { drf: 3, fastapi: 5 },
        rationale: "Async views saved us a rewrite last year.",
      },
    });
    const page = alice.page;
    // Teammates' reasons are fetched only when asked for.
    const reasonRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("vote.reasons")) reasonRequests.push(request.url());
    });
    await page.setViewportSize(SCREEN);
    await page.goto(url);
    await layoutButton(page, "Matrix").click();
    const toggle = matrix(page).getByRole("button", {
      name: new RegExp(`^4\\. ${criterion.name}`),
    });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(matrix(page).getByText(/The guide on FastAPI/)).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const details = page.locator(`#${await toggle.getAttribute("aria-controls")}`);
    await expect(details.getByText(/The guide on FastAPI/)).toBeVisible();
    // The article gives words, not numbers: the score is said to be the template's reading.
    await expect(details).toContainText(
      `(the template reads this as ${criterion.guidance.fastapi?.suggestedScore} of 5)`,
    );
    await expect(details).not.toContainText("leans");
    const reasons = details.locator("details").filter({ hasText: "Team's reasons" });
    await expect(reasons.getByText("Async views saved us a rewrite")).toBeHidden();
    expect(reasonRequests).toEqual([]);
    await reasons.getByText("Team's reasons").click();
    await expect(reasons.getByText("Async views saved us a rewrite last year.")).toBeVisible();
    await expect(reasons.locator("summary")).toHaveText("Team's reasons (1)");
    await expect(reasons).toContainText("FastAPI 5 of 5");
    expect(reasonRequests.length).toBeGreaterThan(0);
    await details.getByLabel("Why (optional)").fill("We already run uvicorn in production.");
    await expect(details.getByText("Saved", { exact: true })).toBeVisible();
    const mine = await query<{ criterionKey: string; rationale: string | null }[]>(
      alice.context.request,
      "vote.mine",
      { projectId },
    );
    expect(mine.find((v) => v.criterionKey === criterion.key)?.rationale).toBe(
      "We already run uvicorn in production.",
    );
    await toggle.click();
    await expect(details).toHaveCount(0);

    // A criterion nobody explained says so; the list ballot opens the same reasons.
    const otherToggle = matrix(page).getByRole("button", {
      name: new RegExp(`^1\\. ${other.name}`),
    });
    await otherToggle.click();
    const otherDetails = page.locator(`#${await otherToggle.getAttribute("aria-controls")}`);
    await otherDetails.getByText("Team's reasons").click();
    await expect(otherDetails.getByText("No reasons given yet.")).toBeVisible();
    await layoutButton(page, "List").click();
    const card = ballot(page).locator(`[data-criterion="${criterion.key}"]`);
    await card.getByText("Team's reasons").click();
    await expect(card.getByText("Async views saved us a rewrite last year.")).toBeVisible();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical violation on the matrix in the ${theme} theme`, async ({
      alice,
      soloDrf,
    }) => {
      const { url, projectId, template } = soloDrf;
      const [first, second] = template.criteria;
      if (!first || !second) throw new Error("template too small");
      await voteOverApi(alice.context.request, projectId, {
        [first.key]: { weight: 4, scores: { drf: 2, fastapi: 5 } },
        [second.key]: { weight: null, scores: { drf: null, fastapi: null }, noOpinion: true },
      });
      const page = alice.page;
      await page.setViewportSize(SCREEN);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(url);
      await layoutButton(page, "Matrix").click();
      await expect(matrix(page)).toBeVisible();
      await matrix(page)
        .getByRole("button", { name: new RegExp(`^1\\. ${first.name}`) })
        .click();
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
      const results = await new AxeBuilder({ page })
        .include("[data-testid='ballot-matrix']")
        .include("section[aria-labelledby='voting-heading']")
        .options(WITH_VOICE_CONTROL)
        .analyze();
      console.log(`axe on the matrix (${theme})`, JSON.stringify(countByImpact(results)));
      expect(seriousViolations(results)).toEqual([]);
    });
  }

  test("on a 390 px phone the page never scrolls sideways: the matrix scrolls inside its own box", async ({
    alice,
    soloDrf,
  }) => {
    const { url } = soloDrf;
    const page = alice.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url);
    await layoutButton(page, "Matrix").click();
    await expect(matrix(page)).toBeVisible();
    const widths = await page.evaluate<{ page: number; window: number }>(
      "({ page: document.documentElement.scrollWidth, window: window.innerWidth })",
    );
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    const box = await page.evaluate<{ scroll: number; client: number }>(
      `(() => { const el = document.querySelector("[data-testid='ballot-matrix']"); return { scroll: el.scrollWidth, client: el.clientWidth }; })()`,
    );
    // The table is wider than the phone, and only its box scrolls.
    expect(box.scroll).toBeGreaterThan(box.client);
    await page.evaluate(
      `document.querySelector("[data-testid='ballot-matrix']").scrollLeft = 10000`,
    );
    expect(await page.evaluate<number>("window.scrollX")).toBe(0);
    expect(
      await page.evaluate<number>(
        `document.querySelector("[data-testid='ballot-matrix']").scrollLeft`,
      ),
    ).toBeGreaterThan(0);
  });
});
