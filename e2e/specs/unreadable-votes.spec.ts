import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { person, recordAndShare, teamWithDrfProject, voteOverApi } from "../support/decisions";
import { ownServer } from "../support/own-server";

/**
 * Stored data the app cannot read (written around it: a restore gone wrong, a row edited by
 * hand) is left out of the numbers, and the pages say so where they say what a number rests on.
 * Such data is written straight to the database, so this spec runs an app instance of its own.
 */
const own = ownServer();

/** Changed around the app: its pages read the project afresh, as after any other change. */
async function changedAroundTheApp(projectId: string, write: () => Promise<unknown>) {
  await write();
  await own.database.db
    .$executeRaw`UPDATE projects SET version = version + 1 WHERE id = ${projectId}`;
}

/** No serious or critical accessibility violation on the page as it is now. */
async function expectAccessible(page: Page) {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(results)).toEqual([]);
}

test("a vote whose stored scores cannot be read is left out, and the recommendation, its history, the team's list and the record say so", async ({
  browser,
}) => {
  const alice = await person(browser, "alice", undefined, own.app.origin);
  const bob = await person(browser, "bob", undefined, own.app.origin);
  const { projectId, url, first, team } = await teamWithDrfProject(alice, [bob]);
  // Bob first, then Alice: the history's latest moment holds both votes.
  await voteOverApi(bob.context.request, projectId, {
    [first.key]: { weight: 5, scores: { drf: 5, fastapi: 1 } },
  });
  await voteOverApi(alice.context.request, projectId, {
    [first.key]: { weight: 3, scores: { drf: 2, fastapi: 5 } },
  });
  // Bob's scores become text that is no JSON, in his vote and in its history entry.
  await changedAroundTheApp(projectId, async () => {
    const db = own.database.db;
    const { id: bobId } = await db.user.findUniqueOrThrow({
      where: { email: bob.user.email },
      select: { id: true },
    });
    await db.$executeRaw`UPDATE votes SET scores = to_jsonb('{"drf": 5,'::text)
      WHERE project_id = ${projectId} AND user_id = ${bobId}`;
    await db.$executeRaw`UPDATE project_events
      SET data = jsonb_set(data, '{after,scores}', to_jsonb('{"drf": 5,'::text))
      WHERE project_id = ${projectId} AND actor_id = ${bobId}`;
  });

  const page = alice.page;
  await page.goto(url);
  // Alice's vote alone counts: FastAPI leads, and the line under the heading says what it
  // rests on, the vote left out included.
  await expect(page.getByTestId("winner")).toHaveText("FastAPI leads");
  await expect(page.getByTestId("coverage")).toContainText(
    "1 vote could not be read and is left out.",
  );
  await expectAccessible(page);

  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("history-current")).toBeVisible();
  await expect(page.getByTestId("history-basis")).toContainText(
    "1 vote could not be read and is left out.",
  );
  await expect(page.getByTestId("history-winner")).toContainText("FastAPI led");

  // The team's list of decisions: the leader says what it rests on, the vote left out included.
  await page.goto(`/t/${team.slug}`);
  const leader = page.getByTestId("project-leader");
  await expect(leader).toContainText("FastAPI");
  await expect(leader.getByTestId("leader-basis")).toContainText(
    "1 vote could not be read and is left out.",
  );
  await expectAccessible(page);

  // Recorded, the decision's record says what it was decided on, and what that left out when
  // it was recorded; so does the record behind its share link, read signed out.
  const { path } = await recordAndShare(alice, projectId);
  await page.goto(`${url}/record`);
  const recorded = page.getByTestId("record-coverage");
  await expect(recorded).toContainText("Decided with 1 of ");
  await expect(recorded).toContainText("When recorded, 1 vote could not be read and was left out.");
  await expectAccessible(page);
  const reader = await browser.newContext({ baseURL: own.app.origin });
  const readerPage = await reader.newPage();
  await readerPage.goto(path);
  await expect(readerPage.getByTestId("record-coverage")).toContainText(
    "When recorded, 1 vote could not be read and was left out.",
  );
  await reader.close();
  await alice.context.close();
  await bob.context.close();
});

test("the history of a decision whose stored criteria cannot be scored says why, and still lists every change", async ({
  browser,
}) => {
  const alice = await person(browser, "alice", undefined, own.app.origin);
  const { projectId, url, first } = await teamWithDrfProject(alice, []);
  await voteOverApi(alice.context.request, projectId, {
    [first.key]: { weight: 3, scores: { drf: 2, fastapi: 5 } },
  });
  // The app keeps 1 to 30 criteria.
  await changedAroundTheApp(projectId, () =>
    own.database.db.criterion.createMany({
      data: Array.from({ length: 31 }, (_, i) => ({
        projectId,
        key: `extra${i}`,
        name: `Extra ${i}`,
        defaultWeight: 3,
        position: 100 + i,
      })),
    }),
  );

  const page = alice.page;
  await page.goto(url);
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("history-unreadable")).toHaveText(
    // The scoring's own reason, which may run over several lines.
    /^This decision cannot be scored: its stored data is invalid \(.*criteria: must have 1 to 30 items, got \d+.*\)\.$/s,
  );
  // No chart or slider pretends to a path; the changes themselves are listed.
  await expect(page.getByTestId("history-chart")).toHaveCount(0);
  await expect(page.getByTestId("history-slider")).toHaveCount(0);
  await expect(page.getByTestId("history-events")).toContainText(alice.user.name);
  await expectAccessible(page);
  await alice.context.close();
});
