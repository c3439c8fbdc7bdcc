import type { Locator, Page } from "@playwright/test";
import {
  createFromTemplate,
  decideOverApi,
  mutate,
  openInNewTeam,
  person,
  recordOverApi,
  voteOverApi,
} from "../support/decisions";
import { everyPage, layoutShifts, openPage } from "../support/every-page";
import { signInOverHttp } from "../support/fixtures";
import { sidewaysScroll } from "../support/layout";
import { expect, test } from "../support/members";
import { createTeamOverApi, inviteOverApi } from "../support/teams";

// The page's DOM as the measuring code below uses it (these tests compile without the DOM library).
type Box = { right: number; width: number; height: number };
type Node = {
  tagName: string;
  scrollWidth: number;
  clientWidth: number;
  children: { length: number };
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelector(selector: string): Node | null;
};
declare const document: {
  documentElement: { scrollWidth: number; scrollHeight: number };
  body: Node & { querySelectorAll(selector: string): Iterable<Node> };
  querySelectorAll(selector: string): Iterable<Node>;
};
declare const window: { innerWidth: number };

/** Phone widths: an iPhone 12–15 (390 x 844) and the narrowest common Android (360). */
const PHONE = { width: 390, height: 844 };
const PHONES = [PHONE, { width: 360, height: 780 }];
/** A laptop's screen: what a phone fix must leave as it was, or fix there too. */
const DESKTOP = { width: 1280, height: 900 };

/** Opens `path` in `page` at each of `viewports` in turn, for the loop's body to measure. */
async function* openedAt(page: Page, path: string, viewports: { width: number; height: number }[]) {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    yield viewport;
  }
}

for (const viewport of PHONES) {
  test(`every page fits a ${viewport.width} px wide phone without sideways scrolling or moving once painted`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    const every = await everyPage(browser);
    const measured: Record<string, { scrollWidth: number; height: number }> = {};
    for (const target of every.pages) {
      const page = await openPage(every, target, viewport);
      // Lazy parts (charts, menus' code) arrive after the page is complete.
      await page.waitForLoadState("networkidle");
      const size = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        height: document.documentElement.scrollHeight,
        // What sticks out, innermost first: names the culprit when the page is too wide.
        wide: [...document.body.querySelectorAll("*")]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .filter((el) => el.querySelector("*") === null || el.children.length === 0)
          .slice(0, 5)
          .map((el) =>
            `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`.slice(0, 120),
          ),
        // Controls a finger presses: buttons, tabs and the choices of a score.
        small: [...document.querySelectorAll("button, [role=tab], label:has(> input[type=radio])")]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && box.height < 44;
          })
          .map((el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)),
        // People's names and addresses in the member and invitation lists, cut off ("Nin…").
        clipped: [
          ...document.querySelectorAll(
            "[data-testid=member-row] div, [data-testid=pending-invitation] div",
          ),
        ]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => (el.textContent ?? "").trim()),
      }));
      expect.soft(size.clipped, `${target.name}: names cut off`).toEqual([]);
      measured[target.name] = { scrollWidth: size.scrollWidth, height: size.height };
      // Nothing jumps under a thumb as the page comes alive (a list loading, the live bar).
      expect.soft(await layoutShifts(page), `${target.name}: moved once painted`).toEqual([]);
      expect.soft(size.small, `${target.name}: controls under 44 px tall`).toEqual([]);
      await testInfo.attach(`${target.name} at ${viewport.width} px`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: "image/png",
      });
      expect
        .soft(
          size.scrollWidth,
          `${target.name} (${target.path}) scrolls sideways: ${size.wide.join(" | ")}`,
        )
        .toBeLessThanOrEqual(size.innerWidth);
      await page.close();
    }
    await testInfo.attach(`page sizes at ${viewport.width} px`, {
      body: JSON.stringify(measured, null, 2),
      contentType: "application/json",
    });
    console.log(`page sizes at ${viewport.width} px`, JSON.stringify(measured));
    await every.close();
  });
}

