import { baseURL } from "../playwright.config";
import { createSmallProject, createSuccessor, decideOverApi, mutate } from "../support/decisions";
import { expect, test } from "../support/members";

test.setTimeout(90_000);

test("a share link's page names a decision that is not shared only by its number, and no internal id", async ({
  browser,
  alice: owner,
  soloDrf,
}) => {
  const { projectId, team } = soloDrf;
  const request = owner.context.request;
  await decideOverApi(owner, soloDrf);
  const secret = await createSmallProject(request, team.id, {
    title: "Confidential: acquire CompetitorCo in Q3",
    options: [
      ["buy", "Buy"],
      ["wait", "Wait"],
    ],
    criterion: { key: "cost", name: "Cost" },
  });
  // project.create answers with the new project's number too.
  const successor = (await createSuccessor(request, soloDrf)) as { id: string; number: number };
  const successorNumber = successor.number;
  expect(successorNumber).toBeGreaterThan(0);
  await mutate(request, "record.supersede", { projectId, successorIds: [secret.id, successor.id] });
  const link = await mutate<{ path: string }>(request, "share.create", { projectId });

  const reader = await browser.newContext({ baseURL });
  const page = await reader.newPage();
  const response = await page.goto(link.path);
  // The whole answer, the page's own data included, holds no other project and no id.
  const html = (await response?.text()) ?? "";
  expect(html).toContain("Superseded by");
  for (const hidden of ["CompetitorCo", secret.id, successor.id, projectId, team.id]) {
    expect(html.includes(hidden), `the page's HTML names ${hidden}`).toBe(false);
  }
  const supersededBy = page.getByTestId("superseded-by");
  await expect(supersededBy).toContainText(`decision #${secret.number}`);
  await expect(supersededBy).toContainText(`decision #${successorNumber}`);
  await expect(supersededBy.getByRole("link")).toHaveCount(0);

  // Once the successor is shared too, its title shows (it is public already), still unlinked.
  await mutate(request, "share.create", { projectId: successor.id });
  await page.reload();
  await expect(supersededBy).toContainText(
    `#${successorNumber} Keep FastAPI, move to async workers`,
  );
  await expect(supersededBy).toContainText(`decision #${secret.number}`);
  await expect(supersededBy).not.toContainText("CompetitorCo");
  await expect(supersededBy.getByRole("link")).toHaveCount(0);
  await reader.close();
});
