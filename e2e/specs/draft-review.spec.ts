import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import {
  acceptOnProvisionalResult,
  approveAgain,
  expectApprovalInMadr,
  mutate,
  nameDecisionMaker,
  type Person,
  query,
  voteAndStartDraft,
} from "../support/decisions";
import { consoleErrors } from "../support/fixtures";
import { documentWidth } from "../support/layout";
import { expect, test } from "../support/members";

test.setTimeout(120_000);

const textField = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** `member` starts the project's record draft and opens it: their page on the draft. */
async function startDraftAs(member: Person, drf: { projectId: string; url: string }) {
  await mutate(member.context.request, "draft.start", { projectId: drf.projectId });
  await member.page.goto(`${drf.url}/draft`);
  return member.page;
}

/** Types at the end of the draft's rationale in the live editor, and waits until it is saved. */
async function typeIntoRationale(page: Page, text: string) {
  await textField(page, "Rationale").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text, { delay: 10 });
  await expect(page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
}

test("a member starts the draft, the decision-maker approves, an edit makes it stale, and the accepted record's MADR lists the approval", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const { url, first } = drf;
  // The member votes and starts the draft from the project page: pre-filled from their reason.
  const m = await voteAndStartDraft(member, drf, "Typed async handlers.");
  await expect(textField(m, "Good consequences")).toContainText(
    `"Typed async handlers." (${member.user.name} on ${first.name}, scoring FastAPI 5 of 5)`,
  );
  await expect(m.getByLabel("Chosen option")).toHaveValue("fastapi");

  // ...names the owner as the decision-maker (not themselves: the creator or an admin can).
  await expect(m.getByRole("checkbox", { name: member.user.name })).toBeDisabled();
  await expect(m.getByText("(you: the decision's creator or an admin can name you)")).toBeVisible();
  await nameDecisionMaker(m, owner);
  await typeIntoRationale(m, "it fits our typed, async services.");

  // The owner sees who changed the fields, and approves.
  const o = owner.page;
  await o.goto(`${url}/draft`);
  await expect(o.getByTestId("fields-changed-by")).toContainText(`Changed by ${member.user.name}`);
  // (The text also holds the other editor's caret, with their name.)
  await expect(textField(o, "Rationale")).toContainText("it fits our typed, async services.");
  // The page is accessible and fits a phone.
  expect(seriousViolations(await new AxeBuilder({ page: o }).analyze())).toEqual([]);
  await m.setViewportSize({ width: 390, height: 844 });
  await m.reload();
  await expect(m.getByTestId("approval-summary")).toBeVisible();
  expect(await documentWidth(m)).toBeLessThanOrEqual(390);

  await o.getByRole("button", { name: "Approve" }).click();
  await expect(o.getByTestId("approval-summary")).toHaveText(
    "1 of 1 decision-maker approved; needs their approval.",
  );

  // An edit of the text after the approval makes it stale, live on the open page.
  await typeIntoRationale(m, " And our team.");
  await expect(o.getByTestId("stale-review")).toBeVisible();
  await expect(o.getByTestId("approval-summary")).toHaveText(
    "0 of 1 decision-maker approved; needs their approval.",
  );
  await expect(textField(o, "Rationale")).toContainText(
    "it fits our typed, async services. And our team.",
  );
  await approveAgain(o);

  // A changed field makes it stale too: what was approved is the whole record.
  await m.getByLabel("Consulted").fill("Dev from ops");
  await m.getByRole("button", { name: "Save fields" }).click();
  await expect(o.getByTestId("stale-review")).toBeVisible();
  await approveAgain(o);

  // Accepting: one criterion of the template is scored, so the result is provisional and the
  // page asks to confirm it.
  await acceptOnProvisionalResult(o);

  await o.goto(`${url}/record`);
  await expect(o.getByTestId("record-status")).toHaveText("Decided");
  const md = await expectApprovalInMadr(o, owner.user.name);
  expect(md).toContain(
    'Chosen option: "FastAPI", because it fits our typed, async services. And our team.',
  );
});

