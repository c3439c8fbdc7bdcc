import { decideOverApi, mutate, query } from "../support/decisions";
import { expect, test } from "../support/members";

test("a record imported from an edited JSON file says the recorder and approvals are the file's word", async ({
  alice,
  bob,
  drf,
}) => {
  await decideOverApi(alice, drf);
  const file = await query<{ content: string }>(bob.context.request, "export.file", {
    projectId: drf.projectId,
    format: "json",
  });
  // Bob, a member, edits the file so that Alice, the team's owner, recorded and approved it.
  const doc = JSON.parse(file.content);
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
});