test("a long link in a reason, a comment or a record wraps on a phone instead of widening the page", async ({
  alice: owner,
  soloDrf,
}) => {
  const { projectId, url, first } = soloDrf;
  // A link as people paste them: one long word with no space to break at.
  const link =
    "https://github.com/example-org/billing-service/blob/main/docs/benchmarks/webhook_ingest_under_load_with_pgbouncer_2026.md";
  await voteOverApi(owner.context.request, projectId, {
    [first.key]: { weight: 4, scores: { drf: 2, fastapi: 5 }, rationale: `See ${link}` },
  });
  await mutate(owner.context.request, "comment.create", { projectId, body: `Numbers: ${link}` });
  await recordOverApi(owner, projectId, `its async core keeps up, see ${link}`, {
    consequences: { good: [link], neutral: [], bad: [] },
  });

  const page = owner.page;
  await page.setViewportSize(PHONE);
  await page.goto(`${url}/record`);
  await expect(page.getByTestId("chosen-option")).toContainText(link);
  expect(await sidewaysScroll(page), "record page").toBeLessThanOrEqual(0);

  await page.goto(url);
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByText(`“See ${link}”`)).toBeVisible();
  expect(await sidewaysScroll(page), "history").toBeLessThanOrEqual(0);

  await page.getByRole("tab", { name: "Discussion" }).click();
  await expect(page.getByTestId("comments")).toContainText(link);
  expect(await sidewaysScroll(page), "discussion").toBeLessThanOrEqual(0);
});

test("the button that joins a team with a long name fits a phone", async ({ browser }) => {
  const owner = await person(browser, "phone-inviter");
  const invitee = await person(browser, "phone-invitee");
  // As long as a team name may be, in ordinary words.
  const name = "Payments and Billing Platform Engineering, Europe West and Nordics";
  const team = await createTeamOverApi(owner.context.request, name);
  const invitation = await inviteOverApi(owner.context.request, team.id);

  const page = invitee.page;
  await page.setViewportSize(PHONE);
  await page.goto(invitation.path);
  const join = page.getByRole("button", { name: `Join ${name}` });
  await expect(join).toBeVisible();
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await join.click();
  await expect(page).toHaveURL(`/t/${team.slug}`);
  await owner.context.close();
  await invitee.context.close();
});

test("long option names on the totals chart stay apart on a phone", async ({ alice: owner }) => {
  // Names as long as options may have, in ordinary words.
  const options = [
    {
      key: "batch",
      name: "Keep nightly batch reconciliation jobs on the existing cron infrastructure",
    },
    {
      key: "stream",
      name: "Streaming reconciliation with Kafka Streams and exactly-once processing",
    },
  ];
  const { projectId, url } = await openInNewTeam(owner, [], "Payments", {
    title: "How should payments reconciliation run?",
    context: "",
    options: options.map((o) => ({ ...o, description: "" })),
    criteria: [{ key: "on-call", name: "Load on the on-call engineers", defaultWeight: 3 }],
    votingMode: "OPEN",
  });
  await voteOverApi(owner.context.request, projectId, {
    "on-call": { weight: 4, scores: { batch: 2, stream: 5 } },
  });

  const page = owner.page;
  await page.setViewportSize(PHONE);
  await page.goto(url);
  // The chart drawn above the totals table, in the same box.
  const chartAndTable = page.getByTestId("totals").locator("..");
  const names = chartAndTable.locator(".recharts-yAxis-tick-labels text");
  await expect(names).toHaveCount(2);
  const [upper, lower] = await names.evaluateAll((texts) =>
    texts.map((text) => {
      type Drawn = { getBoundingClientRect(): { top: number; bottom: number } };
      const box = (text as unknown as Drawn).getBoundingClientRect();
      return { top: box.top, bottom: box.bottom };
    }),
  );
  expect(upper && lower, "both names are drawn").toBeTruthy();
  expect(upper?.bottom ?? 0, "the first name ends above the second").toBeLessThanOrEqual(
    lower?.top ?? 0,
  );
  // The table beside the chart names each option in full.
  await expect(page.getByTestId("totals")).toContainText(options[0]?.name ?? "");
});

test("on a phone, the recommendation is one link away from the top of the ballot", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await page.setViewportSize(PHONE);
  await page.goto(soloDrf.url);
  // Every criterion's card comes first on a phone: the results start far below the screen.
  const results = page.locator("#team-results");
  await expect(results).not.toBeInViewport();
  const jump = page.getByTestId("jump-to-results");
  await expect(jump).toBeInViewport();
  await jump.click();
  await expect(results).toBeInViewport();
  await expect(results).toBeFocused();
  // On a wide screen the results sit beside the ballot, and the link is not there.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(jump).toBeHidden();
});

