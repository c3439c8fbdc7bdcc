import {
  createSmallProject,
  holdFirstRequestWith,
  holdProcedure,
  markDocument,
  mutate,
  person,
  query,
  teamJoinedBy,
  teamWithDrfProject,
} from "../support/decisions";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";

type Request = Parameters<typeof mutate>[0];

/** Opens one small project per title in the team, each of which notifies the team. */
async function openProjects(request: Request, teamId: string, titles: string[]) {
  for (const title of titles) {
    const project = await createSmallProject(request, teamId, {
      title,
      options: [
        ["a", "A"],
        ["b", "B"],
      ],
    });
    await mutate(request, "project.open", { projectId: project.id });
  }
}

test.describe("inbox", () => {
  test("a teammate sees the bell rise when a project opens, without a reload, and follows it to the project", async ({
    alice,
    bob,
  }) => {
    const team = await teamJoinedBy(alice, [bob], uniqueName("Inbox"));
    const project = await createSmallProject(alice.context.request, team.id, {
      title: "Which queue for billing events?",
      context: "We need a queue.",
      options: [
        ["kafka", "Kafka"],
        ["sqs", "SQS"],
      ],
      criterion: { key: "ops", name: "Operational cost" },
    });

    // Bob is on his team's dashboard with nothing unread.
    await bob.page.goto(`/t/${team.slug}`);
    const bell = bob.page.getByTestId("inbox-bell");
    await expect(bell).toHaveAccessibleName("Inbox: no unread notifications");
    const bobsDocument = await markDocument(bob.page);

    // Alice opens the project for voting from its page.
    await alice.page.goto(`/t/${team.slug}/p/${project.id}`);
    await alice.page.getByRole("button", { name: "Open for voting" }).click();
    await alice.page.getByRole("button", { name: "Open voting" }).click();
    await expect(alice.page.getByTestId("project-status")).toHaveText("Open for voting");

    // Bob's bell rises on its own; Alice, who acted, is told nothing.
    await expect(bell).toHaveAccessibleName("Inbox: 1 unread");
    await expect(bob.page.getByTestId("inbox-unread")).toHaveText("1");
    expect(await bobsDocument.sameDocument()).toBe(true);
    const alicesInbox = await query<{ unread: number }>(
      alice.context.request,
      "notification.unreadCount",
      null,
    );
    expect(alicesInbox.unread).toBe(0);

    // He follows it from the inbox to the project, and it is read.
    await bell.click();
    await expect(bob.page.getByRole("heading", { name: "Inbox" })).toBeVisible();
    const link = bob.page.getByRole("link", {
      name: /opened "Which queue for billing events\?" for voting/,
    });
    await expect(link).toContainText(alice.user.name);
    await link.click();
    await expect(bob.page).toHaveURL(new RegExp(`/t/${team.slug}/p/${project.id}$`));
    await expect(bob.page.getByTestId("project-status")).toHaveText("Open for voting");
    await expect(bob.page.getByTestId("inbox-bell")).toHaveAccessibleName(
      "Inbox: no unread notifications",
    );
  });

  test("marking notifications read from the keyboard keeps the reader's place in the list", async ({
    alice,
    bob,
  }) => {
    const team = await teamJoinedBy(alice, [bob], uniqueName("Keys"));
    await openProjects(alice.context.request, team.id, [
      "Which queue?",
      "Which cache?",
      "Which CI?",
    ]);

    const page = bob.page;
    await page.goto("/inbox");
    const list = page.getByRole("list", { name: "Notifications" });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    // "Mark read" on the middle one, by keyboard: the button goes, and the keyboard stays on
    // that notification rather than falling back to the top of the page.
    await page.getByRole("button", { name: /^Mark read: .*"Which cache\?"/ }).focus();
    await page.keyboard.press("Enter");
    const cache = list.getByRole("link", { name: /"Which cache\?"/ });
    await expect(cache).not.toContainText("(unread)");
    await expect(cache).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(list.getByRole("link", { name: /"Which queue\?"/ })).toBeFocused();

    // "Mark all read" greys out once everything is read: the keyboard moves to the first one.
    await page.getByRole("button", { name: "Mark all read" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Mark all read" })).toBeDisabled();
    await expect(list.getByRole("link", { name: /"Which CI\?"/ })).toBeFocused();
  });

  test('"Mark all read" keeps the keyboard\'s focus while its request is on its way', async ({
    alice,
    bob,
  }) => {
    const team = await teamJoinedBy(alice, [bob], uniqueName("Busy"));
    await openProjects(alice.context.request, team.id, ["Which queue?", "Which cache?"]);
    const page = bob.page;
    // The request is held until the page has shown how the button looks while it waits.
    const release = await holdProcedure(page, "notification.markAllRead");
    await page.goto("/inbox");
    const list = page.getByRole("list", { name: "Notifications" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    const markAll = page.getByRole("button", { name: "Mark all read" });
    await markAll.focus();
    await page.keyboard.press("Enter");
    // Busy, not disabled: the keyboard stays on the button rather than falling to the page.
    await expect(markAll).toHaveAttribute("aria-busy", "true");
    await expect(markAll).toBeFocused();
    release();
    // Done, with nothing left unread: the keyboard moves on to the first notification.
    await expect(list.getByRole("link", { name: /"Which cache\?"/ })).not.toContainText("(unread)");
    await expect(markAll).toBeDisabled();
    await expect(list.getByRole("link", { name: /"Which cache\?"/ })).toBeFocused();
  });

  test('"Show older" from the keyboard moves to the first older notification and says how many', async ({
    alice,
    bob,
  }) => {
    test.setTimeout(150_000);
    const team = await teamJoinedBy(alice, [bob], uniqueName("Older"));
    // One more than a page of the inbox holds (50).
    await openProjects(
      alice.context.request,
      team.id,
      Array.from({ length: 51 }, (_, i) => `Which queue, take ${i + 1}?`),
    );
    const page = bob.page;
    // The older page is held until the inbox has changed meanwhile (one notification read in
    // another tab), so the list's refresh and the older page cross, as they do whenever a
    // notification arrives or is read while the reader asks for more.
    const { asked: olderAsked, release } = await holdFirstRequestWith(
      page,
      "notification.list",
      /"before":"\d+"/,
    );
    await page.goto("/inbox");
    const list = page.getByRole("list", { name: "Notifications" });
    await expect(list.getByRole("listitem")).toHaveCount(50);
    const bell = page.getByTestId("inbox-bell");
    await expect(bell).toHaveAccessibleName("Inbox: 51 unread");
    const older = page.getByRole("button", { name: "Show older" });
    await older.focus();
    await page.keyboard.press("Enter");
    await olderAsked;
    const inbox = await query<{ items: { id: string; text: string }[] }>(
      bob.context.request,
      "notification.list",
      { before: null },
    );
    const newest = inbox.items[0];
    if (!newest) throw new Error("Bob's inbox is empty: the 51 projects did not notify him.");
    expect(newest.text).toContain('"Which queue, take 51?"');
    await mutate(bob.context.request, "notification.markRead", { id: newest.id });
    // The bell has heard of it, so the open inbox is refreshing.
    await expect(bell).toHaveAccessibleName("Inbox: 50 unread");
    release();

    // The last page came and the button went with it: the keyboard is on the notification just
    // shown, the oldest, not at the top of the page.
    await expect(list.getByRole("listitem")).toHaveCount(51);
    await expect(older).toHaveCount(0);
    await expect(list.getByRole("link", { name: /"Which queue, take 1\?"/ })).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "older" })).toHaveText(
      "1 older notification shown.",
    );
    await expect(list.getByRole("link", { name: /"Which queue, take 51\?"/ })).not.toContainText(
      "(unread)",
    );

    // A notification that arrives now joins the top; none is pushed out of the middle of the list.
    await openProjects(alice.context.request, team.id, ["Which queue, take 52?"]);
    await expect(bell).toHaveAccessibleName("Inbox: 51 unread");
    await expect(list.getByRole("listitem")).toHaveCount(52);
    await expect(list.getByRole("listitem").first()).toContainText('"Which queue, take 52?"');
    for (const take of [1, 2, 50]) {
      await expect(list.getByRole("link", { name: `"Which queue, take ${take}?"` })).toHaveCount(1);
    }
  });

  test("nudging everyone says in plain words who was nudged and who was skipped, and the list shows who was nudged recently", async ({
    alice,
    bob,
    browser,
  }) => {
    const carol = await person(browser, "carol");
    const { url } = await teamWithDrfProject(alice, [bob, carol]);
    const page = alice.page;
    await page.goto(url);
    const waiting = page.getByTestId("waiting-on");
    const bobRow = waiting.getByRole("listitem").filter({ hasText: bob.user.name });
    const carolRow = waiting.getByRole("listitem").filter({ hasText: carol.user.name });
    await expect(bobRow).toContainText("Not started");
    await expect(bobRow).not.toContainText("Nudged");

    await page.getByRole("button", { name: `Nudge ${bob.user.name}` }).click();
    await expect(page.getByText(`Nudged ${bob.user.name}.`)).toBeVisible();
    // Said in words on the page, not only in a tooltip: touch and screen readers get it too.
    await expect(
      bobRow.getByText(/^Nudged in the last 12 hours: next nudge possible /),
    ).toBeVisible();
    await expect(
      page.getByRole("button", { name: `Nudge ${bob.user.name}` }),
    ).toHaveAccessibleDescription(/^Nudged in the last 12 hours: next nudge possible /);
    await expect(carolRow).not.toContainText("Nudged");

    await page.getByRole("button", { name: "Nudge everyone waiting" }).click();
    await expect(
      page.getByText(`Nudged ${carol.user.name}. Skipped 1 member nudged in the last 12 hours.`),
    ).toBeVisible();
    await expect(carolRow.getByText(/^Nudged in the last 12 hours/)).toBeVisible();
    await carol.context.close();
  });

  test("the project page shows who it waits on; a nudge reaches the member once in 12 hours", async ({
    alice,
    bob,
    drf,
  }) => {
    const { team, url } = drf;
    await bob.page.goto(`/t/${team.slug}`);
    const bell = bob.page.getByTestId("inbox-bell");
    await expect(bell).toHaveAccessibleName("Inbox: 1 unread");

    await alice.page.goto(url);
    const waiting = alice.page.getByTestId("waiting-on");
    await expect(waiting).toContainText(bob.user.name);
    await expect(waiting).toContainText("Not started");
    await alice.page.getByRole("button", { name: `Nudge ${bob.user.name}` }).click();
    await expect(alice.page.getByText(`Nudged ${bob.user.name}.`)).toBeVisible();
    // The press leaves the focus on the button, not thrown back to the top of the page.
    await expect(alice.page.getByRole("button", { name: `Nudge ${bob.user.name}` })).toBeFocused();
    await expect(bell).toHaveAccessibleName("Inbox: 2 unread");

    // A second press says when the next nudge is possible, and Bob is not told twice.
    await alice.page.getByRole("button", { name: `Nudge ${bob.user.name}` }).click();
    await expect(
      alice.page.getByText(/nudged less than 12 hours ago\. The next nudge is possible at/),
    ).toBeVisible();
    const inbox = await query<{ items: { kind: string; text: string }[] }>(
      bob.context.request,
      "notification.list",
      { before: null },
    );
    const nudges = inbox.items.filter((n) => n.kind === "nudge");
    expect(nudges).toHaveLength(1);
    expect(nudges[0]?.text).toBe(
      `${alice.user.name} is waiting for your vote on "Django REST Framework or FastAPI?".`,
    );
  });

  test("notification settings say email is off without SMTP, keep a choice, and a forged unsubscribe link is refused", async ({
    browser,
  }) => {
    const carol = await person(browser, "carol");
    await carol.page.goto("/account/notifications");
    await expect(carol.page.getByTestId("email-off")).toContainText("Email is off on this server");
    const nudges = carol.page.getByLabel("Someone nudges you to vote");
    await expect(nudges).toHaveValue("EMAIL");
    await nudges.focus();
    await nudges.selectOption("IN_APP");
    await expect(carol.page.getByText("Saved.")).toBeVisible();
    // Saving leaves the focus on the choice, for the next one from the keyboard.
    await expect(nudges).toBeFocused();
    await carol.page.reload();
    await expect(carol.page.getByLabel("Someone nudges you to vote")).toHaveValue("IN_APP");

    // On a phone each choice sits under its words, inside the list, tall enough to press.
    await carol.page.setViewportSize({ width: 390, height: 844 });
    const list = carol.page.getByRole("main").getByRole("list");
    const listBox = await list.boundingBox();
    const choices = list.getByRole("combobox");
    expect(await choices.count()).toBeGreaterThan(5);
    for (const choice of await choices.all()) {
      const box = await choice.boundingBox();
      const name = await choice.evaluate((el) => (el as unknown as { id: string }).id);
      expect
        .soft(box && listBox && box.x + box.width <= listBox.x + listBox.width, name)
        .toBe(true);
      expect.soft(box?.height, name).toBeGreaterThanOrEqual(44);
    }

    const forged = await carol.context.request.post("/api/unsubscribe?token=someone.nudge.AAAA");
    expect(forged.status()).toBe(400);
    expect(await forged.text()).toContain("This unsubscribe link is not valid");
    await carol.context.close();
  });
});
