import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { seriousViolations, WITH_VOICE_CONTROL } from "../support/axe";
import { mutate, recordOverApi, voteOverApi } from "../support/decisions";
import { sidewaysScroll } from "../support/layout";
import { expect, test } from "../support/members";

test.setTimeout(90_000);

/** A context as people write it: a heading, a list with bold words, a link. */
const CONTEXT = [
  "## Why now",
  "",
  "- **bold** item",
  "- a plain item",
  "",
  "See [the benchmark](https://example.com/bench).",
].join("\n");

async function expectCleanAndNarrow(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).options(WITH_VOICE_CONTROL).analyze();
  expect(seriousViolations(results), where).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page), `${where} at 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the context, the record and the share link show Markdown as formatted text", async ({
  browser,
  alice: owner,
  soloDrf,
}) => {
  const { projectId, url } = soloDrf;
  const request = owner.context.request;
  await mutate(request, "project.update", { projectId, context: CONTEXT });
  const page = owner.page;

  await page.goto(url);
  const context = page.getByTestId("project-context");
  await expect(context.getByRole("listitem").first()).toHaveText("bold item");
  await expect(context.locator("li strong")).toHaveText("bold");
  await expect(context.getByRole("heading", { name: "Why now" })).toBeVisible();
  await expect(context.getByRole("link", { name: "the benchmark" })).toHaveAttribute(
    "rel",
    "noopener noreferrer nofollow",
  );
  await expect(context).not.toContainText("**");
  await expectCleanAndNarrow(page, "project page");

  await recordOverApi(owner, projectId, "its **async** core keeps up", {
    consequences: { good: ["we keep `pydantic` models"], neutral: [], bad: [] },
  });
  await page.goto(`${url}/record`);
  const chosen = page.getByTestId("chosen-option");
  await expect(chosen).toContainText("because its async core keeps up");
  await expect(chosen.locator("strong").last()).toHaveText("async");
  await expect(chosen).not.toContainText("**");
  const consequences = page.getByRole("region", { name: "Consequences" });
  await expect(consequences.locator("li code")).toHaveText("pydantic");
  await expect(consequences).not.toContainText("`");
  await expectCleanAndNarrow(page, "record page");

  const link = await mutate<{ path: string }>(request, "share.create", { projectId });
  const stranger = await browser.newContext();
  const shared = await stranger.newPage();
  await shared.goto(new URL(link.path, page.url()).toString());
  const sharedContext = shared.getByRole("region", { name: "Context and problem statement" });
  await expect(sharedContext.locator("li strong")).toHaveText("bold");
  await expect(sharedContext).not.toContainText("**");
  await expect(shared.getByTestId("chosen-option").locator("strong").last()).toHaveText("async");
  await expectCleanAndNarrow(shared, "share page");
  await stranger.close();
});

test("vote reasons, the justification and the override reason show Markdown as formatted text", async ({
  alice: owner,
  bob: member,
  drf,
}) => {
  const { url, projectId, first } = drf;
  // The member's reason, with a bold word: FastAPI comes out ahead.
  await voteOverApi(member.context.request, projectId, {
    [first.key]: {
      weight: 5,
      scores: { drf: 2, fastapi: 5 },
      rationale: "webhooks arrive in **bursts**",
    },
  });
  const page = owner.page;
  await page.goto(url);
  const reasons = page.locator("details", { hasText: "Team's reasons" }).first();
  await reasons.locator("summary").click();
  await expect(reasons.locator("li strong")).toHaveText("bursts");
  await expect(reasons).not.toContainText("**");
  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("tabpanel");
  await expect(history.locator("strong", { hasText: "bursts" }).first()).toBeVisible();
  await expect(history).not.toContainText("**bursts**");

  // The member drafts the record; the owner, named decision-maker, accepts it without their
  // own approval, for the option the team did not recommend.
  await mutate(member.context.request, "draft.start", { projectId });
  const m = member.page;
  await m.goto(`${url}/draft`);
  await m.getByRole("textbox", { name: "Rationale", exact: true }).click();
  // The editor turns **…** into bold as it is typed; the draft keeps it as Markdown.
  await m.keyboard.type("Typed **handlers** win.", { delay: 10 });
  await expect(m.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  await page.goto(`${url}/draft`);
  await page.getByRole("checkbox", { name: owner.user.name }).check();
  await page.getByRole("button", { name: "Save fields" }).click();
  await expect(page.getByTestId("approval-summary")).toContainText("0 of 1");
  await mutate(owner.context.request, "draft.updateFields", { projectId, chosenOptionKey: "drf" });
  await mutate(owner.context.request, "draft.accept", {
    projectId,
    justification: "the team knows **Django** well",
    overrideReason: "the release is _today_",
    confirmProvisional: true,
  });

  await page.goto(`${url}/record`);
  const outcome = page.getByRole("region", { name: "Decision outcome" });
  await expect(outcome.getByText(/the team chose otherwise because/)).toContainText(
    "because the team knows Django well",
  );
  await expect(outcome.locator("strong", { hasText: /^Django$/ })).toBeVisible();
  await expect(outcome.locator("em", { hasText: "today" })).toBeVisible();
  await expect(outcome).not.toContainText("**");
  await expect(outcome).not.toContainText("_today_");
  const said = page.getByRole("region", { name: "What members said" });
  await expect(said.locator("strong")).toHaveText("bursts");
  await expect(said).not.toContainText("**");
  // The revision list shows each revision's rationale the same way.
  const revision = page.locator("details", { hasText: "Show this revision" }).first();
  await revision.locator("summary").click();
  await expect(revision.locator("strong", { hasText: "handlers" })).toBeVisible();
  await expect(revision).not.toContainText("**");
  await expectCleanAndNarrow(page, "record page with reasons");

  // The draft, accepted, says the override reason the same way.
  await page.goto(`${url}/draft`);
  await expect(page.getByTestId("draft-status")).toHaveText("Accepted");
  await expect(page.locator("em", { hasText: "today" })).toBeVisible();
});

test("an image from another site shows as a link with its description; the app's own images show", async ({
  alice: owner,
  soloDrf,
}) => {
  const { projectId, url } = soloDrf;
  const context = [
    "The current flow: ![sequence diagram](https://example.com/flow.png)",
    "",
    "![Tradeoff icon](/icon.svg)",
  ].join("\n");
  await mutate(owner.context.request, "project.update", { projectId, context });
  const page = owner.page;
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      blocked.push(message.text());
  });
  await page.goto(url);
  const shown = page.getByTestId("project-context");
  // The other site's image: a link that says what it is and where it goes, not a broken image.
  const link = shown.getByRole("link", { name: "Image: sequence diagram (example.com)" });
  await expect(link).toHaveAttribute("href", "https://example.com/flow.png");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(shown.locator('img[src^="https://"]')).toHaveCount(0);
  // The app's own image loads.
  const own = shown.getByRole("img", { name: "Tradeoff icon" });
  await expect(own).toHaveAttribute("src", "/icon.svg");
  await expect
    .poll(() => own.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
  expect(blocked, "images the Content-Security-Policy refused").toEqual([]);
  await expectCleanAndNarrow(page, "project page with images");
});