test("on an unfinished ballot, the owner is told before the first click that the result is provisional and who has not finished, and one click accepts once confirmed", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  // Bob scores one criterion of the template's 13 and starts the draft; Alice, who created the
  // decision, names herself its decision-maker and approves.
  const m = await voteAndStartDraft(member, drf, "Typed async handlers.");
  await typeIntoRationale(m, "it fits our typed, async services.");
  const o = owner.page;
  await o.goto(`${drf.url}/draft`);
  await o.getByRole("checkbox", { name: owner.user.name }).check();
  await o.getByRole("button", { name: "Save fields" }).click();
  await o.getByRole("button", { name: "Approve" }).click();
  await expect(o.getByTestId("approval-summary")).toHaveText(
    "1 of 1 decision-maker approved; needs their approval.",
  );

  // Before any click: the result is provisional, and accepting closes voting on two unfinished
  // ballots, named.
  const problems = consoleErrors(o);
  const refusals: string[] = [];
  o.on("response", (response) => {
    if (response.url().includes("draft.accept") && !response.ok()) {
      refusals.push(`${response.status()} ${response.url()}`);
    }
  });
  await expect(o.getByTestId("accept-provisional")).toContainText("Based on 1 of 13 criteria (");
  const closes = o.getByTestId("accept-closes-voting");
  await expect(closes).toContainText("Accepting closes voting while ");
  await expect(closes).toContainText(`${member.user.name} (1 of 13 criteria)`);
  await expect(closes).toContainText(`${owner.user.name} (none yet)`);
  const accept = o.getByRole("button", { name: "Accept the record" });
  await expect(accept).toBeDisabled();
  await o.getByRole("checkbox", { name: /Accept on a provisional result/ }).check();
  await accept.click();
  await expect(o.getByTestId("draft-status")).toHaveText("Accepted");
  expect(refusals).toEqual([]);
  expect(problems).toEqual([]);

  // Voting is closed for the member who had not finished.
  await m.goto(drf.url);
  await expect(
    m.getByText("Voting is closed. Your votes are shown as they were counted."),
  ).toBeVisible();
});

test("a teammate's saved field replaces that field only: what the reader is typing in another stays", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const m = await startDraftAs(member, drf);
  // The member is writing who was consulted, not saved yet...
  await m.getByLabel("Consulted").fill("Carla from support, Dev from ops");
  // ...when the owner saves who is informed.
  await mutate(owner.context.request, "draft.updateFields", {
    projectId: drf.projectId,
    informed: [{ name: "The billing team" }],
  });
  await expect(m.getByTestId("fields-changed-by")).toContainText(`Changed by ${owner.user.name}`);
  await expect(m.getByLabel("Informed")).toHaveValue("The billing team");
  await expect(m.getByLabel("Consulted")).toHaveValue("Carla from support, Dev from ops");
});

test("saving the draft's fields with no decision-maker says why, to a screen reader too", async ({
  bob: member,
  drf,
}) => {
  const m = await startDraftAs(member, drf);
  await m.getByRole("button", { name: "Save fields" }).click();
  const group = m.getByRole("group", { name: "Decision-makers" });
  await expect(group.getByText("Name at least one decision-maker.")).toBeVisible();
  // The refusal is part of the group's description, not only text beside it.
  await expect(group).toHaveAccessibleDescription(/Name at least one decision-maker\./);
  await expect(group).toHaveAttribute("aria-invalid", "true");
});

test("a refused draft comment says what to fix, next to the field, and the message goes once the comment is edited", async ({
  bob: member,
  drf,
}) => {
  const m = await startDraftAs(member, drf);
  const form = m.getByRole("form", { name: "Add a comment" });
  await form.getByLabel("Comment").fill("Is this measured or a guess?");
  // A quoted passage without the field it is in is refused.
  await form.getByLabel("Quoted passage (optional)").fill("twice as fast");
  await form.getByRole("button", { name: "Comment" }).click();
  const section = m.getByRole("region", { name: "Comments" });
  const refusal = section.getByText(/Say which field the quoted passage is in\.|need attention/);
  await expect(refusal).toBeVisible();
  await expect
    .soft(form.getByLabel("On the field (optional)"))
    .toHaveAccessibleDescription("Say which field the quoted passage is in.");
  // What was typed stays, and the first edit drops the message: it no longer describes the form.
  await expect(form.getByLabel("Comment")).toHaveValue("Is this measured or a guess?");
  await form.getByLabel("Comment").press("End");
  await form.getByLabel("Comment").pressSequentially(" (p99)");
  await expect(refusal).toHaveCount(0);
  await expect(form.getByLabel("On the field (optional)")).not.toHaveAttribute(
    "aria-invalid",
    "true",
  );
});