test("on a phone, a decision's buttons fill each row they wrap onto, the menu's button named on screen", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  const more = page.getByRole("button", { name: "More actions", exact: true });
  const actions = [
    page.getByRole("link", { name: "Record the decision", exact: true }),
    page.getByRole("button", { name: "Start the record draft", exact: true }),
    page.getByRole("button", { name: "Close voting", exact: true }),
    more,
  ];
  for await (const viewport of openedAt(page, soloDrf.url, [...PHONES, DESKTOP])) {
    const boxes = [];
    for (const action of actions) {
      await expect(action).toBeVisible();
      const box = await action.boundingBox();
      if (box) boxes.push(box);
    }
    const rows = new Map<number, number>();
    for (const box of boxes) {
      const row = Math.round(box.y);
      rows.set(row, Math.max(rows.get(row) ?? 0, box.x + box.width));
    }
    if (viewport.width >= 640) {
      // Wide, the buttons keep their own sizes on one row, the menu's an icon.
      expect(rows.size, `rows at ${viewport.width} px`).toBe(1);
      await expect(more).not.toContainText("More", { useInnerText: true });
      continue;
    }
    // Every row ends at the same place: none is left with one button by itself at the start.
    const ends = [...rows.values()].map(Math.round);
    expect(rows.size, `rows at ${viewport.width} px`).toBeGreaterThan(1);
    expect(new Set(ends).size, `row ends at ${viewport.width} px: ${ends.join(", ")}`).toBe(1);
    await expect(more).toContainText("More", { useInnerText: true });
  }
});

/** For each row of the table named `label`: how far each cell's words stand from the next cell's, in px. */
const CELL_GAPS = (label: string) => `(() => {
  const table = document.querySelector('table[aria-label="${label}"]');
  const rows = [...table.querySelectorAll("tr")];
  const words = (cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const boxes = [...range.getClientRects()].filter((box) => box.width > 1);
    if (boxes.length === 0) return null;
    return { left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)) };
  };
  const gaps = [];
  for (const row of rows) {
    const cells = [...row.children].map(words).filter(Boolean);
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) gaps.push(Math.round(cells[i].left - cells[i - 1].right));
    }
  }
  return { gaps };
})()`;

test("on a phone, the sessions and access tokens tables keep their columns apart, each button in reach", async ({
  browser,
}) => {
  const owner = await person(browser, "phone-tables", "Priya Natarajan-Whitfield");
  // A second device, so the list has a session to sign out, and a token to revoke.
  const laptop = await browser.newContext();
  await signInOverHttp(laptop.request, owner.user);
  await mutate(owner.context.request, "token.create", { name: "Laptop CLI" });
  const page = owner.page;
  await page.setViewportSize(PHONE);

  for (const { path, label, button } of [
    { path: "/account", label: "Active sessions", button: /^Sign out / },
    { path: "/account/tokens", label: "Your access tokens", button: /^Revoke / },
  ]) {
    await page.goto(path);
    const table = page.getByRole("table", { name: label });
    const press = table.getByRole("button", { name: button });
    await expect(press).toBeAttached();
    const measured = (await page.evaluate(CELL_GAPS(label))) as { gaps: number[] };
    // Neighbouring columns' words never run into each other ("127.0.0.1Dec 6, 2026").
    expect(Math.min(...measured.gaps), `${label}: columns touching`).toBeGreaterThanOrEqual(8);
    // The table scrolls in its own box, not the page, and the button can be brought on screen.
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await press.scrollIntoViewIfNeeded();
    const box = await press.boundingBox();
    expect(box && box.x + box.width, `${label}: its button`).toBeLessThanOrEqual(PHONE.width);
  }
  await laptop.close();
  await owner.context.close();
});

test("on a phone, a folded criterion of the ballot shows every score it holds, not cut off", async ({
  alice: owner,
  soloDrf,
}) => {
  const { projectId, url, first } = soloDrf;
  await voteOverApi(owner.context.request, projectId, {
    [first.key]: { weight: 4, scores: { drf: 2, fastapi: 4 } },
  });
  const page = owner.page;
  await page.setViewportSize(PHONE);
  await page.goto(url);
  const summary = page.getByText("Importance 4 · Django REST Framework 2 · FastAPI 4", {
    exact: true,
  });
  await expect(summary).toBeVisible();
  const cut = await summary.evaluate((element) => {
    const box = element as unknown as Node;
    return box.scrollWidth - box.clientWidth;
  });
  expect(cut, "px of the scores hidden past the end of the line").toBeLessThanOrEqual(0);
});

test("every page fits a 320 px wide phone without sideways scrolling, and the team's name shows in full", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const every = await everyPage(browser);
  for (const target of every.pages) {
    const page = await openPage(every, target, { width: 320, height: 568 });
    await page.waitForLoadState("networkidle");
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wide: [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((el) => el.children.length === 0)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`.slice(0, 120)),
      // The team switcher's words, as long as the team's name ("Payments Platform Engi…").
      teamName: [...document.querySelectorAll("button[aria-label$=': Switch team'] span")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => (el.textContent ?? "").trim()),
    }));
    expect
      .soft(
        size.scrollWidth,
        `${target.name} (${target.path}) scrolls sideways: ${size.wide.join(" | ")}`,
      )
      .toBeLessThanOrEqual(size.innerWidth);
    expect.soft(size.teamName, `${target.name}: the team's name cut off`).toEqual([]);
    await page.close();
  }
  await every.close();
});

