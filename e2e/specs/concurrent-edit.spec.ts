import { createFromTemplate, isHydrated, mutate, query } from "../support/decisions";
import { expect, test } from "../support/members";

const STALE =
  "Someone else changed this decision after you opened it, so your save would undo their changes. Load their version (what you typed is kept), check it, then save again.";

test("two admins editing one draft: the later save is refused and loads the other's change under what was typed", async ({
  alice,
  bob,
  drf,
}) => {
  const request = alice.context.request;
  const members = await query<{ id: string; email: string | null }[]>(request, "member.list", {
    teamId: drf.team.id,
  });
  const bobId = members.find((m) => m.email === bob.user.email)?.id;
  expect(bobId, "Bob is a member of the team").toBeTruthy();
  await mutate(request, "member.changeRole", { teamId: drf.team.id, userId: bobId, role: "ADMIN" });
  const draft = await createFromTemplate(request, drf.team.id, drf.template, {
    title: "Which framework for billing?",
  });
  const editUrl = `/t/${drf.team.slug}/p/${draft.id}/edit`;

  // Both open the draft's edit form.
  for (const page of [alice.page, bob.page]) {
    await page.goto(editUrl);
    await expect
      .poll(() => isHydrated(page.getByRole("button", { name: "Save draft" })))
      .toBe(true);
  }

  // Alice renames it and saves first.
  await alice.page.getByLabel("Title").fill("Billing framework");
  await alice.page.getByRole("button", { name: "Save draft" }).click();
  await expect(alice.page).toHaveURL(new RegExp(`/p/${draft.id}$`));

  // Bob, on the version he opened, writes the problem statement: his save is refused.
  const context = "Billing needs typed, async handlers.";
  await bob.page.getByLabel("Context").fill(context);
  await bob.page.getByRole("button", { name: "Save draft" }).click();
  const stale = bob.page.getByTestId("stale-edit");
  await expect(stale).toContainText(STALE);
  await expect(bob.page).toHaveURL(/\/edit$/);
  const stored = await query<{ title: string; context: string }>(request, "project.get", {
    projectId: draft.id,
  });
  expect(stored.title).toBe("Billing framework");
  expect(stored.context).not.toBe(context);

  // Loading her version keeps what he typed on top of it.
  await stale.getByRole("button", { name: "Load their version" }).click();
  await expect(bob.page.getByTestId("merged-edit")).toContainText("Loaded their version");
  await expect(stale).toHaveCount(0);
  await expect(bob.page.getByLabel("Title")).toHaveValue("Billing framework");
  await expect(bob.page.getByLabel("Context")).toHaveValue(context);
  await bob.page.getByRole("button", { name: "Save draft" }).click();
  await expect(bob.page).toHaveURL(new RegExp(`/p/${draft.id}$`));
  const saved = await query<{ title: string; context: string }>(request, "project.get", {
    projectId: draft.id,
  });
  expect(saved).toMatchObject({ title: "Billing framework", context });
});
