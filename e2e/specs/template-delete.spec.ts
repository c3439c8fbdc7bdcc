import { teamWithQueueTemplate } from "../support/decisions";
import { expect, test } from "../support/members";

test("a team template's author deletes it from the new-decision page after confirming; another member cannot, built-ins never", async ({
  alice: owner,
  bob: member,
}) => {
  const team = await teamWithQueueTemplate(owner, [member]);
  const deleteButton = (page: typeof owner.page) =>
    page.getByRole("button", { name: "Delete the template “Queue choice”" });

  // A member who did not save it sees the template, but no way to delete it.
  await member.page.goto(`/t/${team.slug}/new`);
  await expect(member.page.getByRole("heading", { name: /Queue choice/ })).toBeVisible();
  await expect(deleteButton(member.page)).toHaveCount(0);

  const page = owner.page;
  await page.goto(`/t/${team.slug}/new`);
  await expect(page.getByRole("heading", { name: /Queue choice/ })).toBeVisible();
  // Built-in templates have no delete action.
  await expect(page.getByRole("button", { name: /^Delete the template/ })).toHaveCount(1);
  await deleteButton(page).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete the template “Queue choice”?" });
  await expect(dialog).toContainText("Decisions already started from it keep their options");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: /Queue choice/ })).toBeVisible();

  await deleteButton(page).click();
  await page.getByRole("button", { name: "Delete template" }).click();
  await expect(page.getByRole("heading", { name: /Queue choice/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: /Queue choice/ })).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: /Use “Django REST Framework or FastAPI\?”/ }),
  ).toBeVisible();
});