/** The spacing a reader may set for legibility (WCAG 1.4.12), applied to every element. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

/** `page` on the ballot of `url` at `viewport`, once the ballot shows. */
async function ballotAt(page: Page, url: string, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.goto(url);
  await expect(page.getByTestId("ballot-progress")).toBeVisible();
  return page;
}

test("the ballot fits a 375 px phone with the text spacing a reader may set", async ({
  alice,
  soloDrf,
}) => {
  const page = await ballotAt(alice.page, soloDrf.url, { width: 375, height: 667 });
  await page.addStyleTag({ content: TEXT_SPACING });
  expect(
    await sidewaysScroll(page),
    "px scrolled sideways at 375 px with text spacing",
  ).toBeLessThanOrEqual(0);
});

test("at 400% zoom (320 x 200) the ballot does not scroll sideways, and nothing sticky hides what has focus", async ({
  alice,
  soloDrf,
}) => {
  // A 1280 x 800 screen at 400% zoom: 320 x 200 CSS px.
  const page = await ballotAt(alice.page, soloDrf.url, { width: 320, height: 200 });
  expect
    .soft(await sidewaysScroll(page), "px scrolled sideways at 400% zoom")
    .toBeLessThanOrEqual(0);
  // Tab through the ballot: what has focus is never under something that stays put on screen
  // (a sticky header or bar). Going back, the browser brings each control in at the top.
  const covered: string[] = [];
  await page.getByTestId("ballot-progress").locator("button").last().focus();
  for (const key of [...Array(20).fill("Tab"), ...Array(20).fill("Shift+Tab")] as string[]) {
    await page.keyboard.press(key);
    const hidden = await page.evaluate(() => {
      type El = {
        tagName: string;
        textContent: string | null;
        getBoundingClientRect(): { top: number; bottom: number; left: number; right: number };
        contains(other: unknown): boolean;
        getAttribute(name: string): string | null;
      };
      const doc = document as unknown as {
        activeElement: El | null;
        querySelectorAll(selector: string): Iterable<El>;
      };
      const style = (el: El) =>
        (
          globalThis as unknown as { getComputedStyle(el: El): { position: string } }
        ).getComputedStyle(el).position;
      const focused = doc.activeElement;
      if (!focused) return null;
      const box = focused.getBoundingClientRect();
      for (const el of doc.querySelectorAll("body *")) {
        if (el.contains(focused) || !["sticky", "fixed"].includes(style(el))) continue;
        const over = el.getBoundingClientRect();
        const overlap =
          Math.min(box.bottom, over.bottom) - Math.max(box.top, over.top) > 0 &&
          Math.min(box.right, over.right) - Math.max(box.left, over.left) > 0;
        // Fully under it: nothing of the focused control shows.
        if (overlap && over.top <= box.top && over.bottom >= box.bottom)
          return `${(focused.getAttribute("aria-label") ?? focused.textContent ?? focused.tagName).trim().slice(0, 40)} under ${el.tagName.toLowerCase()}`;
      }
      return null;
    });
    if (hidden) covered.push(hidden);
  }
  expect(covered, "focused controls hidden under a sticky part of the page").toEqual([]);
});

/** Where each of `locators` is drawn: rows, keyed by their top, each with where its last box ends. */
async function rowEnds(locators: Locator[]) {
  const rows = new Map<number, number>();
  for (const locator of locators) {
    await expect(locator).toBeVisible();
    const box = await locator.boundingBox();
    if (!box) continue;
    const row = Math.round(box.y);
    rows.set(row, Math.max(rows.get(row) ?? 0, Math.round(box.x + box.width)));
  }
  return rows;
}

