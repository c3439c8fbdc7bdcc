import { expect, test } from "@playwright/test";
import { mutate, person, query } from "../support/decisions";

test.describe("inbox", () => {
  test("a teammate sees the bell rise when a project opens, without a reload, and follows it to the project", async ({
    browser,
  }) => {
    const alice = await person(browser, "alice");
    const bob = await person(browser, "bob");
    const team = await mutate<{ id: string; slug: string }>(alice.context.request, "team.create", {
      name: `Inbox ${Math.random().toString(36).slice(2, 7)}`,
    });
    const invitation = await mutate<{ token: string }>(alice.context.request, "invitation.create", {
      teamId: team.id,
      role: "MEMBER",
    });
    await mutate(bob.context.request, "invitation.accept", { token: invitation.token });
    const project = await mutate<{ id: string }>(alice.context.request, "project.create", {
      teamId: team.id,
      title: "Which queue for billing events?",
      context: "We need a queue.",
      options: [
        { key: "kafka", name: "Kafka", description: "" },
        { key: "sqs", name: "SQS", description: "" },
      ],
      criteria: [{ key: "ops", name: "Operational cost", description: "", defaultWeight: 3 }],
    });

    // Bob is on his team's dashboard with nothing unread.
    await bob.page.goto(`/t/${team.slug}`);
    const bell = bob.page.getByTestId("inbox-bell");
    await expect(bell).toHaveAccessibleName("Inbox: no unread notifications");
    let navigations = 0;
    bob.page.on("framenavigated", () => navigations++);

    // Alice opens the project for voting from its page.
    await alice.page.goto(`/t/${team.slug}/p/${project.id}`);
    await alice.page.getByRole("button", { name: "Open for voting" }).click();
    await alice.page.getByRole("button", { name: "Open voting" }).click();
    await expect(alice.page.getByTestId("project-status")).toHaveText("Open for voting");

    // Bob's bell rises on its own; Alice, who acted, is told nothing.
    await expect(bell).toHaveAccessibleName("Inbox: 1 unread");
    await expect(bob.page.getByTestId("inbox-unread")).toHaveText("1");
    expect(navigations).toBe(0);
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

    await alice.context.close();
    await bob.context.close();
  });
});
