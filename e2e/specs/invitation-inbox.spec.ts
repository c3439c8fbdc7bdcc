import { type Browser, expect, test } from "@playwright/test";
import { type Person, person } from "../support/decisions";
import { askForSignInLink, emailedSignInLink, ownServerWithMailbox } from "../support/mail-server";
import { uniqueName } from "../support/names";
import { createTeamOverApi, inviteOverApi } from "../support/teams";

/**
 * An invitation to someone who already has an account, accepted from its email: the inbox item
 * that announced it is done, and following it again says they are in the team. One revoked
 * before it was used leaves nothing to follow. The spec runs an app instance of its own whose
 * SMTP_URL points at a real SMTP server in the test process.
 */

const server = ownServerWithMailbox();
const { own } = server;

/**
 * The inbox holds an invitation's link only for an address its owner has proven: they sign in
 * once with a link sent to their address.
 */
async function proveAddress(invitee: Person) {
  await askForSignInLink(invitee.context.request, invitee.user.email);
  const signInLink = await emailedSignInLink(server.mailbox, invitee.user.email);
  await invitee.page.goto(signInLink);
  await expect(invitee.page).not.toHaveURL(/sign-in|error/);
}

/**
 * Alice's new team (its name starting with `teamName`), and someone who has an account with a
 * proven address (`label`), invited to it by email.
 */
async function invitedByEmail(browser: Browser, label: string, teamName: string) {
  const alice = await person(browser, "alice", undefined, own.app.origin);
  const invitee = await person(browser, label, undefined, own.app.origin);
  await proveAddress(invitee);
  const team = await createTeamOverApi(alice.context.request, uniqueName(teamName));
  await inviteOverApi(alice.context.request, team.id, { email: invitee.user.email });
  return { alice, invitee, team };
}

test("an invitation accepted from its email is read in the inbox, and its item says you are a member", async ({
  browser,
}) => {
  test.setTimeout(90_000); // an instance of its own, two people and an email
  const { alice, invitee: bob, team } = await invitedByEmail(browser, "bob", "Invited");

  const invitationMail = () =>
    server.mailbox.received.find(
      (mail) =>
        JSON.stringify(mail.to ?? "").includes(bob.user.email) &&
        mail.subject?.includes(`invited you to ${team.name}`),
    );
  await expect.poll(() => invitationMail() !== undefined, { timeout: 30_000 }).toBe(true);
  const link = invitationMail()?.text?.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeDefined();

  // Bob accepts from the email's link.
  await bob.page.goto(link ?? "");
  await bob.page.getByRole("button", { name: `Join ${team.name}` }).click();
  await expect(bob.page).toHaveURL(new RegExp(`/t/${team.slug}$`));

  // The inbox item that announced the invitation is no longer waiting for him.
  await bob.page.goto("/inbox");
  const list = bob.page.getByRole("list", { name: "Notifications" });
  const item = list.getByRole("link", { name: new RegExp(`invited you to join ${team.name}`) });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText("(unread)");
  await expect(bob.page.getByTestId("inbox-bell")).toHaveAccessibleName(
    "Inbox: no unread notifications",
  );

  // Following it says he is a member, with the way to the team; not that someone used his link.
  await item.click();
  await expect(
    bob.page.getByRole("heading", { name: `You joined ${team.name} with this invitation` }),
  ).toBeVisible();
  await expect(bob.page.getByText("This invitation was already used")).toHaveCount(0);
  await bob.page.getByRole("link", { name: `Open ${team.name}` }).click();
  await expect(bob.page).toHaveURL(new RegExp(`/t/${team.slug}$`));

  await alice.context.close();
  await bob.context.close();
});

test("an invitation revoked before it was used is read in the inbox, says so, and has no link", async ({
  browser,
}) => {
  test.setTimeout(90_000); // an instance of its own, two people and an email
  const { alice, invitee: carol, team } = await invitedByEmail(browser, "carol", "Withdrawn");
  await carol.page.goto("/inbox");
  const list = carol.page.getByRole("list", { name: "Notifications" });
  await expect(
    list.getByRole("link", {
      name: new RegExp(`invited you to join ${team.name}\\. \\(unread\\)`),
    }),
  ).toBeVisible();

  // Alice revokes it in the team settings.
  await alice.page.goto(`/t/${team.slug}/settings`);
  await alice.page
    .getByRole("button", { name: new RegExp(`^Revoke the invitation for ${carol.user.email}`) })
    .click();
  await alice.page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(alice.page.getByText("Invitation revoked.")).toBeVisible();

  // Carol's inbox says it was revoked, waits for nothing, and offers no link to a dead page.
  await expect(carol.page.getByTestId("inbox-bell")).toHaveAccessibleName(
    "Inbox: no unread notifications",
  );
  await carol.page.reload();
  const item = list.getByRole("listitem").filter({ hasText: `invited you to join ${team.name}` });
  await expect(item).toContainText(`invited you to join ${team.name}. The invitation was revoked.`);
  await expect(item).not.toContainText("(unread)");
  await expect(item.getByRole("link")).toHaveCount(0);
  await expect(item.getByRole("button", { name: /^Mark read/ })).toHaveCount(0);

  await alice.context.close();
  await carol.context.close();
});
