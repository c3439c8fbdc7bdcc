import { loggedInCli, tradeoff } from "../support/cli";
import { type DrfProject, decideOverApi, mutate, type Person, query } from "../support/decisions";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";

/** `owner` decides `drf` over the API; answers its JSON export as `reader` downloads it. */
async function decidedJsonExport(owner: Person, drf: DrfProject, reader: Person) {
  await decideOverApi(owner, drf);
  const file = await query<{ content: string }>(reader.context.request, "export.file", {
    projectId: drf.projectId,
    format: "json",
  });
  return JSON.parse(file.content);
}

test("a record imported from an edited JSON file says the recorder and approvals are the file's word", async ({
  alice,
  bob,
  drf,
}) => {
  const doc = await decidedJsonExport(alice, drf, bob);
  // Bob, a member, edits the file so that Alice, the team's owner, recorded and approved it.
  doc.decision.decidedBy = alice.user.name;
  doc.decision.approvals = [{ name: alice.user.name, at: "2026-12-03T10:00:00.000Z" }];
  const created = await mutate<{ id: string }>(bob.context.request, "export.import", {
    teamId: drf.team.id,
    document: doc,
  });

  const { page } = bob;
  await page.goto(`/t/${drf.team.slug}/p/${created.id}/record`);
  await expect(
    page.getByText(`Recorded by ${alice.user.name} (from the imported file) on`),
  ).toBeVisible();
  await expect(page.getByTestId("record-imported")).toContainText(
    `Imported from a JSON export by ${bob.user.name} on`,
  );
  await expect(page.getByTestId("record-approvals")).toContainText(
    `Approved by ${alice.user.name}`,
  );
  await expect(page.getByTestId("record-approvals")).toContainText("(from the imported file).");
  await expect(page.getByText("Decision-makers (from the imported file)")).toBeVisible();
});

test("an imported project's recommendation rests on the file's voters, on its page and in the CLI", async ({
  alice,
  bob,
  drf,
}) => {
  // Alice and Bob were the team's voting members; Alice scored the first criterion.
  const doc = await decidedJsonExport(alice, drf, alice);
  // Bob imports it into a team of his own, where he is the only member.
  const archive = await mutate<{ id: string; slug: string }>(bob.context.request, "team.create", {
    name: uniqueName("Archive"),
  });
  const created = await mutate<{ id: string; number: number }>(
    bob.context.request,
    "export.import",
    { teamId: archive.id, document: doc },
  );

  const { page } = bob;
  await page.goto(`/t/${archive.slug}/p/${created.id}`);
  await expect(page.getByTestId("ballots")).toHaveText(
    "From the imported file: 0 complete · 1 partial · 1 not started, of 2 members",
  );
  await expect(page.getByTestId("voters-from")).toContainText("From the imported file");
  const ballots = page.getByTestId("participation");
  await expect(ballots).toContainText(alice.user.name);
  await expect(ballots).not.toContainText(bob.user.name);

  await page.goto(`/t/${archive.slug}/p/${created.id}/record`);
  await expect(page.getByTestId("record-coverage")).toContainText(
    "From the imported file: Decided with",
  );

  const { config } = await loggedInCli(bob.context.request, "import check", "READ");
  const show = await tradeoff(config, ["show", `${archive.slug}/${created.number}`]);
  expect(show.code, show.stderr).toBe(0);
  expect(show.stdout.replace(/\s+/g, " ")).toContain(
    "From the imported file: the recommendation and participation rest on the votes, voters and members the file lists",
  );
  expect(show.stdout).toContain("Ballots: 0 complete, 1 partial, 1 not started, of 2 members.");
});
