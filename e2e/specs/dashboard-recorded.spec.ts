import { mutate, query, recordOverApi, voteOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

test("the team page shows a recorded decision's result and ballots after a voter leaves", async ({
  alice,
  bob,
  drf,
}) => {
  const request = alice.context.request;
  // Alice mildly prefers DRF, Bob strongly FastAPI: together, FastAPI.
  await voteOverApi(request, drf.projectId, {
    [drf.first.key]: { weight: 4, scores: { drf: 4, fastapi: 3 } },
  });
  await voteOverApi(bob.context.request, drf.projectId, {
    [drf.first.key]: { weight: 4, scores: { drf: 1, fastapi: 5 } },
  });
  await recordOverApi(alice, drf.projectId, "The team scored it higher.");
  const members = await query<{ id: string; email: string | null }[]>(request, "member.list", {
    teamId: drf.team.id,
  });
  const bobId = members.find((m) => m.email === bob.user.email)?.id;
  expect(bobId, "Bob is a member of the team").toBeTruthy();
  await mutate(request, "member.remove", { teamId: drf.team.id, userId: bobId });

  const page = alice.page;
  await page.goto(`/t/${drf.team.slug}`);
  const row = page.getByRole("listitem").filter({ has: page.getByTestId("project-leader") });
  await expect(row.getByTestId("project-leader")).toContainText("FastAPI");
  await expect(row.getByTestId("project-ballots")).toHaveText("0 of 2 ballots complete, 2 partial");
});
