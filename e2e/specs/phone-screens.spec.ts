import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { seriousViolations } from "../support/axe";
import {
  createSmallProject,
  mutate,
  person,
  query,
  recordAndShare,
  teammatesCacheDecision,
  teamWithDrfProject,
  voteOverApi,
} from "../support/decisions";
import { type EveryPage, heading, openPage, type ProductPage, readAs } from "../support/every-page";
import { documentWidth, TARGETS_UNDER } from "../support/layout";
import { uniqueName } from "../support/names";

/**
 * The screens a phone reaches beyond the dashboard, project page and ballot: an earlier round
 * compared with this one, the sample decision, a blank decision being written, the record's
 * draft with an approval, the record, the inbox, the account and its access tokens, and a
 * shared record of three options read signed out. Each is checked at the narrowest phone
 * (320 px) and a common one (375 px), in the light and the dark theme.
 */

async function phoneScreens(browser: Browser): Promise<EveryPage> {
  const owner = await person(browser, "owner", "Priya Natarajan-Whitfield");
  const teammate = await person(browser, "teammate", "Ben Okafor");
  const open = await teamWithDrfProject(owner, [teammate], {
    teamName: `Payments Platform Engineering ${Math.random().toString(36).slice(2, 4)}`,
    title: "Which API framework for the billing service?",
  });
  const { team, template, projectId } = open;
  const [first, second] = template.criteria;
  if (!first || !second) throw new Error("The built-in template has fewer than two criteria.");
  const owners = owner.context.request;
  const t = `/t/${team.slug}`;

  // A second round: voted, closed, reopened, voted again; the page compares the two.
  await voteOverApi(teammate.context.request, projectId, {
    [first.key]: { weight: 5, scores: { drf: 2, fastapi: 5 } },
  });
  await mutate(owners, "project.close", { projectId });
  await mutate(owners, "project.reopen", { projectId });
  await voteOverApi(owners, projectId, {
    [first.key]: { weight: 4, scores: { drf: 4, fastapi: 3 } },
    [second.key]: { weight: 3, scores: { drf: 3, fastapi: 4 } },
  });

  const sample = await mutate<{ id: string }>(owners, "project.createSample", { teamId: team.id });

  // Three options with long names, decided, recorded and shared: the record's table is wide.
  const options = [
    { key: "drf", name: "Django REST Framework", description: "" },
    { key: "fastapi", name: "FastAPI", description: "" },
    { key: "litestar", name: "Litestar", description: "" },
  ];
  const decided = await mutate<{ id: string }>(owners, "project.create", {
    teamId: team.id,
    title: "Which API framework for the notifications service?",
    context: "",
    options,
    criteria: template.criteria.map(({ key, name, description, defaultWeight }) => ({
      key,
      name,
      description,
      defaultWeight,
    })),
    votingMode: "OPEN",
  });
  await mutate(owners, "project.open", { projectId: decided.id });
  await voteOverApi(owners, decided.id, {
    [first.key]: { weight: 5, scores: { drf: 2, fastapi: 5, litestar: 4 } },
    [second.key]: { weight: 2, scores: { drf: 4, fastapi: 3, litestar: 3 } },
  });
  // The draft, with the owner named and approving: the review part of the page.
  await mutate(owners, "draft.start", { projectId: decided.id });
  const me = await query<{ id: string }>(owners, "account.get", {});
  await mutate(owners, "draft.updateFields", {
    projectId: decided.id,
    decisionMakers: [{ userId: me.id, name: owner.user.name }],
  });
  await mutate(owners, "draft.review", {
    projectId: decided.id,
    verdict: "APPROVED",
    comment: "Reads well; the benchmark numbers convinced me.",
  });

  const recorded = await mutate<{ id: string }>(owners, "project.create", {
    teamId: team.id,
    title: "Which API framework for the search service?",
    context: "",
    options,
    criteria: [{ key: "ops", name: "Operations", description: "", defaultWeight: 3 }],
    votingMode: "OPEN",
  });
  await mutate(owners, "project.open", { projectId: recorded.id });
  await voteOverApi(owners, recorded.id, {
    ops: { weight: 5, scores: { drf: 2, fastapi: 5, litestar: 4 } },
  });
  // The teammate has not voted: a provisional result, recorded knowingly.
  const share = await recordAndShare(owner, recorded.id);
  await mutate(owners, "token.create", { name: "Laptop CLI" });

  // Notifications for the owner's inbox: a teammate opens a decision.
  await teammatesCacheDecision(teammate, team.id);

  const pages: ProductPage[] = [
    {
      name: "round-comparison",
      path: open.url,
      as: "owner",
      ready: (page) => expect(page.getByText("Compared with round 1")).toBeVisible(),
    },
    {
      name: "sample",
      path: `${t}/p/${sample.id}`,
      as: "owner",
      ready: (page) => expect(page.getByTestId("sample-banner")).toBeVisible(),
    },
    {
      name: "blank-decision",
      path: `${t}/new`,
      as: "owner",
      ready: async (page) => {
        await page.getByRole("button", { name: "Start blank" }).click();
        await expect(page.getByRole("button", { name: "Create decision" })).toBeVisible();
      },
    },
    {
      name: "draft-and-review",
      path: `${t}/p/${decided.id}/draft`,
      as: "owner",
      ready: (page) => expect(page.getByTestId("approval-summary")).toBeVisible(),
    },
    {
      name: "record",
      path: `${t}/p/${recorded.id}/record`,
      as: "owner",
      ready: (page) => expect(page.getByTestId("chosen-option")).toBeVisible(),
    },
    {
      name: "inbox",
      path: "/inbox",
      as: "owner",
      ready: (page) =>
        expect(
          page.getByRole("list", { name: "Notifications" }).getByRole("link").first(),
        ).toBeVisible(),
    },
    { name: "account", path: "/account", as: "owner", ready: heading },
    { name: "access-tokens", path: "/account/tokens", as: "owner", ready: heading },
    { name: "share-view", path: share.path, as: "signed-out", ready: heading },
  ];
  return readAs(browser, { owner, teammate, team, openProjectId: projectId }, pages);
}