test("on a phone, the team's dashboard fills each row of its buttons and of the finder's fields", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  const main = page.getByRole("main");
  const buttons = [
    main.getByRole("link", { name: "Members", exact: true }),
    main.getByRole("link", { name: "Records folder", exact: true }),
    main.getByRole("link", { name: "New decision", exact: true }),
  ];
  const search = main.getByRole("searchbox", { name: "Find a decision" });
  const filters = [
    main.getByLabel("Status", { exact: true }),
    main.getByLabel("Tag", { exact: true }),
  ];
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}`, [...PHONES, DESKTOP])) {
    const rows = await rowEnds(buttons);
    if (viewport.width >= 640) {
      // Wide, the three buttons keep their own sizes on one row.
      expect(rows.size, `button rows at ${viewport.width} px`).toBe(1);
      continue;
    }
    // No row is left with a button by itself at the start ("New decision" under the others).
    const ends = [...rows.values()];
    expect(rows.size, `button rows at ${viewport.width} px`).toBeGreaterThan(1);
    expect(new Set(ends).size, `button row ends at ${viewport.width} px: ${ends.join(", ")}`).toBe(
      1,
    );
    // The status and tag filters end where the search field above them ends.
    const searchBox = await search.boundingBox();
    const filterEnds = [...(await rowEnds(filters)).values()];
    expect(filterEnds, `filters' row end at ${viewport.width} px`).toEqual([
      Math.round((searchBox?.x ?? 0) + (searchBox?.width ?? 0)),
    ]);
  }
});

/** How many lines tall each element matching `selector` is drawn (its height over its line height). */
const LINES = (
  selector: string,
) => `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) =>
  Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)))`;

test("on a phone and a desktop, the team's audit trail shows each time on one line", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}/settings`, [
    PHONE,
    DESKTOP,
  ])) {
    await expect(page.getByRole("list", { name: "Audit trail" }).locator("time")).not.toHaveCount(
      0,
    );
    const lines = (await page.evaluate(LINES('ol[aria-label="Audit trail"] time'))) as number[];
    // "Dec 7, 2026, 11:09" over "AM" wasted a line on each entry.
    expect(lines, `lines each time takes at ${viewport.width} px: ${lines.join(", ")}`).toEqual(
      lines.map(() => 1),
    );
  }
});

test("on a phone, each criterion the team disagrees on reads on one line above why", async ({
  alice,
  bob,
  drf,
}) => {
  const { first } = drf;
  await voteOverApi(bob.context.request, drf.projectId, {
    [first.key]: { weight: 5, scores: { drf: 2, fastapi: 5 } },
  });
  await voteOverApi(alice.context.request, drf.projectId, {
    [first.key]: { weight: 1, scores: { drf: 4, fastapi: 3 } },
  });
  const page = alice.page;
  await page.setViewportSize(PHONE);
  await page.goto(drf.url);
  const spot = page
    .getByRole("listitem")
    .filter({ hasText: /^Architecture and philosophy fit.*split on how/ });
  const [name, why] = [spot.locator("span").first(), spot.locator("span").nth(1)];
  await expect(name).toHaveText(first.name);
  await expect(why).toContainText("split on how");
  const lines = await name.evaluate((el) => {
    const styles = globalThis as unknown as {
      getComputedStyle(el: unknown): { lineHeight: string };
    };
    const box = (el as unknown as Node).getBoundingClientRect();
    return Math.round(box.height / Number.parseFloat(styles.getComputedStyle(el).lineHeight));
  });
  const [nameBox, whyBox] = [await name.boundingBox(), await why.boundingBox()];
  // Squeezed beside its explanation the name took a word a line ("Architecture / and / …").
  expect(lines, "lines the criterion's name takes").toBe(1);
  expect(
    (nameBox?.y ?? 0) + (nameBox?.height ?? 0),
    `the name (${JSON.stringify(nameBox)}) ends above why (${JSON.stringify(whyBox)})`,
  ).toBeLessThanOrEqual(whyBox?.y ?? 0);
});

test("on a phone, a decision's form keeps each remove button beside a field, not on a row of its own", async ({
  alice: owner,
  soloDrf,
}) => {
  const draft = await createFromTemplate(owner.context.request, soloDrf.team.id, soloDrf.template, {
    title: "Which queue for background jobs?",
  });
  const page = owner.page;
  await page.setViewportSize(PHONE);
  await page.goto(`/t/${soloDrf.team.slug}/p/${draft.id}/edit`);
  for (const [remove, field] of [
    ["Remove option 1", page.getByRole("textbox", { name: "Description" }).first()],
    ["Remove criterion 1", page.getByRole("spinbutton", { name: "Default weight (0–5)" }).first()],
  ] as const) {
    const button = page.getByRole("button", { name: remove, exact: true });
    await expect(button).toBeVisible();
    const [buttonBox, fieldBox] = [await button.boundingBox(), await field.boundingBox()];
    const middle = (buttonBox?.y ?? 0) + (buttonBox?.height ?? 0) / 2;
    expect(middle, `${remove}: its middle, below the field's top`).toBeGreaterThanOrEqual(
      fieldBox?.y ?? 0,
    );
    expect(middle, `${remove}: its middle, above the field's bottom`).toBeLessThanOrEqual(
      (fieldBox?.y ?? 0) + (fieldBox?.height ?? 0),
    );
    expect(buttonBox?.x ?? 0, `${remove}: after the field`).toBeGreaterThanOrEqual(
      (fieldBox?.x ?? 0) + (fieldBox?.width ?? 0),
    );
  }
});

