import type { Page } from "@playwright/test";
import {
  mutate,
  person,
  recordOverApi,
  teamWithDrfProject,
  voteOverApi,
} from "../support/decisions";
import { expect, test } from "../support/fixtures";

test.setTimeout(90_000);

// Each payload sets window.__owned (or opens a dialog) if the page ever runs it.
const TITLE = '<img src=x onerror="window.__owned=1"> *Pick* [it](javascript:window.__owned=1)';
const RATIONALE =
  '<script>window.__owned=1</script> it is <b onmouseover="window.__owned=1">typed</b>; see [docs](javascript:alert(1))';
const CONSEQUENCE = '<svg onload="window.__owned=1"></svg> # not a heading';
const COMMENT = [
  "**bold stays**",
  "<script>window.__owned=1</script>",
  '<img src=x onerror="window.__owned=1">',
  "[click](javascript:window.__owned=1) [data](data:text/html,<script>alert(1)</script>)",
  "![pixel](javascript:alert(1))",
  "[chat](xmpp:someone@evil.example) [irc](irc://evil.example/room) [safe](https://example.com/docs)",
  '<a href="javascript:alert(1)" onclick="window.__owned=1">raw link</a>',
].join("\n\n");

/** The few DOM shapes the check reads (this package compiles without the DOM library). */
type Attr = { name: string; value: string };
type El = { tagName: string; outerHTML: string; attributes: ArrayLike<Attr> };
type Win = { __owned?: unknown; document: { querySelectorAll(selector: string): ArrayLike<El> } };

/** Attributes a page must never carry from typed text: handlers and script-bearing URLs. */
async function activeContent(page: Page) {
  return page.evaluate(() => {
    const win = globalThis as unknown as Win;
    const found: string[] = [];
    for (const el of Array.from(win.document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`<${el.tagName} ${attr.name}>`);
        if (
          /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attr.value)
        )
          found.push(`<${el.tagName} ${attr.name}="${attr.value}">`);
      }
    }
    // Typed <script>, <img> and <svg> elements (the framework's own scripts carry the text as data).
    for (const el of Array.from(
      win.document.querySelectorAll("main script, img[src='x'], svg[onload]"),
    ))
      found.push(el.outerHTML);
    if (win.__owned !== undefined) found.push("window.__owned set");
    return found;
  });
}

test("hostile titles, rationales and comments render as text, never as script or attributes", async ({
  browser,
}) => {
  const owner = await person(browser, "hostile-owner");
  const { projectId, url, first } = await teamWithDrfProject(owner, [], { title: TITLE });
  await voteOverApi(owner.context.request, projectId, {
    [first.key]: { weight: 4, scores: { drf: 2, fastapi: 5 }, rationale: RATIONALE },
  });
  await mutate(owner.context.request, "comment.create", { projectId, body: COMMENT });

  const page = owner.page;
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });

  // The discussion renders the comment's markdown, sanitised.
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await page.getByRole("tab", { name: "Discussion" }).click();
  const comments = page.getByTestId("comments");
  await expect(comments.locator("strong", { hasText: "bold stays" })).toBeVisible();
  await expect(comments.getByText("click")).toBeVisible();
  // Only the http(s) link keeps its address.
  await expect(comments.locator("a[href]")).toHaveCount(1);
  await expect(comments.locator('a[href="https://example.com/docs"]')).toHaveText("safe");
  // The image with an unsafe address keeps its alt text and loses its address.
  await expect(comments.locator("script, svg, img[src]")).toHaveCount(0);
  expect(await activeContent(page)).toEqual([]);

  await recordOverApi(owner, projectId, RATIONALE, {
    consequences: { good: [CONSEQUENCE], neutral: [], bad: [] },
    decisionMakers: [{ name: '"><img src=x onerror=alert(1)>' }],
  });
  // The record renders its Markdown as the discussion does: typed HTML is left out, never run,
  // and a link to a script keeps its words without its address.
  await page.goto(`${url}/record`);
  const chosen = page.getByTestId("chosen-option");
  await expect(chosen).toContainText("Chosen option: FastAPI, because");
  await expect(chosen.locator("script, b, a[href]")).toHaveCount(0);
  const consequences = page.getByRole("region", { name: "Consequences" });
  await expect(consequences.getByRole("listitem")).toHaveText("Good, because # not a heading");
  await expect(consequences.locator("li :is(h1, h2, h3, h4, h5, h6, svg)")).toHaveCount(0);
  // The members' reasons are Markdown as well, rendered the same way.
  const said = page.getByRole("region", { name: "What members said" });
  await expect(said.getByRole("listitem")).toContainText(`${owner.user.name} on ${first.name}: “`);
  await expect(said.locator("script, b, a[href]")).toHaveCount(0);
  await expect(said).not.toContainText("<script>");
  expect(await activeContent(page)).toEqual([]);
  expect(dialogs).toBe(0);
  await owner.context.close();
});
