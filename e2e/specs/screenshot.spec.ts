import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, test } from "@playwright/test";
import { type Person, person, teamWithDrfProject, voteOverApi } from "../support/decisions";

const OUTPUT = join(import.meta.dirname, "..", "..", "docs", "images", "project-page.png");

type Ballot = Record<
  string,
  { weight: number; scores: { drf: number; fastapi: number }; rationale?: string }
>;

/** Five teammates with different priorities, as a real team would vote. */
const BALLOTS: Ballot[] = [
  {
    performance: {
      weight: 5,
      scores: { drf: 2, fastapi: 5 },
      rationale: "Webhooks burst to thousands per second.",
    },
    "async-realtime": { weight: 4, scores: { drf: 2, fastapi: 5 } },
    "learning-curve": { weight: 2, scores: { drf: 4, fastapi: 3 } },
    ecosystem: { weight: 3, scores: { drf: 5, fastapi: 3 } },
    "architecture-fit": { weight: 4, scores: { drf: 3, fastapi: 4 } },
  },
  {
    performance: { weight: 2, scores: { drf: 3, fastapi: 4 } },
    "learning-curve": {
      weight: 5,
      scores: { drf: 5, fastapi: 2 },
      rationale: "Most of us have shipped Django for years.",
    },
    ecosystem: { weight: 5, scores: { drf: 5, fastapi: 3 } },
    "architecture-fit": { weight: 3, scores: { drf: 4, fastapi: 3 } },
  },
  {
    performance: { weight: 4, scores: { drf: 2, fastapi: 5 } },
    "async-realtime": { weight: 5, scores: { drf: 1, fastapi: 5 } },
    "learning-curve": { weight: 3, scores: { drf: 4, fastapi: 4 } },
    ecosystem: { weight: 2, scores: { drf: 4, fastapi: 3 } },
  },
  {
    performance: { weight: 3, scores: { drf: 3, fastapi: 5 } },
    "learning-curve": { weight: 4, scores: { drf: 4, fastapi: 3 } },
    ecosystem: { weight: 4, scores: { drf: 5, fastapi: 4 } },
    "async-realtime": { weight: 2, scores: { drf: 2, fastapi: 4 } },
  },
];

test("README screenshot: a DRF vs FastAPI decision with the team's votes and its recommendation", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const lead = await person(browser, "lead", "Priya Natarajan");
  const team: Person[] = [];
  for (const [label, name] of [
    ["ana", "Ana Ribeiro"],
    ["ben", "Ben Okafor"],
    ["chen", "Chen Wei"],
    ["dara", "Dara Kelly"],
  ] as const) {
    team.push(await person(browser, label, name));
  }
  const { url, projectId } = await teamWithDrfProject(lead, team, {
    title: "Which API framework for the billing service?",
    teamName: "Billing Platform",
  });
  for (const [i, member] of team.entries()) {
    await voteOverApi(member.context.request, projectId, BALLOTS[i] ?? {});
  }
  await voteOverApi(lead.context.request, projectId, {
    performance: { weight: 4, scores: { drf: 2, fastapi: 5 } },
    ecosystem: { weight: 3, scores: { drf: 5, fastapi: 3 } },
  });

  const page = lead.page;
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(url);
  await expect(page.getByTestId("winner")).toBeVisible();
  await expect(page.getByText("Discuss these first")).toBeVisible();
  // The recommendation is in the server's HTML; its charts load after the page.
  // One wrapper per chart (the legend draws small surfaces of its own).
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  await page.screenshot({ path: OUTPUT, fullPage: false });

  for (const p of [lead, ...team]) await p.context.close();
});
