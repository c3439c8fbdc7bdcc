import { expect, test } from "@playwright/test";
import { mutate, person } from "../support/decisions";
import { uniqueName } from "../support/names";
import { createTeamOverApi } from "../support/teams";

/** The page's clipboard, read in the browser (the e2e package has no DOM types). */
declare const navigator: { clipboard: { readText(): Promise<string> } };

test.describe("starting in five minutes", () => {
  test("a new account with no team sees the first-sign-in page, is told what is wrong with a pasted link, and creates a team", async ({
    browser,
  }) => {
    const newcomer = await person(browser, "newcomer");
    const page = newcomer.page;
    await page.goto("/");
    await expect(page).toHaveURL(/\/start$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Welcome to Tradeoff" }),
    ).toBeVisible();
    await expect(page.getByText("You are not in a team yet.")).toBeVisible();

    const link = page.getByLabel("Invitation link");
    const check = page.getByRole("button", { name: "Check the link" });
    await link.fill("hello, I was told to paste something");
    await check.click();
    await expect(page.getByText("does not look like an invitation link")).toBeVisible();
    await link.fill(`https://elsewhere.example.org/invite/${"a".repeat(43)}`);
    await check.click();
    await expect(
      page.getByText(/points to elsewhere\.example\.org, not to this Tradeoff/),
    ).toBeVisible();
    await link.fill(`/invite/${"b".repeat(43)}`);
    await check.click();
    await expect(page.getByText("No invitation has this link.")).toBeVisible();
    await expect(page).toHaveURL(/\/start$/);
    // A refusal stays only until the field it is about is edited.
    await link.press("End");
    await link.press("Backspace");
    await expect(page.getByText("No invitation has this link.")).toHaveCount(0);

    // Creating a team without a name says so, and the message goes once a name is typed.
    const teamName = page.getByLabel("Team name");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("Enter a team name.")).toBeVisible();
    await expect(teamName).toHaveAttribute("aria-invalid", "true");
    await teamName.pressSequentially("Mobile Guild");
    await expect(page.getByText("Enter a team name.")).toHaveCount(0);
    await expect(teamName).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mobile Guild" })).toBeVisible();
    await expect(page).toHaveURL(/\/t\/mobile-guild/);
    await newcomer.context.close();
  });

  test("the Members page invites, copies the link that a newcomer pastes to join, and revokes an invitation", async ({
    browser,
  }) => {
    const owner = await person(browser, "owner", "Olga Owner");
    await owner.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const team = await createTeamOverApi(owner.context.request, uniqueName("Members"));
    const page = owner.page;
    await page.goto(`/t/${team.slug}`);
    await page.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Team members" })).toContainText("Olga Owner");
    await expect(page.getByText("No pending invitations.")).toBeVisible();

    // Two invitations: one for the newcomer, one to revoke.
    const invite = page.getByRole("button", { name: "Invite", exact: true });
    await expect(invite).toHaveAttribute("aria-expanded", "false");
    await invite.click();
    await page.getByRole("button", { name: "Create invitation" }).click();
    await expect(page.getByText("Invitation created. Copy the link")).toBeVisible();
    const shown = await page.getByLabel("Invitation link", { exact: true }).inputValue();
    expect(shown).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText("Link copied.")).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);

    await page.getByLabel("Email (optional)").fill("later@example.com");
    await page.getByRole("button", { name: "Create invitation" }).click();
    const pending = page.getByTestId("pending-invitation");
    await expect(pending).toHaveCount(2);
    await expect(pending.filter({ hasText: "later@example.com" })).toContainText("expires");

    // Revoke the emailed one: it leaves the list, the open link stays.
    await page
      .getByRole("button", { name: /^Revoke the invitation for later@example\.com/ })
      .click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText("Invitation revoked.")).toBeVisible();
    await expect(pending).toHaveCount(1);
    await expect(pending).toContainText("Open link");

    // A newcomer pastes the copied link on the first-sign-in page and joins with it.
    const newcomer = await person(browser, "joiner", "Jun Joiner");
    await newcomer.page.goto("/start");
    await newcomer.page.getByLabel("Invitation link").fill(copied);
    await newcomer.page.getByRole("button", { name: "Check the link" }).click();
    await expect(
      newcomer.page.getByRole("heading", { level: 1, name: `Join ${team.name}` }),
    ).toBeVisible();
    await newcomer.page.getByRole("button", { name: /Join/ }).click();
    // The team's own page, once joined (the join page's heading, "Join <team>", contains the name too).
    await expect(newcomer.page).toHaveURL(new RegExp(`/t/${team.slug}$`));
    await expect(
      newcomer.page.getByRole("heading", { level: 1, name: team.name, exact: true }),
    ).toBeVisible();

    await page.reload();
    await expect(page.getByRole("list", { name: "Team members" })).toContainText("Jun Joiner");
    await expect(page.getByText("No pending invitations.")).toBeVisible();
    await owner.context.close();
    await newcomer.context.close();
  });

  test("an invitation for another address offers to switch accounts, not a Join button that fails", async ({
    browser,
  }) => {
    const owner = await person(browser, "inviter", "Ines Inviter");
    const team = await createTeamOverApi(owner.context.request, uniqueName("Address"));
    const invitation = await mutate<{ token: string }>(owner.context.request, "invitation.create", {
      teamId: team.id,
      role: "MEMBER",
      email: "someone-else@example.com",
    });
    const other = await person(browser, "wrong-account");
    const page = other.page;
    await page.goto(`/invite/${invitation.token}`);
    await expect(page.getByText("This invitation is for another account")).toBeVisible();
    await expect(page.getByText(`You are signed in as ${other.user.email}`)).toBeVisible();
    await expect(page.getByText("s***@example.com")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Join / })).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out and use that address" }).click();
    await expect(page).toHaveURL(
      new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/invite/${invitation.token}`)}`),
    );
    await owner.context.close();
    await other.context.close();
  });

  test("picking a template in the gallery pre-fills the new decision, which is then created", async ({
    browser,
  }) => {
    const lead = await person(browser, "gallery");
    const team = await createTeamOverApi(lead.context.request, uniqueName("Gallery"));
    const page = lead.page;
    await page.goto(`/t/${team.slug}/new`);
    const cards = page.getByRole("heading", { level: 2, name: "Start from" }).locator("..");
    // At least six built-in decisions for software teams, each saying what it compares.
    await expect(cards.getByText("Built-in", { exact: true })).toHaveCount(7);
    await expect(cards.getByText("PostgreSQL · MongoDB")).toBeVisible();
    await page.getByRole("button", { name: /Use “PostgreSQL or MongoDB/ }).click();
    await page.getByRole("button", { name: "Skip, keep the defaults" }).click();

    await expect(page.getByLabel("Title")).toHaveValue(
      "PostgreSQL or MongoDB for our primary database?",
    );
    await expect(page.getByLabel("Option 1 name")).toHaveValue("PostgreSQL");
    await expect(page.getByLabel("Option 2 name")).toHaveValue("MongoDB");
    await page.getByRole("button", { name: "Create decision" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("PostgreSQL or MongoDB");
    await lead.context.close();
  });

  test("a sample decision with three fictional teammates' votes is marked as a sample and removed in one click", async ({
    browser,
  }) => {
    const lead = await person(browser, "sampler", "Sam Sampler");
    const team = await createTeamOverApi(lead.context.request, uniqueName("Sample"));
    const page = lead.page;
    await page.goto(`/t/${team.slug}`);
    await page.getByRole("button", { name: "See how it works with a sample" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sample: ");
    await expect(page.getByTestId("sample-banner")).toContainText("This is a sample decision");
    await expect(page.getByTestId("sample-banner")).toContainText("add yours and watch it change");
    // Said once, in the banner: the decision's context is the template's own.
    await expect(page.getByTestId("project-context")).not.toContainText("sample");
    await expect(page.getByTestId("project-status")).toHaveText("Open for voting");
    // The fictional teammates' votes already make a recommendation.
    await expect(page.getByTestId("winner")).toBeVisible();

    // Asked for again (from the new-decision page): the same sample opens, no second one.
    const sampleUrl = page.url();
    await page.goto(`/t/${team.slug}/new`);
    await page.getByRole("button", { name: "See how it works with a sample" }).click();
    await expect(
      page.getByText("Your team already has a sample decision: here it is."),
    ).toBeVisible();
    await expect(page).toHaveURL(sampleUrl);

    // Their votes were all recorded in the same second: the history chart spaces them in the
    // order they were made (and says so) rather than stacking them on one vertical line.
    await page.getByRole("tab", { name: "History" }).click();
    const chart = page.getByTestId("history-chart");
    await expect(page.getByTestId("history-axis-order")).toContainText(
      "in the order they were made",
    );
    const line = chart.locator(".recharts-line-curve").first();
    await expect(line).toBeAttached();
    const xs = [...((await line.getAttribute("d")) ?? "").matchAll(/[ML]\s*(-?[\d.]+)/g)].map((m) =>
      Math.round(Number(m[1])),
    );
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(200);
    const ticks = await chart
      .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")
      .allTextContents();
    expect(ticks[0]).toBe("1");
    await expect(page.getByTestId("history-moment")).toContainText(/\(\d+ of \d+\), made/);

    // The member filter offers the fictional teammates whose votes the history holds.
    const member = page.getByRole("combobox", { name: "Member" });
    await expect(member.locator("option")).toHaveText([
      "Everyone",
      "Ada Lindqvist (sample)",
      "Bruno Mensah (sample)",
      "Chiara Ruiz (sample)",
      "Sam Sampler",
    ]);
    await member.selectOption({ label: "Bruno Mensah (sample)" });
    const events = page.getByTestId("history-events").locator("li");
    await expect(events.first()).toContainText("Bruno Mensah (sample)");
    await expect(events.filter({ hasNotText: "Bruno Mensah (sample)" })).toHaveCount(0);

    // The list says "sample" too, and the team still has one member.
    await page.goto(`/t/${team.slug}`);
    await expect(page.getByRole("main")).toContainText("Sample: ");
    await expect(page.getByText("1 member ·")).toBeVisible();
    await page
      .getByRole("link", { name: /Sample: / })
      .first()
      .click();

    await page.getByRole("button", { name: "Remove the sample" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${team.slug}$`));
    await expect(page.getByText("No decisions yet")).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("Sample: ");
    await lead.context.close();
  });
});
