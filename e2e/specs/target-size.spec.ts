import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { describeViolation } from "../support/axe";
import { mutate, openSmallProject, query, teammatesCacheDecision } from "../support/decisions";
import { everyPage, heading, openPage, type ProductPage } from "../support/every-page";
import { TARGETS_UNDER } from "../support/layout";

/**
 * WCAG 2.2 target size (minimum, AA): what a finger presses is at least 24 by 24 CSS pixels,
 * unless it is a link inside a sentence, whose size the line of text around it sets.
 */
const MIN = 24;

/**
 * Every control on the page a finger presses, that is not inline in a sentence, and is smaller
 * than MIN in height or width: "tag "name" W x H" (see TARGETS_UNDER).
 */
const UNDERSIZED = `(() => {
  ${TARGETS_UNDER}
  const SELECTOR = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "[role=button]", "[role=tab]", "[role=checkbox]", "[role=radio]", "[role=switch]",
    "[role=menuitem]", "[role=link]",
  ].join(",");
  const name = (el) =>
    (el.getAttribute("aria-label") || el.textContent || el.getAttribute("placeholder") || el.getAttribute("name") || "")
      .trim().replace(/\\s+/g, " ").slice(0, 50);
  return targetsUnder(${MIN}, SELECTOR).map(([el, box]) =>
    el.tagName.toLowerCase() + ' "' + name(el) + '" ' + box.width.toFixed(1) + " x " + box.height.toFixed(1));
})()`;

test("at 390 px every link, button and field of the signed-in pages is at least 24 by 24 px, unless it sits in a sentence", async ({
  browser,
}) => {
  // About twenty pages, each loaded, settled, measured and analysed, on a small shared machine.
  test.setTimeout(400_000);
  const every = await everyPage(browser);
  const { owner, teammate, team } = every;
  // A deadline for the dashboard's list of deadlines, a tag on the project's header, and a
  // notification in the owner's inbox.
  await mutate(owner.context.request, "project.update", {
    projectId: every.openProjectId,
    deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
  });
  await mutate(owner.context.request, "tag.set", {
    projectId: every.openProjectId,
    tags: ["billing"],
  });
  await teammatesCacheDecision(teammate, team.id);
  // And one whose words fit on one line of the inbox at 390 px: read, so no "Mark read" button
  // shares its line.
  await openSmallProject(teammate.context.request, team.id, {
    title: "Redis?",
    options: [
      ["yes", "Yes"],
      ["no", "No"],
    ],
  });
  const inbox = await query<{ items: { id: string; text: string }[] }>(
    owner.context.request,
    "notification.list",
    { before: null },
  );
  const oneLine = inbox.items.find((item) => item.text.includes('"Redis?"'));
  if (!oneLine) throw new Error('The owner was not told that "Redis?" opened.');
  await mutate(owner.context.request, "notification.markRead", { id: oneLine.id });

  const t = `/t/${team.slug}`;
  const pages: ProductPage[] = [
    ...every.pages.filter((p) => p.as === "owner"),
    {
      name: "inbox",
      path: "/inbox",
      as: "owner",
      ready: async (page) => {
        const link = page
          .getByRole("list", { name: "Notifications" })
          .getByRole("link", { name: oneLine.text });
        await expect(link).toBeVisible();
        // The words fit on one line, the case where the line's height alone sets the link's.
        const box = await link.boundingBox();
        expect(box?.height ?? 0, "the notification's link is one line tall").toBeLessThan(30);
      },
    },
    { name: "records", path: `${t}/records`, as: "owner", ready: heading },
    { name: "notification-settings", path: "/account/notifications", as: "owner", ready: heading },
  ];
  const dashboard = pages.find((p) => p.name === "project-list");
  expect(dashboard, "the dashboard is among the pages").toBeTruthy();

  for (const target of pages) {
    const page = await openPage(every, target, { width: 390, height: 844 });
    await page.waitForLoadState("networkidle");
    if (target === dashboard) {
      await expect(page.getByRole("heading", { name: "Deadlines" })).toBeVisible();
    }
    const undersized = (await page.evaluate(UNDERSIZED)) as string[];
    expect.soft(undersized, `${target.name} (${target.path}): targets under 24 px`).toEqual([]);
    const axe = await new AxeBuilder({ page })
      .withRules(["target-size"])
      .options({ rules: { "target-size": { enabled: true } } })
      .analyze();
    expect
      .soft(axe.violations.map(describeViolation), `${target.name}: axe target-size`)
      .toEqual([]);
    await page.close();
  }
  await every.close();
});

test("at 390 px every link, button and field of the signed-out pages is at least 24 by 24 px, unless it sits in a sentence", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const undersized = (await page.evaluate(UNDERSIZED)) as string[];
    expect.soft(undersized, `${path}: targets under 24 px`).toEqual([]);
  }
});
