import { expect, test } from "@playwright/test";
import { person } from "../support/decisions";
import { ownServerWithMailbox } from "../support/mail-server";
import { uniqueName } from "../support/names";
import { createTeamOverApi } from "../support/teams";

/**
 * An invitation by email, as its admin watches the pending list: the email is being sent, then
 * emailed; never a warning that the mail server has not taken it while it is on its way. The
 * spec runs an app instance of its own whose SMTP_URL points at a real SMTP server in the test
 * process, one that takes each email a few seconds after it arrives.
 */

const server = ownServerWithMailbox({ acceptAfterMs: 4_000 });
const { own } = server;

test("an invitation just created says its email is being sent, then when it was emailed, with no warning meanwhile", async ({
  browser,
}) => {
  test.setTimeout(90_000); // an instance of its own and an email
  const alice = await person(browser, "alice", undefined, own.app.origin);
  const team = await createTeamOverApi(alice.context.request, uniqueName("Mailed"));
  const page = alice.page;
  await page.goto(`/t/${team.slug}/settings`);
  await page.getByLabel("Email (optional)").fill("cara@example.com");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByText("Email to cara@example.com queued")).toBeVisible();

  const row = page
    .getByRole("list", { name: "Pending invitations" })
    .getByRole("listitem")
    .filter({ hasText: "cara@example.com" });
  await expect(row.getByTestId("invitation-delivery")).toHaveText("Sending the email…");

  // The mail arrives; the row says so without a reload, and never warned meanwhile.
  const arrived = () =>
    server.mailbox.received.some((mail) => JSON.stringify(mail.to ?? "").includes("cara@"));
  await expect.poll(arrived, { timeout: 30_000 }).toBe(true);
  await expect(row.getByTestId("invitation-delivery")).toHaveText(/^Emailed /, {
    timeout: 15_000,
  });
  await expect(page.getByText("the mail server has not taken it")).toHaveCount(0);
  await alice.context.close();
});
