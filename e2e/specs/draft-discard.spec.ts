import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { seriousViolations } from "../support/axe";
import { voteAndStartDraft } from "../support/decisions";
import { expect, test } from "../support/members";

test.setTimeout(120_000);

const textField = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

test("while a record draft is open, recording leads to it; the owner discards it with a confirmation and records from the form", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const { projectId, url } = drf;
  // The member votes, starts the draft and writes in it.
  const m = await voteAndStartDraft(member, drf, "Typed handlers.");
  await textField(m, "Rationale").click();
  await m.keyboard.type("it fits our typed services.", { delay: 10 });
  await expect(m.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  // A member may not discard the team's draft.
  await expect(m.getByRole("button", { name: "Discard this draft" })).toHaveCount(0);

  // The owner's "Record the decision" leads to the draft, the team's record in progress.
  const o = owner.page;
  await o.goto(url);
  await o.getByTestId("record-link").click();
  await expect(o).toHaveURL(new RegExp(`${url}/draft$`));
  await expect(o.getByTestId("draft-status")).toHaveText("Proposed");

  // The record page says so too, instead of offering the form.
  await o.goto(`${url}/record`);
  await expect(o.getByTestId("record-open-draft")).toContainText(
    `The team is writing this record in a shared draft started by ${member.user.name}`,
  );
  await expect(o.getByRole("form", { name: "Record the decision" })).toHaveCount(0);
  // The API refuses the form's request too, naming the draft and what to do.
  const refused = await o.request.post("/api/trpc/record.decide", {
    data: {
      projectId,
      chosenOptionKey: "fastapi",
      rationale: "it is faster.",
      consequences: { good: [], neutral: [], bad: [] },
      decisionMakers: [{ name: owner.user.name }],
      confirmProvisional: true,
    },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain(
    "Accept that draft on its page to record the decision, or discard the draft there first",
  );
  await o.getByRole("link", { name: "Open the record draft" }).click();
  await expect(o).toHaveURL(new RegExp(`${url}/draft$`));

  // Discarding asks first; keeping the draft changes nothing and gives focus back.
  const discard = o.getByRole("button", { name: "Discard this draft" });
  await discard.click();
  const dialog = o.getByRole("alertdialog", { name: "Discard the record draft?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep the draft" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(discard).toBeFocused();
  await expect(o.getByTestId("draft-status")).toHaveText("Proposed");

  await discard.click();
  // The confirmation is accessible, and Cancel has the focus: Enter does not discard.
  await expect(dialog.getByRole("button", { name: "Keep the draft" })).toBeFocused();
  expect(seriousViolations(await new AxeBuilder({ page: o }).analyze())).toEqual([]);
  await dialog.getByRole("button", { name: "Discard the draft" }).click();
  await expect(o.getByTestId("draft-status")).toHaveText("Discarded");
  // Focus moves to what replaced the button: the notice of the discard.
  const notice = o.getByRole("heading", { name: "This draft was discarded" });
  await expect(notice).toBeFocused();
  await expect(o.getByText(`${owner.user.name} discarded it on`)).toBeVisible();
  await expect(textField(o, "Rationale")).toHaveCount(0);
  expect(seriousViolations(await new AxeBuilder({ page: o }).analyze())).toEqual([]);

  // The member's open page turns read-only live: the text stays to read, no editor is left.
  await expect(m.getByTestId("draft-status")).toHaveText("Discarded");
  await expect(textField(m, "Rationale")).toHaveCount(0);
  await expect(m.getByText("it fits our typed services.")).toBeVisible();
  await expect(m.getByRole("button", { name: "Save fields" })).toHaveCount(0);
  await expect(m.getByRole("form", { name: "Add a comment" })).toHaveCount(0);

  // The history says who discarded it.
  await o.goto(`${baseURL}${url}`);
  await o.getByRole("tab", { name: "History" }).click();
  await expect(o.getByText(`${owner.user.name} discarded the record's draft`)).toBeVisible();

  // Starting again writes a new draft, editable, while the discarded one is gone.
  await m.goto(`${url}/draft`);
  await m.getByRole("button", { name: "Start the record draft" }).click();
  await expect(m.getByTestId("draft-status")).toHaveText("Proposed");
  await expect(textField(m, "Rationale")).toHaveAttribute("contenteditable", "true");
  await expect(textField(m, "Rationale")).not.toContainText("it fits our typed services.");

  // Discarded again, the form records the decision.
  await o.goto(`${url}/draft`);
  await o.getByRole("button", { name: "Discard this draft" }).click();
  await o.getByRole("button", { name: "Discard the draft" }).click();
  await expect(o.getByRole("heading", { name: "This draft was discarded" })).toBeFocused();
  await o.getByRole("link", { name: "Record the decision" }).click();
  await expect(o).toHaveURL(new RegExp(`${url}/record$`));
  const form = o.getByRole("form", { name: "Record the decision" });
  await form.getByLabel("Rationale").fill("it fits our typed, async services.");
  await form.getByLabel("Decision-makers").fill(owner.user.name);
  await form.getByLabel(/Record the decision anyway/).check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(o.getByTestId("record-status")).toHaveText("Decided");
  await expect(o.getByTestId("chosen-option")).toContainText(
    "Chosen option: FastAPI, because it fits our typed, async services.",
  );
});
