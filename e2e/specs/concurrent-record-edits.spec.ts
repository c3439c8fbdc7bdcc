import { decideOverApi, mutate, query } from "../support/decisions";
import { upload } from "../support/folder-upload";
import { expect, test } from "../support/members";

test.setTimeout(120_000);

test("a member on the draft cannot remove the decision-makers the creator named, and saves the rest", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  await mutate(owner.context.request, "draft.start", { projectId: drf.projectId });
  // The creator names both: the member is a decision-maker too.
  const members = await query<{ id: string }[]>(owner.context.request, "member.list", {
    teamId: drf.team.id,
  });
  const ids = members.map((m) => m.id);
  await mutate(owner.context.request, "draft.updateFields", {
    projectId: drf.projectId,
    decisionMakers: ids.map((userId) => ({ userId, name: "" })),
  });

  const m = member.page;
  await m.goto(`${drf.url}/draft`);
  const ownerBox = m.getByRole("checkbox", { name: owner.user.name });
  await expect(ownerBox).toBeChecked();
  await expect(ownerBox).toBeDisabled();
  await expect(m.getByText("(the decision's creator or an admin can remove them)")).toBeVisible();
  // The member may step down themselves, and still save the other fields.
  await expect(m.getByRole("checkbox", { name: member.user.name })).toBeEnabled();
  await m.getByLabel("Consulted").fill("Security team");
  await m.getByRole("button", { name: "Save fields" }).click();
  await expect(m.getByText("Fields saved.")).toBeVisible();
  await m.reload();
  await expect(m.getByLabel("Consulted")).toHaveValue("Security team");
  await expect(m.getByRole("checkbox", { name: owner.user.name })).toBeChecked();

  // The creator keeps full control: their page offers removing anyone.
  await owner.page.goto(`${drf.url}/draft`);
  await expect(owner.page.getByRole("checkbox", { name: member.user.name })).toBeEnabled();
});

test("a revision from a form opened before someone else's revision is refused, saying to reload", async ({
  alice: owner,
  drf,
}) => {
  await decideOverApi(owner, drf);
  const page = owner.page;
  await page.goto(`${drf.url}/record`);
  await page.getByRole("button", { name: "Revise the record" }).click();
  const form = page.getByRole("form", { name: "Revise the decision" });
  await form.getByLabel("Rationale").fill("It fits our typed services, and async views.");
  await form.getByLabel("What changed and why").fill("Say why async matters.");

  // Meanwhile the record is revised elsewhere (another tab, another admin).
  await mutate(owner.context.request, "record.revise", {
    projectId: drf.projectId,
    chosenOptionKey: "fastapi",
    rationale: "It fits our typed, async services; the team scored it higher.",
    consequences: { good: ["Request models are checked at the edge."], neutral: [], bad: [] },
    decisionMakers: [{ name: owner.user.name }],
    note: "Add a consequence.",
    expectedRevision: 1,
  });

  await form.getByRole("button", { name: "Save as new revision" }).click();
  const stale = page.getByTestId("stale-revision");
  await expect(stale).toContainText("Someone else revised this record after you opened it");
  await expect(stale).toContainText("Reload the record to see their revision");
  await stale.getByRole("button", { name: "Reload the record" }).click();
  await expect(
    page.getByText("Loaded revision 2: make your change again on top of it."),
  ).toBeVisible();
  await expect(page.getByTestId("stale-revision")).toHaveCount(0);
  await expect(form.getByLabel("Rationale")).toHaveValue(
    "It fits our typed, async services; the team scored it higher.",
  );
  await expect(form.getByLabel("Good consequences")).toHaveValue(
    "Request models are checked at the edge.",
  );
  await form.getByLabel("Rationale").fill("It fits our typed services, and async views.");
  await form.getByLabel("What changed and why").fill("Say why async matters.");
  await form.getByRole("button", { name: "Save as new revision" }).click();
  await expect(page.getByText("Saved as a new revision.")).toBeVisible();
  await expect(page.getByTestId("chosen-option")).toContainText(
    "It fits our typed services, and async views.",
  );
});

test("a member's folder import lists a changed file of the owner's imported record apart, saying who can revise it", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const file = (decision: string) =>
    `# 1. Use SQS\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nQueues.\n\n## Decision\n\n${decision}\n\n## Consequences\n\nNone.\n`;
  const encoded = Buffer.from(file("We will use SQS."));
  await mutate(owner.context.request, "export.importFolder", {
    teamId: drf.team.id,
    files: [{ name: "0001-use-sqs.md", size: encoded.length, content: encoded.toString("base64") }],
  });

  const page = member.page;
  await page.goto(`/t/${drf.team.slug}/records`);
  await upload(page, [["decisions/0001-use-sqs.md", file("We will use Kafka.")]]);
  await expect(page.getByRole("heading", { name: "Nothing to import" })).toBeVisible();
  await expect(
    page.getByText(
      "Every record of this folder is already in the team, and the changes to them are not yours to make (below); nothing would be written.",
    ),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Left as they are, not yours to revise or supersede (1)" }),
  ).toBeVisible();
  // The team's DRF decision is record 1: the imported file became record 2.
  await expect(page.getByTestId("import-conflicts").getByRole("listitem")).toHaveText([
    `0001-use-sqs.md: record 2 was imported from this file, which has changed since, but only ${owner.user.name} (who imported it) or a team admin can revise it: it is left as it is. Ask one of them to import the changed file.`,
  ]);
  await expect(page.getByTestId("import-skipped")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
});
