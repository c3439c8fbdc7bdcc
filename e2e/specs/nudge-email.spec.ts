import { expect, test } from "@playwright/test";
import { person, query, teamWithDrfProject } from "../support/decisions";
import { ownServerWithMailbox } from "../support/mail-server";

/**
 * A nudge seen as the nudged member sees it: in their mailbox. The shared e2e server sends no
 * email, so this spec runs an app instance of its own whose SMTP_URL points at a real SMTP
 * server in the test process.
 */

const server = ownServerWithMailbox();
const { own } = server;

/** Email jobs not yet finished in the app's queue: 0 once everything queued has been sent. */
async function emailJobsPending(): Promise<number> {
  const rows = await own.database.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job
    WHERE name LIKE '%email' AND state NOT IN ('completed', 'failed', 'cancelled')`;
  return rows[0]?.n ?? -1;
}

test("a nudge reaches the nudged member by email once, with a link to the project", async ({
  browser,
}) => {
  const alice = await person(browser, "alice", undefined, own.app.origin);
  const bob = await person(browser, "bob", undefined, own.app.origin);
  const { url } = await teamWithDrfProject(alice, [bob]);
  const mailsToBob = () =>
    server.mailbox.received.filter((mail) =>
      JSON.stringify(mail.to ?? "").includes(bob.user.email),
    );
  const nudgeMailsToBob = () =>
    mailsToBob().filter((mail) => mail.subject?.includes("is waiting for your vote"));

  await alice.page.goto(url);
  await alice.page.getByRole("button", { name: `Nudge ${bob.user.name}` }).click();
  await expect(alice.page.getByText(`Nudged ${bob.user.name}.`)).toBeVisible();

  await expect.poll(() => nudgeMailsToBob().length).toBe(1);
  const [mail] = nudgeMailsToBob();
  expect(JSON.stringify(mail?.to)).toContain(bob.user.email);
  expect(mail?.subject).toBe(
    `${alice.user.name} is waiting for your vote on "Django REST Framework or FastAPI?"`,
  );
  const link = `${own.app.origin}${url}`;
  expect(mail?.text).toContain(link);
  expect(mail?.html).toContain(`href="${link}"`);
  // The link opens the project for Bob.
  await bob.page.goto(link);
  await expect(bob.page.getByRole("heading", { level: 1 })).toContainText(
    "Django REST Framework or FastAPI?",
  );

  // A second press says when the next nudge is possible, and queues no second email.
  await alice.page.getByRole("button", { name: `Nudge ${bob.user.name}` }).click();
  await expect(
    alice.page.getByText(/nudged less than 12 hours ago\. The next nudge is possible at/),
  ).toBeVisible();
  const inbox = await query<{ items: { kind: string }[] }>(
    bob.context.request,
    "notification.list",
    {
      before: null,
    },
  );
  expect(inbox.items.filter((n) => n.kind === "nudge")).toHaveLength(1);
  // Every email the app queued has gone out: Bob has his welcome email, the decision opening
  // for his vote, and the one nudge.
  await expect.poll(emailJobsPending).toBe(0);
  expect(nudgeMailsToBob()).toHaveLength(1);
  expect(
    mailsToBob()
      .map((m) => m.subject ?? "")
      .sort(),
  ).toEqual(
    [
      "Your Tradeoff account is ready",
      `${alice.user.name} opened "Django REST Framework or FastAPI?" for voting`,
      `${alice.user.name} is waiting for your vote on "Django REST Framework or FastAPI?"`,
    ].sort(),
  );

  // "Stop these emails" says which emails it stops, and what Bob will still get.
  const stop = mail?.text?.match(/Stop these emails: (\S+)/)?.[1];
  expect(stop, mail?.text).toBeTruthy();
  await bob.page.goto(stop ?? "");
  await expect(bob.page.getByRole("heading", { level: 1 })).toHaveText(
    "Stop emails about nudges to vote?",
  );
  const main = bob.page.getByRole("main");
  await expect(main).toContainText(
    "You will still see nudges to vote in your Tradeoff inbox, and still get by email: a decision opens for your vote; a deadline is near and your ballot is not complete;",
  );
  await bob.page.getByRole("button", { name: "Stop emails about nudges to vote" }).click();
  await expect(bob.page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribed");
  await expect(main).toContainText("You will get no more emails about nudges to vote.");

  // The opening's email unsubscribes too, though its kind has a dot in it ("project.opened"):
  // its page, and the one-click POST a mail provider sends from the List-Unsubscribe header
  // (RFC 8058), without any sign-in.
  const openedMail = mailsToBob().find((m) => m.subject?.includes("for voting"));
  const header = openedMail?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
  const oneClick = /<([^>]+)>/.exec(header)?.[1] ?? "";
  expect(oneClick, header).toContain("/api/unsubscribe?token=");
  expect(openedMail?.text).toContain(`Stop these emails: ${oneClick}`);
  await bob.page.goto(oneClick);
  await expect(bob.page.getByRole("heading", { level: 1 })).toHaveText(
    "Stop emails about decisions opening for your vote?",
  );
  const provider = await bob.context.browser()?.newContext();
  const pressed = await provider?.request.post(oneClick, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(pressed?.status()).toBe(200);
  expect(await pressed?.text()).toContain(
    "You will get no more emails about decisions opening for your vote.",
  );
  await provider?.close();
  const prefs = await query<{ kinds: { kind: string; delivery: string }[] }>(
    bob.context.request,
    "notification.preferences",
    {},
  );
  expect(prefs.kinds.find((k) => k.kind === "project.opened")?.delivery).toBe("IN_APP");

  await alice.context.close();
  await bob.context.close();
});