/**
 * What is wrong with the page as a phone shows it: how far it scrolls sideways (and what sticks
 * out), the controls a finger presses that are under 24 by 24 px (unless a link in a sentence),
 * words cut off by their box, and, scrolled to the end, what a bar fixed to the bottom of the
 * screen hides.
 */
const PHONE_PROBLEMS = `(async () => {
  ${TARGETS_UNDER}
  const root = document.scrollingElement;
  const overflow = root.scrollWidth - root.clientWidth;
  const describe = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? "[" + el.dataset.testid + "]" : "") +
    ' "' + (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40) + '"';
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.children.length === 0)
    .filter((el) => !el.closest("[data-scrolls]") )
    .slice(0, 4).map(describe);

  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=tab], [role=checkbox], [role=radio], [role=switch], [role=link]';
  const small = targetsUnder(24, SELECTOR).map(([el, box]) =>
    describe(el) + " " + box.width.toFixed(0) + "x" + box.height.toFixed(0));

  // Words cut off: a box that hides what overflows it, holding text wider or taller than itself.
  const clipped = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!["hidden", "clip"].includes(style.overflowX) && style.textOverflow !== "ellipsis") continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2 || !el.textContent.trim()) continue;
    if (!el.checkVisibility()) continue;
    if (el.scrollWidth > el.clientWidth + 1) clipped.push(describe(el));
  }

  // Words drawn over other words: two text runs whose boxes cross by more than a pixel.
  const runs = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (!node.textContent.trim() || !holder || !holder.checkVisibility()) continue;
    if (holder.closest("[aria-hidden=true], script, style, noscript")) continue;
    // Words for screen readers only, in a 1 px clipped box: never drawn.
    const drawn = (el) => { const b = el.getBoundingClientRect(); return b.width > 1 && b.height > 1; };
    let shown = true;
    for (let at = holder; at && at !== document.body; at = at.parentElement)
      if (!drawn(at) && getComputedStyle(at).overflow !== "visible") { shown = false; break; }
    if (!shown) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects())
      if (box.width > 1 && box.height > 1) runs.push({ holder, box, text: node.textContent.trim().slice(0, 30) });
  }
  const overlapping = [];
  for (let i = 0; i < runs.length; i++)
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i], b = runs[j];
      if (a.holder === b.holder) continue;
      const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (x > 1 && y > 2) overlapping.push('"' + a.text + '" over "' + b.text + '"');
    }

  // Scrolled to the end: nothing a reader reads or presses lies under a bar fixed to the bottom.
  root.scrollTop = root.scrollHeight;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const covered = [];
  const bars = [...document.body.querySelectorAll("*")].filter((el) => {
    const position = getComputedStyle(el).position;
    if (position !== "fixed" && position !== "sticky") return false;
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.bottom >= innerHeight - 1 && box.top > innerHeight / 2 && el.checkVisibility();
  });
  for (const bar of bars) {
    const over = bar.getBoundingClientRect();
    for (const el of document.body.querySelectorAll(SELECTOR + ", p, li, h2, h3")) {
      if (bar.contains(el) || el.contains(bar) || !el.checkVisibility()) continue;
      const box = el.getBoundingClientRect();
      if (box.height === 0 || box.width <= 1) continue;
      if (box.top >= over.top && box.bottom <= over.bottom && box.left < over.right && box.right > over.left)
        covered.push(describe(el) + " under " + describe(bar));
    }
  }
  root.scrollTop = 0;
  return { overflow, wide, small, clipped, overlapping: overlapping.slice(0, 5), covered };
})()`;

/**
 * Tabs through the page's first controls and back: each that takes focus and lies wholly under
 * something that stays on screen as the page scrolls (a sticky header or bar), named.
 */
