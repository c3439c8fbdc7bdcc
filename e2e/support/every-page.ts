import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { baseURL } from "../playwright.config";
import {
  createFromTemplate,
  mutate,
  type Person,
  person,
  recordAndShare,
  teamWithDrfProject,
  voteOverApi,
} from "./decisions";

/** A page of the product, reached as `as` (the team's owner, or someone signed out). */
export type ProductPage = {
  name: string;
  path: string;
  as: "owner" | "signed-out";
  /** After the page loads: wait for what makes it complete, or open the view under test. */
  ready?: (page: Page) => Promise<void>;
};

export type EveryPage = {
  owner: Person;
  /** A member of the owner's team (not its owner). */
  teammate: Person;
  team: { id: string; slug: string };
  /** The decision open for voting, with teammates' votes. */
  openProjectId: string;
  signedOut: BrowserContext;
  pages: ProductPage[];
  close: () => Promise<void>;
};

/** Ready when the page's main heading shows. */
export const heading = (page: Page) =>
  expect(page.getByRole("heading", { level: 1 })).toBeVisible();

/**
 * A team as a new user would have it after a week: an ordinary team name, a decision open for
 * voting with teammates' votes, a recorded one with a share link, a draft, an invitation and an
 * access token; and every page of the product that shows them.
 */
export async function everyPage(browser: Browser): Promise<EveryPage> {
  const owner = await person(browser, "owner", "Priya Natarajan-Whitfield");
  const teammate = await person(browser, "teammate", "Ben Okafor");
  const open = await teamWithDrfProject(owner, [teammate], {
    // An ordinary team name, as long as real ones are (a suffix keeps parallel runs apart).
    teamName: `Payments Platform Engineering ${Math.random().toString(36).slice(2, 4)}`,
    title: "Which API framework for the billing service?",
  });
  const [first, second] = open.template.criteria;
  if (!first || !second) throw new Error("The built-in template has fewer than two criteria.");
  await voteOverApi(teammate.context.request, open.projectId, {
    [first.key]: {
      weight: 5,
      scores: { drf: 2, fastapi: 5 },
      rationale: "Webhooks arrive in bursts of thousands a second.",
    },
    [second.key]: { weight: 3, scores: { drf: 3, fastapi: 4 } },
  });
  await voteOverApi(owner.context.request, open.projectId, {
    [first.key]: { weight: 4, scores: { drf: 2, fastapi: 4 } },
  });
  await mutate(owner.context.request, "comment.create", {
    projectId: open.projectId,
    body: "Can we benchmark the webhook path before we decide?",
  });

  const { template, team } = open;
  const newProject = (title: string) =>
    createFromTemplate(owner.context.request, team.id, template, { title, votingMode: "OPEN" });
  const decided = await newProject("Which API framework for the notifications service?");
  await mutate(owner.context.request, "project.open", { projectId: decided.id });
  await voteOverApi(owner.context.request, decided.id, {
    [first.key]: { weight: 5, scores: { drf: 2, fastapi: 5 } },
  });
  // One criterion of the template scored: a provisional result, recorded knowingly.
  const share = await recordAndShare(owner, decided.id);
  const draft = await newProject("Which queue for background jobs?");
  const invitation = await mutate<{ token: string }>(owner.context.request, "invitation.create", {
    teamId: team.id,
    role: "MEMBER",
    email: "",
  });
  await mutate(owner.context.request, "token.create", { name: "Laptop CLI" });

  const t = `/t/${team.slug}`;
  const pages: ProductPage[] = [
    { name: "welcome", path: "/", as: "signed-out", ready: heading },
    { name: "sign-in", path: "/sign-in", as: "signed-out", ready: heading },
    { name: "sign-up", path: "/sign-up", as: "signed-out", ready: heading },
    {
      name: "invitation",
      path: `/invite/${invitation.token}`,
      as: "signed-out",
      ready: heading,
    },
    { name: "share-view", path: share.path, as: "signed-out", ready: heading },
    { name: "team-new", path: "/teams/new", as: "owner", ready: heading },
    { name: "start", path: "/start", as: "owner", ready: heading },
    { name: "project-list", path: t, as: "owner", ready: heading },
    { name: "project-new", path: `${t}/new`, as: "owner", ready: heading },
    { name: "team-settings", path: `${t}/settings`, as: "owner", ready: heading },
    {
      name: "members",
      path: `${t}/members`,
      as: "owner",
      ready: async (page) => {
        await expect(page.getByTestId("pending-invitation")).toHaveCount(1);
        // With the invitation form open, as an admin sees it after pressing Invite.
        await page.getByRole("button", { name: "Invite", exact: true }).click();
        await expect(page.getByRole("button", { name: "Create invitation" })).toBeVisible();
      },
    },
    {
      name: "ballot-and-recommendation",
      path: open.url,
      as: "owner",
      ready: (page) => expect(page.getByTestId("winner")).toBeVisible(),
    },
    {
      name: "history",
      path: open.url,
      as: "owner",
      ready: async (page) => {
        await page.getByRole("tab", { name: "History" }).click();
        await expect(page.getByRole("tab", { name: "History" })).toHaveAttribute(
          "aria-selected",
          "true",
        );
        await page.waitForLoadState("networkidle");
      },
    },
    {
      name: "discussion",
      path: open.url,
      as: "owner",
      ready: async (page) => {
        await page.getByRole("tab", { name: "Discussion" }).click();
        await page.waitForLoadState("networkidle");
      },
    },
    { name: "draft", path: `${t}/p/${draft.id}`, as: "owner", ready: heading },
    { name: "draft-edit", path: `${t}/p/${draft.id}/edit`, as: "owner", ready: heading },
    {
      name: "record",
      path: `${t}/p/${decided.id}/record`,
      as: "owner",
      ready: (page) => expect(page.getByTestId("chosen-option")).toBeVisible(),
    },
    { name: "account", path: "/account", as: "owner", ready: heading },
    { name: "access-tokens", path: "/account/tokens", as: "owner", ready: heading },
  ];
  return readAs(browser, { owner, teammate, team, openProjectId: open.projectId }, pages);
}