test("on a phone and a desktop, every template's icon keeps its size, whatever the length of its title", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}/new`, [PHONE, DESKTOP])) {
    const icons = page.getByRole("heading", { level: 3 }).locator("svg");
    await expect(icons).not.toHaveCount(0);
    const widths = await icons.evaluateAll((all) =>
      all.map((icon) => Math.round((icon as unknown as Node).getBoundingClientRect().width)),
    );
    // Long titles squeezed their icon (16 px down to 9), each title starting somewhere else.
    expect(widths, `icons' widths at ${viewport.width} px: ${widths.join(", ")}`).toEqual(
      widths.map(() => 16),
    );
  }
});

/** On how many lines the words of each element matching `selector` are drawn (a cell may be taller). */
const TEXT_LINES = (
  selector: string,
) => `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const boxes = [...range.getClientRects()].filter((box) => box.width > 1).sort((a, b) => a.top - b.top);
  // A box starting below the current line's bottom starts a new line (a badge beside a figure does not).
  let lines = 0;
  let bottom = -Infinity;
  for (const box of boxes) {
    if (box.top >= bottom - 2) lines += 1;
    bottom = box.top >= bottom - 2 ? box.bottom : Math.max(bottom, box.bottom);
  }
  return lines;
})`;

/** The left and right edges of `locator`'s box, rounded to the pixel. */
async function edges(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  return { left: Math.round(box?.x ?? 0), right: Math.round((box?.x ?? 0) + (box?.width ?? 0)) };
}

test("on a phone and a desktop, the ballot's progress bar lines up with the criteria's cards", async ({
  alice,
  soloDrf,
}) => {
  for (const viewport of [...PHONES, DESKTOP]) {
    const page = await ballotAt(alice.page, soloDrf.url, viewport);
    const card = page.getByRole("group", { name: /^1\./ });
    // It stood out 4 px past the cards on each side.
    expect(
      await edges(page.getByTestId("ballot-progress")),
      `the bar's edges at ${viewport.width} px`,
    ).toEqual(await edges(card));
  }
});

test("on a phone, the record's result gives each criterion's figure for every option on screen, each on one line", async ({
  alice: owner,
  soloDrf,
}) => {
  await decideOverApi(owner, soloDrf);
  const page = owner.page;
  for await (const viewport of openedAt(page, `${soloDrf.url}/record`, [...PHONES, DESKTOP])) {
    const list = page.getByRole("list", { name: "The team's result, by criterion" });
    const table = page.getByRole("region", { name: "The team's result, by criterion" });
    if (viewport.width >= 640) {
      // Wider screens keep the table (a column per option) and not the list.
      await expect(table.getByRole("columnheader", { name: "FastAPI" })).toBeVisible();
      await expect(list).toBeHidden();
      continue;
    }
    await expect(table).toBeHidden();
    await expect(list.getByText("not scored").first()).toBeVisible();
    // A table of two options left their figures off a phone's screen: each figure (and the
    // totals' "best") now ends inside the screen, and keeps to one line ("not scored" over two
    // lines reads as two entries).
    const ends = (await page.evaluate(
      `[...document.querySelectorAll("[data-testid=record-totals-list] dd")].map((dd) => Math.round(dd.getBoundingClientRect().right))`,
    )) as number[];
    expect(ends.length, "figures: two options for each criterion and the totals").toBe(
      2 * (soloDrf.template.criteria.length + 1),
    );
    expect(
      Math.max(...ends),
      `the figures' right edge at ${viewport.width} px`,
    ).toBeLessThanOrEqual(viewport.width);
    const lines = (await page.evaluate(
      TEXT_LINES("[data-testid=record-totals-list] dd"),
    )) as number[];
    expect(lines, `lines each figure takes at ${viewport.width} px: ${lines.join(", ")}`).toEqual(
      lines.map(() => 1),
    );
    await expect(list.getByRole("definition").filter({ hasText: "best" })).toHaveCount(1);
    expect(await sidewaysScroll(page), "the page scrolls sideways").toBeLessThanOrEqual(0);
  }
});