test("edits that had not reached the server when the draft was accepted are said to be left out, and the editor stops", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const m = await startDraftAs(member, drf);
  await typeIntoRationale(m, "Saved before the acceptance.");
  // The owner, who created the decision, names themselves the decision-maker.
  const o = owner.page;
  await o.goto(`${drf.url}/draft`);
  await nameDecisionMaker(o, owner);

  await mutate(owner.context.request, "draft.updateFields", {
    projectId: drf.projectId,
    chosenOptionKey: "fastapi",
  });

  // The member keeps typing with no connection; the owner accepts meanwhile.
  await member.context.setOffline(true);
  await textField(m, "Rationale").click();
  await m.keyboard.press("Control+End");
  await m.keyboard.type(" Typed while offline.", { delay: 10 });
  await mutate(owner.context.request, "draft.accept", {
    projectId: drf.projectId,
    overrideReason: "The deadline is today.",
    confirmProvisional: true,
  });
  await member.context.setOffline(false);

  await expect(m.getByTestId("draft-status")).toHaveText("Accepted");
  await expect(m.getByTestId("edits-left-out")).toContainText(
    "The draft was accepted before your last edits reached the server",
  );
  await expect(textField(m, "Rationale")).toHaveAttribute("contenteditable", "false");
  await expect(m.getByTestId("draft-sync-status")).toHaveCount(0);
  const record = await query<{ revisions: { fields: { rationale: string } }[] }>(
    member.context.request,
    "record.get",
    { projectId: drf.projectId },
  );
  const rationale = record.revisions[0]?.fields.rationale;
  expect(rationale).toContain("Saved before the acceptance.");
  expect(rationale).not.toContain("Typed while offline.");
});

test("a member made a viewer while editing the draft is told at once that they can no longer edit it, and why", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const m = await startDraftAs(member, drf);
  await typeIntoRationale(m, "Typed as a member.");

  // The owner, in another browser, makes the member a viewer on the Members page.
  const o = owner.page;
  await o.goto(`/t/${drf.team.slug}/members`);
  await o.getByRole("combobox", { name: `Role of ${member.user.name}` }).click();
  await o.getByRole("option", { name: "Viewer" }).click();
  await expect(o.getByText(`${member.user.name} is now viewer.`)).toBeVisible();

  // The member's editor says so in a status region (read out by screen readers), and stops.
  const told = await expectEditingEnded(
    m,
    "You are now a viewer of this team: you can read this draft, but not edit it.",
  );
  await expect(told).toContainText("ask an owner or admin of the team");
});

test("a member removed from the team while editing the draft is told why the editor stopped", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const m = await startDraftAs(member, drf);
  await typeIntoRationale(m, "Typed before leaving.");

  const members = await query<{ id: string; email: string }[]>(
    owner.context.request,
    "member.list",
    { teamId: drf.team.id },
  );
  const bob = members.find((p) => p.email === member.user.email);
  if (!bob) throw new Error("the member is in the team");
  await mutate(owner.context.request, "member.remove", { teamId: drf.team.id, userId: bob.id });

  await expectEditingEnded(
    m,
    "You are no longer in this draft's team, or were signed out on this browser.",
  );
});

/**
 * The editor on `page` has stopped: its status region says the person can no longer edit the
 * draft and `why`, the text cannot be typed into, and no saving status is left to mislead.
 */
async function expectEditingEnded(page: Page, why: string) {
  const told = page.getByRole("status").filter({ hasText: "You can no longer edit this draft" });
  await expect(told).toContainText(why);
  await expect(textField(page, "Rationale")).toHaveAttribute("contenteditable", "false");
  await expect(page.getByTestId("draft-sync-status")).toHaveCount(0);
  return told;
}

test("opening the draft without typing keeps its text and the approval, and a quoted address stays as the voter typed it", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const reason = "See https://example.com/pricing";
  const quote = `"${reason}" (${member.user.name} on ${drf.first.name}, scoring FastAPI 5 of 5)`;
  const m = await voteAndStartDraft(member, drf, reason);
  await nameDecisionMaker(m, owner);
  // Typing in the rationale leaves the quote in another section as it was.
  await typeIntoRationale(m, "it fits our typed, async services.");
  await m.goto(drf.url);
  type Draft = { draft: { text: { good: string }; reviews: { stale: boolean }[] } };
  const stored = () =>
    query<Draft>(owner.context.request, "draft.get", { projectId: drf.projectId });
  expect((await stored()).draft.text.good).toBe(`- ${quote}`);
  await mutate(owner.context.request, "draft.review", {
    projectId: drf.projectId,
    verdict: "APPROVED",
  });

  // The member only opens the draft again for a while, typing nothing.
  await m.goto(`${drf.url}/draft`);
  await expect(textField(m, "Good consequences")).toContainText(quote);
  await m.waitForTimeout(5_000);
  await m.goto(drf.url);

  expect((await stored()).draft.reviews.map((r) => r.stale)).toEqual([false]);
  await mutate(owner.context.request, "draft.accept", {
    projectId: drf.projectId,
    confirmProvisional: true,
  });
  const o = owner.page;
  await o.goto(`${drf.url}/record`);
  const md = await expectApprovalInMadr(o, owner.user.name);
  expect(md).toContain("https://example.com/pricing");
  expect(md).not.toContain("[https://example.com/pricing]");
});