async function focusUnderBars(page: Page): Promise<string[]> {
  const hidden = new Set<string>();
  for (const key of [...Array(30).fill("Tab"), ...Array(30).fill("Shift+Tab")] as string[]) {
    await page.keyboard.press(key);
    const under = (await page.evaluate(`(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return null;
      const box = focused.getBoundingClientRect();
      for (const el of document.querySelectorAll("body *")) {
        if (el.contains(focused) || !["sticky", "fixed"].includes(getComputedStyle(el).position)) continue;
        const over = el.getBoundingClientRect();
        const across = Math.min(box.right, over.right) - Math.max(box.left, over.left) > 0;
        if (across && over.top <= box.top && over.bottom >= box.bottom)
          return (focused.getAttribute("aria-label") || focused.textContent || focused.tagName).trim().slice(0, 40) + " under " + el.tagName.toLowerCase();
      }
      return null;
    })()`)) as string | null;
    if (under) hidden.add(under);
  }
  return [...hidden];
}

type Problems = {
  overflow: number;
  wide: string[];
  small: string[];
  clipped: string[];
  overlapping: string[];
  covered: string[];
};

const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
];

for (const viewport of VIEWPORTS) {
  for (const theme of ["light", "dark"] as const) {
    test(`at ${viewport.width} px in the ${theme} theme, the rounds, sample, blank decision, draft, record, inbox, account, tokens and shared record fit, read and press well`, async ({
      browser,
    }, testInfo) => {
      test.setTimeout(400_000);
      const every = await phoneScreens(browser);
      for (const target of every.pages) {
        const page = await openPage(every, target, viewport);
        await page.screenshot({
          path: testInfo.outputPath(`${target.name}.png`),
          fullPage: true,
        });
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
        await page.waitForLoadState("networkidle");
        const where = `${target.name} at ${viewport.width} px, ${theme}`;
        const found = (await page.evaluate(PHONE_PROBLEMS)) as Problems;
        expect
          .soft(found.overflow, `${where}: px scrolled sideways (${found.wide.join(" | ")})`)
          .toBeLessThanOrEqual(0);
        expect.soft(found.small, `${where}: controls under 24 x 24 px`).toEqual([]);
        expect.soft(found.clipped, `${where}: words cut off`).toEqual([]);
        expect.soft(found.overlapping, `${where}: words over words`).toEqual([]);
        expect.soft(await focusUnderBars(page), `${where}: focus hidden under a bar`).toEqual([]);
        expect.soft(found.covered, `${where}: hidden under a bar`).toEqual([]);
        const axe = await new AxeBuilder({ page }).analyze();
        expect.soft(seriousViolations(axe), `${where}: axe`).toEqual([]);
        await page.close();
      }
      await every.close();
    });
  }
}

test("on a 320 px phone, a shared record of three options gives every option's figures on screen, not in a box to scroll", async ({
  browser,
}) => {
  const owner = await person(browser, "phone-share");
  const team = await mutate<{ id: string }>(owner.context.request, "team.create", {
    name: uniqueName("Search"),
  });
  const project = await createSmallProject(owner.context.request, team.id, {
    title: "Which API framework for the search service?",
    options: [
      ["drf", "Django REST Framework"],
      ["fastapi", "FastAPI"],
      ["litestar", "Litestar"],
    ],
  });
  await mutate(owner.context.request, "project.open", { projectId: project.id });
  await voteOverApi(owner.context.request, project.id, {
    ops: { weight: 5, scores: { drf: 2, fastapi: 5, litestar: 4 } },
  });
  await mutate(owner.context.request, "record.decide", {
    projectId: project.id,
    chosenOptionKey: "fastapi",
    rationale: "It fits our typed, async services.",
    decisionMakers: [{ name: owner.user.name }],
  });
  const share = await mutate<{ path: string }>(owner.context.request, "share.create", {
    projectId: project.id,
  });

  const reader = await browser.newContext({ baseURL, viewport: { width: 320, height: 568 } });
  const page = await reader.newPage();
  await page.goto(share.path);
  const list = page.getByRole("list", { name: "The team's result, by criterion" });
  await expect(page.getByRole("region", { name: "The team's result, by criterion" })).toBeHidden();
  // Each criterion and the totals give all three options' names and figures, Litestar's too,
  // inside the screen's width: nothing to scroll to sideways.
  const totals = list.getByRole("listitem").filter({ hasText: "Total (0 to 100)" });
  await expect(totals.getByRole("term")).toHaveText([
    "Django REST Framework",
    "FastAPI",
    "Litestar",
  ]);
  const cells = list.getByRole("term").or(list.getByRole("definition"));
  await expect(cells).toHaveCount(3 * 2 * 2);
  for (const cell of await cells.all()) {
    const box = await cell.boundingBox();
    expect(box, "a name or figure of the result").not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
  }
  expect(await documentWidth(page), "the page's width at 320 px").toBeLessThanOrEqual(320);
  await reader.close();
  await owner.context.close();
});