test("on a phone, the points table keeps inside its card, scrolls in its own box from the keyboard, and its headings do not touch", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  for await (const viewport of openedAt(page, soloDrf.url, PHONES)) {
    await page.getByText("Show as a table", { exact: true }).click();
    const box = page.getByRole("region", { name: "Points per criterion and option" });
    const table = box.getByRole("table", { name: "Points per criterion and option" });
    await expect(table).toBeVisible();
    // The box ends inside the screen (the card's edge and padding beyond it); what is wider
    // scrolls inside the box, never past it.
    const rightEdge = async (locator: typeof box) => {
      const b = await locator.boundingBox();
      return Math.round((b?.x ?? Number.POSITIVE_INFINITY) + (b?.width ?? 0));
    };
    const boxEdge = await rightEdge(box);
    expect(boxEdge, `the box's right edge at ${viewport.width} px`).toBeLessThanOrEqual(
      viewport.width - 16,
    );
    expect(await sidewaysScroll(page), "the page scrolls sideways").toBeLessThanOrEqual(0);
    // The last option's heading is reached from the keyboard, a step per arrow press.
    const last = table.getByRole("columnheader", { name: "FastAPI" });
    await box.focus();
    await expect(async () => {
      await page.keyboard.press("ArrowRight");
      expect(await rightEdge(last)).toBeLessThanOrEqual(boxEdge);
    }).toPass({ timeout: 20_000 });
    // "Django REST Framework" wraps over lines; its last word keeps apart from "FastAPI".
    const gaps = (await page.evaluate(`(() => {
      const cells = [...document.querySelectorAll("table[data-testid=contributions] thead th")];
      const ends = cells.map((th) => { const r = document.createRange(); r.selectNodeContents(th); const rects = [...r.getClientRects()]; return [Math.min(...rects.map((x) => x.left)), Math.max(...rects.map((x) => x.right))]; });
      return ends.slice(1).map(([left], i) => Math.round(left - ends[i][1]));
    })()`)) as number[];
    expect(
      Math.min(...gaps),
      `gaps between headings at ${viewport.width} px: ${gaps.join(", ")}`,
    ).toBeGreaterThanOrEqual(4);
    await page.getByText("Show as a table", { exact: true }).click();
  }
});

test("on a phone, the record's export links fill each row they wrap onto", async ({
  alice: owner,
  soloDrf,
}) => {
  await decideOverApi(owner, soloDrf);
  const page = owner.page;
  for await (const viewport of openedAt(page, `${soloDrf.url}/record`, [...PHONES, DESKTOP])) {
    const exports = page.getByRole("navigation", { name: "Export" });
    const rows = await rowEnds(await exports.getByRole("link").all());
    const ends = [...rows.values()];
    if (viewport.width >= 640) {
      expect(rows.size, `rows at ${viewport.width} px`).toBeLessThanOrEqual(2);
      continue;
    }
    // Every row ends where the list does, none left half empty ("Markdown (MADR)" alone).
    const { right } = await edges(exports);
    expect(ends, `row ends at ${viewport.width} px`).toEqual(ends.map(() => right));
  }
});

test("on a phone, the sign-in and sign-up pages' logo and theme button line up with the card", async ({
  page,
}) => {
  for (const viewport of PHONES) {
    await page.setViewportSize(viewport);
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(path);
      const card = await edges(page.getByRole("main").locator("> div > *").first());
      const logo = await edges(page.getByRole("banner").getByRole("link").first());
      const theme = await edges(page.getByRole("banner").getByRole("button"));
      expect(logo.left, `${path} at ${viewport.width} px: the logo's left edge`).toBe(card.left);
      expect(theme.right, `${path} at ${viewport.width} px: the theme button's right edge`).toBe(
        card.right,
      );
    }
  }
});

