import AxeBuilder from "@axe-core/playwright";
import { seriousViolations } from "../support/axe";
import {
  blindVoteScoredBy,
  criterionCard,
  holdScripts,
  isHydrated,
  mutate,
  type Person,
  pressAgainAfterLostAnswer,
  query,
  voteInPage,
  voteOverApi,
} from "../support/decisions";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";
import { createTeamOverApi } from "../support/teams";

const PERFORMANCE = "Performance under high concurrency";

/** `lead`'s page on a new decision from the built-in DRF or FastAPI template, in a new team. */
async function newDecisionFromDrfTemplate(lead: Person, teamName: string) {
  const team = await createTeamOverApi(lead.context.request, uniqueName(teamName));
  const page = lead.page;
  await page.goto(`/t/${team.slug}`);
  await page.getByRole("link", { name: "New decision" }).first().click();
  await page.getByRole("button", { name: /Use “Django REST Framework or FastAPI\?”/ }).click();
  return { team, page };
}

async function totalOf(page: import("@playwright/test").Page, optionKey: string) {
  return Number(await page.getByTestId(`total-${optionKey}`).textContent());
}

test.describe("deciding together", () => {
  test("starting from the template asks the context questions, proposes weights and opens the decision", async ({
    alice: lead,
  }) => {
    const { team, page } = await newDecisionFromDrfTemplate(lead, "Wizard");

    await page
      .getByRole("group", { name: "Is the team already fluent in Django?" })
      .getByRole("radio", { name: "Yes" })
      .check();
    await expect(page.getByText(/Learning curve and team familiarity: 3 → 5/)).toBeVisible();

    // Contradictory answers are flagged, naming both and what to do, without blocking anyone.
    const answer = (question: string, choice: "Yes" | "No" | "Not sure") =>
      page.getByRole("group", { name: question }).getByRole("radio", { name: choice }).check();
    await answer("Must the API live inside an existing Django codebase?", "Yes");
    await answer("Is this a greenfield system with no legacy code to integrate?", "Yes");
    const contradictions = page.getByTestId("answer-contradictions");
    await expect(contradictions).toContainText("Some answers contradict each other");
    await expect(contradictions).toContainText(
      "“Must the API live inside an existing Django codebase?” (Yes) and “Is this a greenfield system with no legacy code to integrate?” (Yes) contradict each other",
    );
    await expect(contradictions).toContainText("Change one of these answers");
    await expect(page.getByTestId("contradicted-answer")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Use these weights" })).toBeEnabled();
    await answer("Is this a greenfield system with no legacy code to integrate?", "Not sure");
    await answer("Must the API live inside an existing Django codebase?", "Not sure");
    await expect(contradictions).toHaveCount(0);
    await expect(page.getByTestId("contradicted-answer")).toHaveCount(0);
    await expect(page.getByText(/Learning curve and team familiarity: 3 → 5/)).toBeVisible();
    await page.getByRole("button", { name: "Use these weights" }).click();

    await expect(page.getByLabel("Title")).toHaveValue("Django REST Framework or FastAPI?");
    await expect(page.getByLabel("Default weight (0–5)").nth(1)).toHaveValue("5");
    await page.getByLabel("Title").fill("API framework for billing");
    await page.getByLabel("Open for voting right away").check();
    await page.getByRole("button", { name: "Create decision" }).click();

    await expect(page.getByTestId("project-status")).toHaveText("Open for voting");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "API framework for billing",
    );
    await page.goto(`/t/${team.slug}`);
    await expect(page.getByTestId("pending-votes")).toContainText("API framework for billing");
  });

  test("creating a decision again after its answer was lost opens the one created, not a second", async ({
    alice: lead,
  }) => {
    const { team, page } = await newDecisionFromDrfTemplate(lead, "Retry");
    await page.getByRole("button", { name: "Skip, keep the defaults" }).click();
    await page.getByLabel("Title").fill("Created once");

    // The server creates the decision, and the connection drops before its answer arrives.
    await pressAgainAfterLostAnswer(page, "project.create", "Create decision");

    await expect(page.getByRole("heading", { level: 1 })).toContainText("Created once");
    const listed = await query<{ items: { title: string }[] }>(
      lead.context.request,
      "project.list",
      { teamId: team.id },
    );
    expect(listed.items.map((p) => p.title)).toEqual(["Created once"]);
  });

  test("two members vote on DRF vs FastAPI and each sees the other's effect on the totals", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url } = drf;

    await alice.page.goto(url);
    await expect(alice.page.getByRole("heading", { level: 1 })).toContainText(
      "Django REST Framework or FastAPI?",
    );
    // The article's guidance sits next to each option.
    await expect(alice.page.getByText(/published benchmarks put it/)).toBeVisible();
    await voteInPage(alice.page, PERFORMANCE, {
      importance: 5,
      scores: { "Django REST Framework": 2, FastAPI: 5 },
    });
    // Each click saves on its own; wait for the result of the whole vote.
    await expect.poll(() => totalOf(alice.page, "fastapi")).toBeGreaterThan(50);
    await expect(alice.page.getByTestId("winner")).toHaveText("FastAPI leads");
    const aliceFastapi = await totalOf(alice.page, "fastapi");

    await bob.page.goto(url);
    await expect(bob.page.getByTestId("winner")).toHaveText("FastAPI leads");
    expect(await totalOf(bob.page, "fastapi")).toBe(aliceFastapi);
    await voteInPage(bob.page, PERFORMANCE, {
      importance: 5,
      scores: { "Django REST Framework": 5, FastAPI: 1 },
    });
    await expect(bob.page.getByTestId("my-winner")).toHaveText("Django REST Framework");
    await expect.poll(() => totalOf(bob.page, "fastapi")).toBeLessThan(aliceFastapi);

    await alice.page.reload();
    await expect.poll(() => totalOf(alice.page, "fastapi")).toBeLessThan(aliceFastapi);
    await expect(alice.page.getByTestId("participation")).toContainText(bob.user.name);
    await expect(alice.page.getByTestId("my-winner")).toHaveText("FastAPI");
  });

  test("blind voting hides others' votes and the totals until the project closes", async ({
    alice,
    bob,
  }) => {
    const { url, projectId } = await blindVoteScoredBy(alice, bob);

    await alice.page.goto(url);
    await expect(alice.page.getByText("Totals and everyone's votes stay hidden")).toBeVisible();
    await expect(alice.page.getByTestId("totals")).toHaveCount(0);
    await expect(alice.page.getByTestId("winner")).toHaveCount(0);
    // Who has voted is visible, how is not.
    await expect(alice.page.getByTestId("participation")).toContainText(bob.user.name);
    await expect(alice.page.getByTestId("participation")).toContainText("1 of 13");
    // How far voting has come shows; the share of the weight, which with one voter follows
    // Bob's importance, waits for the close.
    const coverage = alice.page.getByTestId("coverage");
    await expect(coverage).toContainText(
      "Based on 1 of 13 criteria (their share of the weight shows once the blind vote closes)",
    );
    await expect(coverage).not.toContainText("% of the weight");

    await alice.page.getByRole("button", { name: "Close voting" }).click();
    await alice.page.getByRole("alertdialog").getByRole("button", { name: "Close voting" }).click();
    await expect(alice.page.getByTestId("project-status")).toHaveText("Closed");
    await expect(alice.page.getByTestId("winner")).toHaveText("FastAPI leads");
    await expect(alice.page.getByTestId("totals")).toBeVisible();
    await expect(coverage).toContainText(/Based on 1 of 13 criteria \(\d+% of the weight\)/);

    // A vote arriving after the close is refused with a message, not dropped silently.
    const late = await bob.context.request.post("/api/trpc/vote.cast", {
      data: { projectId, criterionKey: "ecosystem", weight: 3, scores: { drf: 5 } },
    });
    expect(late.status()).toBe(409);
    expect(await late.text()).toContain("Voting has closed");
  });

  test("a press on Close voting before the page is interactive opens the confirmation once it is", async ({
    alice,
    soloDrf,
  }) => {
    const { url } = soloDrf;
    const page = alice.page;
    // The page's scripts are held back, as on a slow connection; its HTML is not.
    const scripts = await holdScripts(page);
    await page.goto(url, { waitUntil: "commit" });
    const heading = page.locator("h1");
    await page.getByRole("button", { name: "Close voting" }).click();
    // The click landed on the server's markup: no script had run.
    expect(await isHydrated(heading)).toBe(false);
    expect(scripts.held()).toBeGreaterThan(0);
    scripts.release();

    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toBeVisible();
    expect(await isHydrated(heading)).toBe(true);
    await expect(confirm).toContainText("Close voting now?");
    // One press opens it once: cancelling closes it, and it stays closed.
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await page.waitForTimeout(500);
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId("project-status")).toHaveText("Open for voting");
  });

  test("a score chosen before the page is interactive is kept and saved once it is", async ({
    alice,
    soloDrf,
  }) => {
    const { url, projectId } = soloDrf;
    const page = alice.page;
    const scripts = await holdScripts(page);
    await page.goto(url, { waitUntil: "commit" });
    const card = criterionCard(page, PERFORMANCE);
    const importance = card.getByRole("group", { name: `Importance of ${PERFORMANCE}` });
    const heading = page.locator("h1");
    // Two choices before any script has run: the later one counts.
    await importance.getByRole("radio", { name: /^2\b/ }).check();
    await importance.getByRole("radio", { name: /^4\b/ }).check();
    expect(await isHydrated(heading)).toBe(false);
    scripts.release();

    // Saved on the server (asked over HTTP, not from the page's own status label).
    await expect
      .poll(
        async () =>
          (
            await query<{ criterionKey: string; weight: number | null }[]>(
              alice.context.request,
              "vote.mine",
              { projectId },
            )
          ).map((vote) => vote.weight),
        { timeout: 30_000 },
      )
      .toEqual([4]);
    expect(await isHydrated(heading)).toBe(true);
    await expect(importance.getByRole("radio", { name: /^4\b/ })).toBeChecked();
    await page.unrouteAll();
    await page.reload();
    await expect(
      criterionCard(page, PERFORMANCE)
        .getByRole("group", { name: `Importance of ${PERFORMANCE}` })
        .getByRole("radio", { name: /^4\b/ }),
    ).toBeChecked();
  });

  test("voting works with the keyboard alone", async ({ alice, soloDrf }) => {
    const { url } = soloDrf;
    const page = alice.page;
    await page.goto(url);
    const card = criterionCard(page, PERFORMANCE);
    const importance = card.getByRole("group", { name: `Importance of ${PERFORMANCE}` });
    await expect(importance).toBeVisible();

    // Tab to the first importance choice of the criterion, then use the arrow keys.
    await importance.getByRole("radio").first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(importance.getByRole("radio", { name: /^3\b/ })).toBeChecked();
    await page.keyboard.press("Tab");
    // Tab lands on the first choice (1) without selecting it; each arrow moves and selects.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(
      card
        .getByRole("group", { name: `Django REST Framework score on ${PERFORMANCE}` })
        .getByRole("radio", { name: /^3\b/ }),
    ).toBeChecked();
    await page.keyboard.press("Tab");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect(
      card
        .getByRole("group", { name: `FastAPI score on ${PERFORMANCE}` })
        .getByRole("radio", { name: /^5\b/ }),
    ).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.type("Async matters for our webhooks.");
    await expect(card.getByText("Saved", { exact: true })).toBeVisible();

    await page.reload();
    const reloaded = criterionCard(page, PERFORMANCE);
    // Done, it is folded to one line with its scores; Enter unfolds it.
    const folded = reloaded.getByRole("button", { expanded: false });
    await expect(folded).toContainText("Importance 3 · Django REST Framework 3 · FastAPI 5");
    await folded.focus();
    await page.keyboard.press("Enter");
    await expect(
      reloaded
        .getByRole("group", { name: `Importance of ${PERFORMANCE}` })
        .getByRole("radio", { name: /^3\b/ }),
    ).toBeChecked();
    await expect(reloaded.getByLabel("Why (optional)")).toHaveValue(
      "Async matters for our webhooks.",
    );
  });

  test("keeps unsaved edits on the device while saving fails, and saves them once the server is back", async ({
    alice,
    soloDrf,
  }) => {
    const { url, projectId } = soloDrf;
    const page = alice.page;
    await page.goto(url);
    await expect(page.getByTestId("participation")).toBeVisible();

    await page.route("**/api/trpc/vote.cast**", (route) => route.abort("connectionrefused"));
    const card = page.getByRole("group", { name: /^\d+\.\s*Community and ecosystem maturity/ });
    await card
      .getByRole("group", { name: "Importance of Community and ecosystem maturity" })
      .getByRole("radio", { name: /^4\b/ })
      .check();
    await expect(page.getByText("Saving is failing")).toBeVisible();
    await expect(card.getByText("Not saved yet, retrying")).toBeVisible();

    // A reload while still offline keeps the edit.
    await page.reload();
    await expect(
      page
        .getByRole("group", { name: "Importance of Community and ecosystem maturity" })
        .getByRole("radio", { name: /^4\b/ }),
    ).toBeChecked();

    await page.unroute("**/api/trpc/vote.cast**");
    // The automatic retry may get there first and take the button away; it only hurries it.
    await page
      .getByRole("button", { name: "Retry now" })
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await expect(
      page
        .getByRole("group", { name: /^\d+\.\s*Community and ecosystem maturity/ })
        .getByText("Saved", { exact: true }),
    ).toBeVisible();
    const mine = await alice.context.request.get(
      `/api/trpc/vote.mine?input=${encodeURIComponent(JSON.stringify({ projectId }))}`,
    );
    expect(await mine.text()).toContain('"weight":4');
  });

  test("the project page has no serious or critical accessibility violations", async ({
    alice,
    bob,
    drf,
  }) => {
    const { url, projectId } = drf;
    await voteOverApi(bob.context.request, projectId, {
      performance: { weight: 5, scores: { drf: 2, fastapi: 5 } },
      ecosystem: { weight: 4, scores: { drf: 5, fastapi: 3 } },
    });
    await voteOverApi(alice.context.request, projectId, {
      performance: { weight: 2, scores: { drf: 3, fastapi: 4 } },
    });
    await alice.page.goto(url);
    await expect(alice.page.getByTestId("winner")).toBeVisible();
    // The project page itself; the app header is shared by every page and checked with it.
    const results = await new AxeBuilder({ page: alice.page }).include("main").analyze();
    expect(seriousViolations(results)).toEqual([]);
    await mutate(alice.context.request, "project.close", { projectId });
  });
});
