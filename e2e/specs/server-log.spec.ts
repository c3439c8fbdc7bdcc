import { expect, test } from "@playwright/test";
import { createSmallProject, person } from "../support/decisions";
import { ownServer } from "../support/own-server";
import { createTeamOverApi } from "../support/teams";

/**
 * The server's log is where operators look for what went wrong: a signed-out visitor opening a
 * decision's link is sent to sign in without an error there, while a real failure of the same
 * page is still logged. The spec reads the log of an app instance of its own.
 */
const own = ownServer({ captureLogs: true });

/**
 * What the server logged as errors so far, one entry each: its log's error lines, and its reports
 * on standard error (Next.js starts each with "⨯", followed by the stack and details).
 */
function loggedErrors(): string[] {
  const entries: string[] = [];
  for (const line of own.app.logLines()) {
    if (line.stream === "stderr") {
      const text = String(line.msg);
      if (text.startsWith("⨯") || entries.length === 0) entries.push(text);
      else entries[entries.length - 1] += `\n${text}`;
    } else if (Number(line.level) >= 50) entries.push(JSON.stringify(line));
  }
  return entries;
}

test("a decision's link opened signed out goes to sign in with no error logged; a real failure is still logged", async ({
  browser,
}) => {
  const owner = await person(browser, "log-owner", undefined, own.app.origin);
  const team = await createTeamOverApi(owner.context.request, "Log Team");
  const created = await createSmallProject(owner.context.request, team.id, {
    title: "Which broker?",
    options: [
      ["a", "RabbitMQ"],
      ["b", "NATS"],
    ],
  });
  const decision = `/t/${team.slug}/p/${created.id}`;
  const before = loggedErrors().length;

  // Signed out: to sign in, and back to the page afterwards; the decision's other pages too.
  const visitor = await browser.newContext({ baseURL: own.app.origin });
  const page = await visitor.newPage();
  for (const link of [decision, `${decision}/record`, `${decision}/edit`]) {
    await page.goto(link);
    await expect(page).toHaveURL(
      (url) => url.pathname === "/sign-in" && url.searchParams.get("callbackUrl") === link,
    );
  }
  await visitor.close();

  // A real failure: the member's own visit while a table the page reads is gone.
  const db = own.database.db;
  await db.$executeRawUnsafe(`ALTER TABLE notifications RENAME TO notifications_gone`);
  try {
    await owner.page.goto(decision);
    await expect(owner.page.getByText("Which broker?")).toHaveCount(0);
  } finally {
    await db.$executeRawUnsafe(`ALTER TABLE notifications_gone RENAME TO notifications`);
  }
  // The failure is logged, with what went wrong; the signed-out visit before it logged nothing.
  await expect.poll(() => loggedErrors().slice(before).join("\n")).toContain("notifications");
  const logged = loggedErrors().slice(before);
  const failure = logged.findIndex((entry) => entry.includes("notifications"));
  expect(logged[failure]).toContain("Error");
  expect(logged.slice(0, failure)).toEqual([]);
  await owner.context.close();
});