test("on a phone, an event's name in the webhook form keeps its code right after its words", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}/settings`, PHONES)) {
    const events = page.getByRole("group", { name: "Events" }).locator("label");
    await expect(events).not.toHaveCount(0);
    const misplaced = await events.evaluateAll((labels) =>
      labels.flatMap((label) => {
        type Rect = { left: number; right: number; top: number; width: number };
        type El = {
          textContent: string | null;
          querySelector(selector: string): El | null;
          getBoundingClientRect(): Rect;
        };
        const doc = document as unknown as {
          createRange(): {
            selectNodeContents(node: unknown): void;
            setStartAfter(node: unknown): void;
            setEndBefore(node: unknown): void;
            getClientRects(): Iterable<Rect>;
          };
        };
        const element = label as unknown as El;
        const code = element.querySelector("span.text-xs");
        if (!code) return [`${element.textContent}: no code`];
        // The words before the code, their last line: the code follows it, or starts the next.
        const words = doc.createRange();
        words.selectNodeContents(label);
        words.setStartAfter(element.querySelector("input"));
        words.setEndBefore(code);
        const rects = [...words.getClientRects()].filter((rect) => rect.width > 1);
        const lastTop = Math.max(...rects.map((rect) => rect.top));
        const lastRight = Math.max(
          ...rects.filter((rect) => rect.top >= lastTop - 1).map((rect) => rect.right),
        );
        const box = code.getBoundingClientRect();
        return box.left <= lastRight + 10 && box.top >= lastTop - 2
          ? []
          : [
              `${code.textContent} at ${Math.round(box.left)}, words end at ${Math.round(lastRight)}`,
            ];
      }),
    );
    // "A deadline is near, ballots / incomplete" had "(deadline.near)" far to its right.
    expect(misplaced, `at ${viewport.width} px`).toEqual([]);
  }
});

test("on a phone, a webhook's address and events take the width of its row, its badge and buttons under them", async ({
  alice: owner,
  soloDrf,
}) => {
  await mutate(owner.context.request, "webhook.create", {
    teamId: soloDrf.team.id,
    url: "https://hooks.example.com/services/T0000/B0000/decisions",
    events: ["project.opened", "project.closed", "decision.recorded"],
    format: "JSON",
  });
  const page = owner.page;
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}/settings`, PHONES)) {
    const webhook = page.getByRole("list", { name: "Webhooks" }).getByRole("listitem");
    const address = await edges(webhook.getByTestId("webhook-url"));
    const badge = await edges(webhook.getByText("On", { exact: true }));
    const send = await edges(webhook.getByRole("button", { name: /^Send test event/ }));
    // Squeezed beside them, the address took a line for every dozen characters.
    expect(badge.left, `the badge's left edge at ${viewport.width} px`).toBe(address.left);
    expect(
      address.right,
      `the address's right edge at ${viewport.width} px`,
    ).toBeGreaterThanOrEqual(send.right);
  }
});

test("on a phone, the dashboard's search field shows its whole placeholder", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}`, PHONES)) {
    const search = page.getByRole("main").getByRole("searchbox", { name: "Find a decision" });
    await expect(search).toHaveAttribute("placeholder", /title/i);
    const room = await search.evaluate((input) => {
      type Style = { font: string; paddingLeft: string; paddingRight: string };
      const field = input as unknown as { clientWidth: number; placeholder: string };
      const style = (
        globalThis as unknown as { getComputedStyle(el: unknown): Style }
      ).getComputedStyle(input);
      const canvas = (
        document as unknown as {
          createElement(tag: "canvas"): {
            getContext(kind: "2d"): {
              font: string;
              measureText(text: string): { width: number };
            };
          };
        }
      )
        .createElement("canvas")
        .getContext("2d");
      canvas.font = style.font;
      const inside =
        field.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight);
      return Math.floor(inside - canvas.measureText(field.placeholder).width);
    });
    // "Words in the title or the problem statement" ran past the end of a 360 px phone's field.
    expect(
      room,
      `px to spare after the placeholder at ${viewport.width} px`,
    ).toBeGreaterThanOrEqual(0);
  }
});

test("with no email server, team settings and the Members page say once, in the same words, that invitations go by hand", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await page.setViewportSize(PHONE);
  await page.goto(`/t/${soloDrf.team.slug}/settings`);
  const invitations = page.getByRole("region", { name: "Invitations" });
  await expect(invitations.getByTestId("invite-no-email")).toBeVisible();
  // Two paragraphs one above the other said it twice in other words.
  await expect(invitations.locator("p").filter({ hasText: /no email/i })).toHaveCount(1);
  // The Members page's form says it in the same words.
  const said = await invitations.getByTestId("invite-no-email").textContent();
  await page.goto(`/t/${soloDrf.team.slug}/members`);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const invite = page.getByRole("region", { name: "Invite people" });
  await expect(invite.getByTestId("invite-no-email")).toHaveText(said ?? "");
  await expect(invite.locator("p").filter({ hasText: /no email/i })).toHaveCount(1);
});

test("on a phone, the dashboard finder's Clear button shares a full row", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  const main = page.getByRole("main");
  const search = main.getByRole("searchbox", { name: "Find a decision" });
  for await (const viewport of openedAt(page, `/t/${soloDrf.team.slug}`, PHONES)) {
    await search.fill("queue");
    const { right } = await edges(search);
    const rows = await rowEnds([
      main.getByLabel("Status", { exact: true }),
      main.getByLabel("Tag", { exact: true }),
      main.getByRole("button", { name: "Clear", exact: true }),
    ]);
    // "Clear" sat alone at the start of its own row.
    const ends = [...rows.values()];
    expect(ends, `row ends at ${viewport.width} px`).toEqual(ends.map(() => right));
  }
});
