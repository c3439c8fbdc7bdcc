import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { seriousViolations, WITH_VOICE_CONTROL } from "../support/axe";
import { mutate } from "../support/decisions";
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

/** How far the page reaches past the window's right edge, in pixels. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    // The page's DOM as this measure uses it (the specs compile without the DOM library).
    const { document, window } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      window: { innerWidth: number };
    };
    return document.documentElement.scrollWidth - window.innerWidth;
  });

async function expectCleanAndNarrow(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).options(WITH_VOICE_CONTROL).analyze();
  expect(seriousViolations(results), where).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflow(page), `${where} at 390 px`).toBeLessThanOrEqual(0);
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

  await mutate(request, "record.decide", {
    projectId,
    chosenOptionKey: "fastapi",
    rationale: "its **async** core keeps up",
    consequences: { good: ["we keep `pydantic` models"], neutral: [], bad: [] },
    decisionMakers: [{ name: owner.user.name }],
    confirmProvisional: true,
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
