import type { Browser, Page } from "@playwright/test";
import { openInNewTeam, type Person, person, voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

test.setTimeout(120_000);

/** A team of alice, bob and cai voting on DRF or FastAPI by Perf and Eco with `method`. */
function perfOrEco(owner: Person, others: Person[], method: "WEIGHTED_MEAN" | "BORDA") {
  return openInNewTeam(owner, others, "Numbers", {
    title: "Which framework for billing?",
    context: "We need an API.",
    method,
    options: [
      { key: "drf", name: "DRF" },
      { key: "fastapi", name: "FastAPI" },
    ],
    criteria: [
      { key: "perf", name: "Perf", defaultWeight: 3 },
      { key: "eco", name: "Eco", defaultWeight: 3 },
    ],
  });
}

type Ballot = Parameters<typeof voteOverApi>[2];

/**
 * Alice's team with Bob and Cai (a third member, for this test only) votes on `perfOrEco` with
 * `method`, Alice, Bob and Cai in turn; `check` then reads the decision's page as Alice.
 */
async function resultAfterVotes(
  { alice, bob, browser }: { alice: Person; bob: Person; browser: Browser },
  method: "WEIGHTED_MEAN" | "BORDA",
  ballots: { alice: Ballot; bob: Ballot; cai: Ballot },
  check: (page: Page) => Promise<void>,
) {
  const cai = await person(browser, "cai");
  try {
    const { projectId, url } = await perfOrEco(alice, [bob, cai], method);
    for (const [voter, ballot] of [
      [alice, ballots.alice],
      [bob, ballots.bob],
      [cai, ballots.cai],
    ] as const) {
      await voteOverApi(voter.context.request, projectId, ballot);
    }
    await alice.page.goto(url);
    await check(alice.page);
  } finally {
    await cai.context.close();
  }
}

test("a Borda count shows how it adds up, credits no points to a criterion and claims no steady lead", async ({
  alice,
  bob,
  browser,
}) => {
  // Alice and Cai rank DRF first by their own totals, Bob FastAPI: DRF gets 2 of 3 points.
  const ballots = {
    alice: {
      perf: { weight: 5, scores: { drf: 5, fastapi: 1 } },
      eco: { weight: 1, scores: { drf: 1, fastapi: 5 } },
    },
    bob: {
      perf: { weight: 1, scores: { drf: 4, fastapi: 3 } },
      eco: { weight: 5, scores: { drf: 1, fastapi: 5 } },
    },
    cai: {
      perf: { weight: 3, scores: { drf: 3, fastapi: 2 } },
      eco: { weight: 3, scores: { drf: 3, fastapi: 2 } },
    },
  };
  await resultAfterVotes({ alice, bob, browser }, "BORDA", ballots, async (page) => {
    await expect(page.getByTestId("total-drf")).toHaveText("66.7");
    await expect(page.getByTestId("total-fastapi")).toHaveText("33.3");
    // Alice moving Eco's importance from 1 to 5 would tie it: no steady lead is claimed.
    await expect(page.getByTestId("lead-steady")).toHaveText(
      /^Flip points are not computed for the Borda count/,
    );
    await expect(page.getByRole("heading", { name: "What each criterion adds" })).toHaveCount(0);
    await expect(page.getByTestId("borda-breakdown")).toContainText(
      "Under the Borda count no criterion adds points of its own",
    );
    // The team's mean scores, for reading, as the record and the exports show them.
    const scores = page.getByTestId("team-scores");
    await expect(scores.getByRole("row", { name: /^Perf/ })).toHaveText(/Perf\s*4\.0\s*2\.0/);
    await expect(scores).toHaveAccessibleName(
      "The team's mean score per criterion and option, from 1 to 5",
    );
    await expect(scores.getByRole("row").first()).toHaveText(
      /^Criterion \(team's mean score, 1–5\)\s*DRF\s*FastAPI$/,
    );
  });
});

test("flip points read apart from today's importance, and the weights add up to 100%", async ({
  alice,
  bob,
  browser,
}) => {
  // Bob and Cai cast the same ballot.
  const majority = {
    perf: { weight: 2, scores: { drf: 5, fastapi: 1 } },
    eco: { weight: 1, scores: { drf: 1, fastapi: 5 } },
  };
  const ballots = {
    alice: {
      perf: { weight: 1, scores: { drf: 1, fastapi: 2 } },
      eco: { weight: 1, scores: { drf: 1, fastapi: 5 } },
    },
    bob: majority,
    cai: majority,
  };
  await resultAfterVotes({ alice, bob, browser }, "WEIGHTED_MEAN", ballots, async (page) => {
    const flip = (name: string) =>
      page
        .getByRole("listitem")
        .filter({ hasText: `FastAPI stays ahead unless ${name} importance` });
    await expect(flip("Eco")).toHaveText(
      "FastAPI stays ahead unless Eco importance drops below 0.97 (now 1.00)",
    );
    await expect(flip("Perf")).toHaveText(
      "FastAPI stays ahead unless Perf importance rises above 1.71 (now 1.67)",
    );
    // Perf's share is 62.5%, Eco's 37.5%: shown as 63% and 37%, never 63% and 38%.
    await page.getByText("Show as a table").click();
    const table = page.getByRole("table", { name: "Points per criterion and option" });
    await expect(table.getByRole("row", { name: /^Perf/ })).toContainText("63%");
    await expect(table.getByRole("row", { name: /^Eco/ })).toContainText("37%");
    // The weight comes right after the criterion's name, then a column per option.
    await expect(table.getByRole("row").first()).toHaveText(/^Criterion\s*Weight\s*DRF\s*FastAPI$/);
    await expect(table.getByRole("row", { name: /^Perf/ })).toHaveText(
      /^Perf\s*63%\s*[\d.]+\s*[\d.]+$/,
    );
  });
});
