import {
  criterionCard,
  downloadMadr,
  openInNewTeam,
  type Person,
  voteInPage,
  voteOverApi,
} from "../support/decisions";
import { expect, test } from "../support/members";

test.setTimeout(120_000);

const CRITERIA = ["Speed", "Cost", "Docs", "Hiring", "Operations"];
const key = (name: string) => name.toLowerCase();

/** A team of `owner` and `member`, with an open decision on two queues and five criteria. */
function queueDecision(owner: Person, member: Person) {
  return openInNewTeam(owner, [member], "Coverage", {
    title: "Which queue for billing events?",
    context: "We need a queue.",
    options: [
      { key: "kafka", name: "Kafka", description: "Log-based" },
      { key: "sqs", name: "SQS", description: "Managed" },
    ],
    criteria: CRITERIA.map((name) => ({ key: key(name), name, defaultWeight: 3 })),
  });
}

test("the recommendation says what it rests on: provisional with criteria not scored, ready once everyone completes", async ({
  alice,
  bob,
}) => {
  const { projectId, url } = await queueDecision(alice, bob);
  const page = alice.page;

  // Both members score the same three criteria of five; nobody scores hiring or operations.
  await page.goto(url);
  for (const name of ["Speed", "Cost", "Docs"]) {
    await voteInPage(page, name, { importance: 4, scores: { Kafka: 2, SQS: 5 } });
  }
  // One voter's scores lead, but a confidence resting on one person would say nothing.
  await expect(page.getByTestId("winner")).toHaveText("SQS leads");
  await expect(page.getByTestId("confidence")).toContainText(
    "none yet (the counted criteria rest on 1 voter; it takes 2 to resample)",
  );
  await voteOverApi(bob.context.request, projectId, {
    speed: { weight: 3, scores: { kafka: 4, sqs: 4 } },
    cost: { weight: 2, scores: { kafka: 1, sqs: 4 } },
    docs: { weight: 5, scores: { kafka: 3, sqs: 5 } },
  });

  await page.reload();
  const coverage = page.getByTestId("coverage");
  await expect(coverage).toHaveAttribute("data-status", "provisional");
  // The alert's title says "Provisional"; its text says what the result rests on.
  await expect(page.getByRole("status").filter({ has: coverage })).toContainText("Provisional");
  await expect(coverage).toContainText("Based on 3 of 5 criteria (");
  await expect(coverage).toContainText(
    "and 0 of 2 complete ballots (no quorum set: every member's ballot is needed).",
  );
  const notScored = page.getByTestId("not-scored");
  // Nobody scored either option there: the line says so and names no option.
  await expect(notScored.getByRole("listitem")).toHaveText([
    "Hiring: not scored yet",
    "Operations: not scored yet",
  ]);
  // Confidence is never shown alone while provisional, and says how many voters it resamples.
  await expect(page.getByTestId("confidence")).toContainText(
    "Confidence on the 3 of 5 criteria counted so far",
  );
  await expect(page.getByTestId("confidence")).toContainText("resampling 2 voters)");
  // Each member's ballot: who, and how far, never how.
  const ballots = page.getByTestId("participation");
  await expect(ballots).toContainText(alice.user.name);
  await expect(ballots).toContainText(bob.user.name);
  await expect(ballots.getByText(/^Partial: 3 of 5 criteria$/)).toHaveCount(2);
  await expect(page.getByTestId("ballots")).toContainText("0 complete · 2 partial");

  // The team's project list never shows this leader bare: it is provisional, and says why.
  await page.goto(url.replace(/\/p\/.*$/, ""));
  const leader = page.getByTestId("project-leader");
  await expect(leader).toContainText("Provisional leader");
  // Two members with part of a ballot each: neither reads as having voted.
  await expect(page.getByTestId("project-ballots")).toHaveText(
    "0 of 2 ballots complete, 2 partial",
  );
  await expect(leader.getByTestId("leader-basis")).toContainText("Based on 3 of 5 criteria (");

  // The draft's MADR file says "not scored" for what nobody scored, never a neutral 3.0.
  await page.goto(`${url}/record`);
  const { md } = await downloadMadr(page);
  expect(md).toContain("| Hiring | not scored | not scored | not scored |");
  expect(md).toContain("* Operations: not scored yet\n");
  expect(md).toContain("Provisional: based on 3 of 5 criteria (");
  expect(md).not.toContain("3.0 | 3.0");

  // Everyone completes: alice scores hiring and marks operations "no opinion" on the ballot,
  // bob scores both.
  await page.goto(url);
  await voteInPage(page, "Hiring", { importance: 2, scores: { Kafka: 3, SQS: 4 } });
  const operations = criterionCard(page, "Operations");
  await operations.getByRole("button", { name: "No opinion" }).click();
  await expect(operations.getByRole("button", { name: "No opinion" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(operations.getByText("Saved", { exact: true })).toBeVisible();
  await expect(page.getByTestId("ballot-progress")).toContainText("5 of 5 criteria done");
  await voteOverApi(bob.context.request, projectId, {
    hiring: { weight: 4, scores: { kafka: 2, sqs: 5 } },
    operations: { weight: 3, scores: { kafka: 1, sqs: 5 } },
  });

  await page.reload();
  await expect(coverage).toHaveAttribute("data-status", "ready");
  await expect(coverage).toHaveText("Based on all 5 criteria and 2 of 2 complete ballots.");
  await expect(page.getByTestId("not-scored")).toHaveCount(0);
  await expect(ballots.getByText("Complete", { exact: true })).toHaveCount(2);
  await expect(page.getByTestId("winner")).toHaveText("SQS leads");
  // Ready, but alice marked Operations "no opinion": it rests on bob alone, so no figure.
  await expect(page.getByTestId("confidence")).toContainText(
    "Confidence: none yet (1 of the 5 counted criteria rests on one voter; it takes 2 on each to resample)",
  );
  await page.goto(`${url}/record`);
  await expect(page.getByTestId("record-coverage")).toContainText(
    "Confidence: none yet (1 of the 5 counted criteria rests on one voter; it takes 2 on each to resample).",
  );
});

test("numbers resting on one voter per criterion, or on one criterion, say so on the page and the record", async ({
  alice,
  bob,
}) => {
  const { projectId, url } = await queueDecision(alice, bob);
  const page = alice.page;

  // Alice scores only Speed: one criterion counted of five.
  await voteOverApi(alice.context.request, projectId, {
    speed: { weight: 4, scores: { kafka: 2, sqs: 5 } },
  });
  await page.goto(url);
  await expect(page.getByTestId("winner")).toHaveText("SQS leads");
  // With one criterion its weight is the whole total: no importance can move the winner, which
  // says nothing while four criteria are unscored.
  await expect(page.getByTestId("lead-steady")).toHaveText(
    "Only 1 criterion is counted, so no importance can change the winner yet; the 4 not yet scored can.",
  );
  await expect(page.getByText("stays ahead whatever")).toHaveCount(0);

  // The record's headline says what it rests on right under it, and the weight column says
  // what its percentage is a share of.
  await page.goto(`${url}/record`);
  await expect(page.getByText("Recommended (not decided yet):")).toBeVisible();
  await expect(page.getByTestId("record-headline-coverage")).toContainText(
    "Provisional: based on 1 of 5 criteria (25% of the weight)",
  );
  await expect(page.getByRole("columnheader", { name: "Share of counted weight" })).toBeVisible();

  // Bob scores only Cost: two voters, but each counted criterion rests on one of them.
  await voteOverApi(bob.context.request, projectId, {
    cost: { weight: 3, scores: { kafka: 3, sqs: 4 } },
  });
  await page.goto(url);
  await expect(page.getByTestId("confidence")).toContainText(
    "Confidence on the 2 of 5 criteria counted so far: none yet (each counted criterion rests on one voter; it takes 2 on each to resample)",
  );
  await expect(page.getByTestId("confidence")).not.toContainText("resampling");
  await expect(page.getByTestId("confidence")).not.toContainText("%");
});
