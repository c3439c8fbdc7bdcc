import { readFile } from "node:fs/promises";
import { baseURL } from "../playwright.config";
import {
  blindVoteScoredBy,
  decideOverApi,
  downloadMadr,
  loseFirstAnswer,
  mutate,
  voteOverApi,
} from "../support/decisions";
import { expect, test } from "../support/members";

test.setTimeout(90_000);

test("record a decision, download its MADR file and open the share link signed out", async ({
  browser,
  alice: owner,
  bob: member,
  drf,
}) => {
  const { projectId, url, template, first } = drf;
  await voteOverApi(member.context.request, projectId, {
    [first.key]: {
      weight: 5,
      scores: { drf: 2, fastapi: 5 },
      rationale: "Private reasoning of a member.",
    },
  });
  await voteOverApi(owner.context.request, projectId, {
    [first.key]: { weight: 4, scores: { drf: 2, fastapi: 4 } },
  });

  const page = owner.page;
  await page.goto(`${url}/record`);
  const form = page.getByRole("form", { name: "Record the decision" });
  // The team's recommendation is preselected: no justification is asked for.
  await expect(form.getByRole("radio", { name: /FastAPI.*recommendation/ })).toBeChecked();
  await expect(form.getByLabel(/Why another option/)).toHaveCount(0);
  await form.getByLabel("Rationale").fill("it fits our typed, async services.");
  await form.getByLabel("Good consequences").fill("Request models are checked at the edge.");
  await form.getByLabel("Decision-makers").fill(owner.user.name);
  // One criterion of the template is scored: the form says so and asks for confirmation.
  await expect(form.getByTestId("record-provisional")).toContainText("Based on 1 of");
  await form.getByLabel(/Record the decision anyway/).check();
  await form.getByRole("button", { name: "Record decision" }).click();

  await expect(page.getByTestId("chosen-option")).toContainText(
    "Chosen option: FastAPI, because it fits our typed",
  );
  await expect(page.getByTestId("record-status")).toHaveText("Decided");
  await expect(page.getByText("Revision 1 by")).toBeVisible();
  // Recorded on a provisional result: the page says so and how little it rested on, as the
  // exports do; neither ballot was complete, and neither counts as a member's whole say.
  const provisionalWhenRecorded =
    /It was provisional when recorded: \d+% of the weight was scored\./;
  await expect(page.getByTestId("record-coverage")).toContainText(provisionalWhenRecorded);

  const { file, md, frontMatter } = await downloadMadr(page);
  expect(file.suggestedFilename()).toMatch(/^0001-[a-z0-9-]+\.md$/);
  expect(frontMatter).toMatchObject({
    status: "accepted",
    "decision-makers": [owner.user.name],
  });
  expect(md).toContain('Chosen option: "FastAPI", because it fits our typed, async services.');
  // As typed, with its capital, as on the page.
  expect(md).toContain("* Good, because Request models are checked at the edge.");
  await expect(
    page.getByText("Good, because Request models are checked at the edge."),
  ).toBeVisible();
  expect(md).toMatch(
    /Decided with 1 of \d+ criteria counted, on 0 complete and 2 partial ballots of 2 members\./,
  );
  expect(md).toMatch(provisionalWhenRecorded);
  expect(md).toContain("| not scored | not scored | not scored |");

  // The PDF comes from the bundled export route, which reads its embedded fonts from disk.
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF (A4)" }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^0001-[a-z0-9-]+\.pdf$/);
  const bytes = (await readFile((await pdf.path()) ?? "")).toString("latin1");
  expect(bytes.startsWith("%PDF-")).toBe(true);

  // An expiry date already past is refused next to its field, in words, and nothing is created;
  // the message goes once the date is changed.
  const expires = page.getByLabel("Expires on (optional)");
  await expires.fill("2020-01-01");
  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByText("Pick an expiry date in the future.")).toBeVisible();
  await expect(expires).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await expires.fill("");
  await expect(page.getByText("Pick an expiry date in the future.")).toHaveCount(0);
  await page.getByRole("button", { name: "Create share link" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/share/[A-Za-z0-9_-]{43}$`));

  // A reader with no account at all.
  const reader = await browser.newContext({ baseURL });
  const readerPage = await reader.newPage();
  await readerPage.goto(link);
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(template.title);
  await expect(readerPage.getByTestId("chosen-option")).toContainText("FastAPI");
  await expect(readerPage.getByTestId("record-coverage")).toContainText(provisionalWhenRecorded);
  await expect(readerPage.getByText("Private reasoning of a member.")).toHaveCount(0);

  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("(revoked)")).toBeVisible();
  const gone = await readerPage.reload();
  expect(gone?.status()).toBe(404);
  await expect(
    readerPage.getByRole("heading", { name: "This link is not available" }),
  ).toBeVisible();
  await reader.close();

  // The project's history says in words what happened, the record's own events included.
  await page.goto(url);
  await page.getByRole("tab", { name: "History" }).click();
  const events = page.getByTestId("history-events");
  await expect(events).toContainText(`${owner.user.name} recorded the decision`);
  await expect(events).toContainText(`${owner.user.name} changed the status from open to decided`);
  await expect(events).not.toContainText("decision.recorded");
  // And so does the team's dashboard, in its recent activity.
  await page.goto(url.replace(/\/p\/[^/]+$/, ""));
  await expect(
    page.getByRole("listitem").filter({ hasText: `${owner.user.name} recorded the decision on` }),
  ).toContainText(template.title);
});

test("creating a share link from the keyboard leaves the keyboard on the button", async ({
  alice: owner,
  soloDrf,
}) => {
  await decideOverApi(owner, soloDrf);
  const page = owner.page;
  await page.goto(`${soloDrf.url}/record`);
  const create = page.getByRole("button", { name: "Create share link" });
  await create.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("share-link")).toHaveValue(/\/share\//);
  // Busy while it works, not disabled: the keyboard is where it was, for the next step.
  await expect(create).toBeFocused();
});

test("the record page of an open blind vote says the recommendation is hidden, and recording takes any option without a refusal naming the leader", async ({
  alice,
  bob,
}) => {
  const { url } = await blindVoteScoredBy(alice, bob);
  const page = alice.page;
  await page.goto(`${url}/record`);
  // Hidden, not absent.
  await expect(
    page.getByText(
      "Not yet decided: the recommendation stays hidden until this blind vote closes.",
    ),
  ).toBeVisible();
  await expect(page.getByText(/Recommended \(not decided yet\)/)).toHaveCount(0);
  const form = page.getByRole("form", { name: "Record the decision" });
  await expect(form.getByTestId("record-provisional")).toContainText(
    "(their share of the weight shows once the blind vote closes)",
  );
  // FastAPI leads behind the blind: recording the other option closes the vote, unrefused.
  await form.getByRole("radio", { name: /Django REST Framework/ }).check();
  await form.getByLabel("Rationale").fill("the team knows it well.");
  await form.getByLabel("Decision-makers").fill(alice.user.name);
  await form.getByLabel(/Record the decision anyway/).check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("chosen-option")).toContainText(
    "Chosen option: Django REST Framework, because the team knows it well.",
  );
  await expect(page.getByTestId("record-status")).toHaveText("Decided");
});

test("a share link whose answer was lost is not made twice: the retry says so and lists it to revoke", async ({
  alice: owner,
  soloDrf,
}) => {
  await decideOverApi(owner, soloDrf);
  const { url } = soloDrf;
  const page = owner.page;
  await page.goto(`${url}/record`);
  // The server creates the link, and the connection drops before its address arrives.
  const requests = await loseFirstAnswer(page, "share.create");
  const create = page.getByRole("button", { name: "Create share link" });
  await create.click();
  await expect.poll(requests).toBe(1);
  await expect(create).not.toHaveAttribute("aria-busy", "true");

  // The retry sends the same attempt again: nothing new is made, and the page says why.
  await create.click();
  await expect(page.getByText(/already created by an earlier attempt/).first()).toBeVisible();
  await expect(page.getByText(/Copy it from the first answer, or revoke it/).first()).toBeVisible();
  await expect(page.getByTestId("share-link")).toHaveCount(0);
  await expect(page.getByTestId("share-link-status")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(1);

  // The next press is a new attempt: a new link, shown once.
  await create.click();
  await expect(page.getByTestId("share-link")).toHaveValue(/\/share\//);
  await expect(page.getByTestId("share-link-status")).toHaveCount(2);
});

test("a reason typed for another option is kept when the recommendation is chosen again, and moves to the rationale in one click", async ({
  alice: owner,
  soloDrf,
}) => {
  await voteOverApi(owner.context.request, soloDrf.projectId, {
    [soloDrf.first.key]: { weight: 4, scores: { drf: 2, fastapi: 4 } },
  });
  const page = owner.page;
  await page.goto(`${soloDrf.url}/record`);
  const form = page.getByRole("form", { name: "Record the decision" });
  const justification = form.getByLabel(/Why another option/);
  const recommendation = form.getByRole("radio", { name: /FastAPI.*recommendation/ });
  await expect(recommendation).toBeChecked();
  await form.getByRole("radio", { name: /Django REST Framework/ }).check();
  await justification.fill("the team knows Django well.");

  // Back to the recommendation: the reason stays on screen, saying where it can go.
  await recommendation.check();
  await expect(justification).toHaveValue("the team knows Django well.");
  await expect(form.getByText(/You chose the team's recommendation/)).toBeVisible();
  // And to the other option again: still there, as typed.
  await form.getByRole("radio", { name: /Django REST Framework/ }).check();
  await expect(justification).toHaveValue("the team knows Django well.");

  await recommendation.check();
  await form.getByLabel("Rationale").fill("it fits our typed, async services.");
  await form.getByRole("button", { name: "Move it to the rationale" }).click();
  await expect(justification).toHaveCount(0);
  await expect(form.getByLabel("Rationale")).toHaveValue(
    "it fits our typed, async services. the team knows Django well.",
  );
  await form.getByLabel(/Record the decision anyway/).check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("chosen-option")).toContainText(
    "Chosen option: FastAPI, because it fits our typed, async services. the team knows Django well.",
  );
});

test("a reason given during a blind vote for what turned out to be the recommendation shows on the record page", async ({
  alice,
  bob,
}) => {
  const { url, projectId } = await blindVoteScoredBy(alice, bob);
  await mutate(alice.context.request, "record.decide", {
    projectId,
    chosenOptionKey: "fastapi",
    justification: "our services are async.",
    rationale: "it fits our typed services.",
    consequences: { good: [], neutral: [], bad: [] },
    confirmProvisional: true,
  });
  await alice.page.goto(`${url}/record`);
  await expect(alice.page.getByTestId("kept-justification")).toHaveText(
    "Reason given while the vote was blind, before the recommendation was known (the chosen option turned out to be the team's recommendation): our services are async.",
  );
  await expect(alice.page.getByTestId("against-recommendation")).toHaveCount(0);
});