/**
 * `pages`, to read as the team's owner or signed out (in a browser of its own); `close` closes
 * the owner's, the teammate's and the signed-out browser.
 */
export async function readAs(
  browser: Browser,
  people: Pick<EveryPage, "owner" | "teammate" | "team" | "openProjectId">,
  pages: ProductPage[],
): Promise<EveryPage> {
  const signedOut = await browser.newContext({ baseURL });
  return {
    ...people,
    signedOut,
    pages,
    close: async () => {
      await signedOut.close();
      await people.owner.context.close();
      await people.teammate.context.close();
    },
  };
}

/** Opens a product page in its own tab, as whom it is meant for, and waits until it is complete. */
export async function openPage(
  every: EveryPage,
  target: ProductPage,
  viewport?: { width: number; height: number },
) {
  const context = target.as === "owner" ? every.owner.context : every.signedOut;
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript({ content: WATCH_LAYOUT_SHIFTS });
  const response = await page.goto(target.path);
  expect(response?.status(), `${target.name} (${target.path})`).toBeLessThan(400);
  await target.ready?.(page);
  return page;
}

/**
 * Records every time part of the page moved on its own between its load and the reader's first
 * press or key (the browser's layout-shift entries), with what moved and by how much: a list or
 * a bar arriving late and pushing what the reader was about to press. Moves under a pixel (a
 * line box rounding) are not kept. Not counted: what moves while the document is still
 * arriving, and what a press brings (a tab's content loading in place of its placeholder),
 * unless `watchLayoutShiftsAgain` starts the count over after that press.
 *
 * The document has arrived once the frame after its load event is painted. On a busy machine
 * the browser paints a half-parsed page (a header with only some of its buttons), and when the
 * rest is parsed and the load event fires before the next frame, that frame shows the rest in
 * place: a move of the document's own arrival, which depends on timing, not on the page. The
 * count starts after that frame.
 */
const WATCH_LAYOUT_SHIFTS = `(() => {
  const moves = (window.__tradeoffLayoutShifts = []);
  let loadedAt = Infinity;
  let pressedAt = Infinity;
  window.__tradeoffWatching = false;
  const watchFromNow = () => { loadedAt = performance.now(); window.__tradeoffWatching = true; };
  // From the frame after the one painted after the load event: see above.
  addEventListener("load", () => requestAnimationFrame(() => requestAnimationFrame(watchFromNow)));
  // watchLayoutShiftsAgain: what moves from now until the next press, forgetting what came before.
  window.__tradeoffWatchAgain = () => { moves.length = 0; watchFromNow(); pressedAt = Infinity; };
  for (const type of ["pointerdown", "keydown"])
    addEventListener(type, () => { pressedAt = Math.min(pressedAt, performance.now()); }, true);
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return String(node && node.nodeName);
    const text = (node.getAttribute("aria-label") || node.textContent || "").trim().replace(/\\s+/g, " ");
    return node.tagName.toLowerCase() + (node.dataset.testid ? "[" + node.dataset.testid + "]" : "") + ' "' + text.slice(0, 40) + '"';
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime < loadedAt || entry.startTime > pressedAt) continue;
      for (const source of entry.sources || []) {
        const dx = source.currentRect.x - source.previousRect.x;
        const dy = source.currentRect.y - source.previousRect.y;
        if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue;
        moves.push(describe(source.node) + " moved " + Math.round(dx) + "," + Math.round(dy) + " px at " + Math.round(entry.startTime) + " ms");
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
})()`;

/** What moved on `page` without the reader asking, since it was opened by `openPage`. */
export async function layoutShifts(page: Page): Promise<string[]> {
  // A count that never started would pass whatever the page did.
  await expect
    .poll(() => page.evaluate("window.__tradeoffWatching === true"), {
      message: `the count of moves on ${page.url()} started after its load`,
    })
    .toBe(true);
  return page.evaluate("window.__tradeoffLayoutShifts ?? []") as Promise<string[]>;
}

/**
 * Starts `page`'s count of moves over from now (after a press that opens a view, say) until the
 * next press: what the view's content does as it arrives, in place of its placeholder.
 */
export async function watchLayoutShiftsAgain(page: Page) {
  await page.evaluate("window.__tradeoffWatchAgain()");
}
