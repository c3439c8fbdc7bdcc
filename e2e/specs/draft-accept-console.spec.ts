import { acceptOnProvisionalResult, voteAndStartDraft } from "../support/decisions";
import { expect, test } from "../support/members";

test.setTimeout(120_000);

test("accepting a draft while its text is being edited writes no editor warning to the console", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  await voteAndStartDraft(member, drf, "Typed async handlers.");
  const page = owner.page;
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") warnings.push(message.text());
  });
  await page.goto(`${drf.url}/draft`);
  // The owner names herself the decision-maker and approves, with the cursor in the text.
  await page.getByRole("checkbox", { name: owner.user.name }).check();
  await page.getByRole("button", { name: "Save fields" }).click();
  const rationale = page.getByRole("textbox", { name: "Rationale", exact: true });
  await rationale.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" It fits our services.", { delay: 10 });
  await expect(page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("approval-summary")).toHaveText(
    "1 of 1 decision-maker approved; needs their approval.",
  );

  await acceptOnProvisionalResult(page);
  // The text is read-only now: the editors were rebuilt for the accepted draft.
  await expect(rationale).toHaveAttribute("contenteditable", "false");
  await expect(rationale).toContainText("It fits our services.");
  expect(warnings.filter((text) => /TextSelection|inline content/.test(text))).toEqual([]);
});
