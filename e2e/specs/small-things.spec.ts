import type { Page } from "@playwright/test";
import {
  createFromTemplate,
  createQueueProject,
  criterionCard,
  holdProcedure,
  mutate,
  teamJoinedBy,
  teamWithQueueTemplate,
  voteOverApi,
} from "../support/decisions";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";

test("a refused token creation says why on the page, next to the form", async ({
  page,
  signedIn,
}) => {
  expect(signedIn.email).toContain("@");
  // The most active tokens one person may hold.
  for (let i = 0; i < 50; i++) {
    await mutate(page.request, "token.create", { name: `Script ${i}` });
  }
  await page.goto("/account/tokens");
  await page.getByLabel("Name").fill("One too many");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("token-error")).toContainText(
    "You have 50 active tokens: revoke one you no longer use.",
  );
  // Said once, next to the form, not again in a toast.
  await expect(page.getByText("You have 50 active tokens")).toHaveCount(1);
  await expect(page.getByTestId("new-token")).toHaveCount(0);
});

test("once voting is closed, recording the decision is the page's primary action", async ({
  alice: owner,
  soloDrf,
}) => {
  const { url, projectId, first } = soloDrf;
  await voteOverApi(owner.context.request, projectId, {
    [first.key]: { weight: 4, scores: { drf: 2, fastapi: 5 } },
  });
  const page = owner.page;
  await page.goto(url);
  const recordLink = page.getByTestId("record-link");
  await expect(recordLink).toHaveText("Record the decision");
  await expect(recordLink).not.toHaveClass(/\bbg-primary\b/);

  await page.getByRole("button", { name: "Close voting" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Close voting" }).click();
  await expect(page.getByTestId("project-status")).toHaveText("Closed");
  await expect(recordLink).toHaveText("Record the decision");
  await expect(recordLink).toHaveClass(/\bbg-primary\b/);

  await recordLink.click();
  await expect(page.getByRole("form", { name: "Record the decision" })).toBeVisible();
});

/** The new-decision form, started blank: a title, two options and one criterion, not sent. */
async function fillBlankDecision(page: Page, teamSlug: string, options: [string, string]) {
  await page.goto(`/t/${teamSlug}/new`);
  await page.getByRole("button", { name: "Start blank" }).click();
  await page.getByLabel("Title").fill("Which queue for background jobs?");
  await page.getByLabel("Option 1 name").fill(options[0]);
  await page.getByLabel("Option 2 name").fill(options[1]);
  await page.getByLabel("Criterion 1 name").fill("Throughput");
}

test("a new decision with two options of the same name is refused, next to the second one", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await fillBlankDecision(page, soloDrf.team.slug, ["Kafka", "kafka "]);
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page.getByLabel("Option 2 name")).toHaveAccessibleDescription(
    /Another option is already called “kafka”: give each its own name\./,
  );
  await expect(page).toHaveURL(/\/new$/);
  // Told what to change, the decision is created once the names differ.
  await page.getByLabel("Option 2 name").fill("RabbitMQ");
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page).toHaveURL(/\/p\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Which queue for background jobs?",
  );
});

test("a new decision with a deadline that has already passed is refused, next to the deadline", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await fillBlankDecision(page, soloDrf.team.slug, ["Kafka", "RabbitMQ"]);
  await page.getByLabel("Deadline").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page.getByLabel("Deadline")).toHaveAccessibleDescription(
    "That deadline has already passed: pick a later date and time, or leave it empty.",
  );
  await expect(page).toHaveURL(/\/new$/);
  // Without a deadline the same decision is created.
  await page.getByLabel("Deadline").fill("");
  await page.getByLabel("Open for voting right away").check();
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page).toHaveURL(/\/p\//);
  // Its one criterion is counted in the singular.
  await expect(page.getByTestId("ballot-progress")).toContainText("0 of 1 criterion done");
});

test("saving a team template without a name is refused next to the name, and the message goes once the name is edited or the dialog reopened", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await page.goto(soloDrf.url);
  const openDialog = async () => {
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Save as team template" }).click();
    return page.getByRole("dialog", { name: "Save as team template" });
  };
  let dialog = await openDialog();
  await dialog.getByLabel("Template name").fill("");
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(dialog.getByText("Name the template.")).toBeVisible();
  // Typing a name drops the refusal: it no longer describes the field.
  await dialog.getByLabel("Template name").fill("API framework");
  await expect.soft(dialog.getByText("Name the template.")).toHaveCount(0);
  await dialog.getByLabel("Template name").fill("");
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(dialog.getByText("Name the template.")).toBeVisible();
  // Closed and opened again, the dialog starts afresh.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  dialog = await openDialog();
  await expect(dialog.getByLabel("Template name")).toHaveValue(soloDrf.template.title);
  await expect(dialog.getByText("Name the template.")).toHaveCount(0);
});

test("after saving a team template from the keyboard, the keyboard is back on the menu's button", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await page.goto(soloDrf.url);
  const more = page.getByRole("button", { name: "More actions" });
  await more.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "Save as team template" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Save as team template" });
  await dialog.getByLabel("Template name").fill("API framework, our way");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved “API framework, our way” as a team template.")).toBeVisible();
  await expect(dialog).toHaveCount(0);
  // The menu item that opened the dialog is gone: the keyboard goes back to what opened the menu.
  await expect(more).toBeFocused();

  // Closed with Escape, the same.
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "Save as team template" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(more).toBeFocused();
});

test("a created token's name leaves the form, the token is shown once, and the keyboard stays on the button", async ({
  page,
  signedIn,
}) => {
  expect(signedIn.email).toContain("@");
  await page.goto("/account/tokens");
  const name = page.getByLabel("Name");
  await name.fill("Laptop CLI");
  const create = page.getByRole("button", { name: "Create token" });
  await create.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("new-token")).toBeVisible();
  await expect(page.getByRole("table", { name: "Your access tokens" })).toContainText("Laptop CLI");
  // Ready for the next token: the name field is empty, the keyboard where it was.
  await expect(name).toHaveValue("");
  await expect(create).toBeFocused();
  // The one-time display stays until the next creation.
  await expect(page.getByText("Copy your token now: it will not be shown again.")).toBeVisible();
  await expect(page.getByTestId("new-token")).toHaveValue(/^tro_/);
});

test("changing a member's role from the keyboard leaves the keyboard on that member's role", async ({
  alice: owner,
  bob,
}) => {
  const team = await teamJoinedBy(owner, [bob], uniqueName("Roles"));
  const page = owner.page;
  await page.goto(`/t/${team.slug}/settings`);
  const role = page.getByRole("combobox", { name: `Role of ${bob.user.name}` });
  await role.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "Viewer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(`${bob.user.name} is now viewer.`)).toBeVisible();
  await expect(role).toHaveText("Viewer");
  await expect(role).toBeFocused();
});

test("a decision waiting for my vote counts its one criterion in the singular", async ({
  alice: owner,
}) => {
  const team = await teamJoinedBy(owner, [], uniqueName("One"));
  // One criterion: the count is in the singular.
  const project = await createQueueProject(owner.context.request, team.id);
  await mutate(owner.context.request, "project.open", { projectId: project.id });
  await owner.page.goto(`/t/${team.slug}`);
  await expect(owner.page.getByTestId("pending-votes")).toContainText("0 of 1 criterion answered");
});

test("a member who only set the importance is waiting everywhere: on the project page, for a nudge and on their dashboard", async ({
  alice: owner,
  bob,
}) => {
  const team = await teamJoinedBy(owner, [bob], uniqueName("Weights"));
  const project = await createQueueProject(owner.context.request, team.id);
  await mutate(owner.context.request, "project.open", { projectId: project.id });
  await voteOverApi(owner.context.request, project.id, {
    ops: { weight: 3, scores: { a: 2, b: 4 } },
  });
  const url = `/t/${team.slug}/p/${project.id}`;

  // Bob sets how much the criterion matters, and scores nothing.
  await bob.page.goto(url);
  const card = criterionCard(bob.page, "Operations");
  const importance = card
    .getByRole("group", { name: "Importance of Operations" })
    .getByRole("radio", { name: /^5\b/ });
  await importance.click();
  await expect(importance).toBeChecked();
  await expect(card.getByText("Saved", { exact: true })).toBeVisible();

  // The project page counts one complete ballot of two, and is waiting on Bob.
  await owner.page.goto(url);
  await expect(owner.page.getByTestId("ballots-complete")).toHaveText("1 of 2 ballots complete");
  const waiting = owner.page.getByTestId("waiting-on");
  await expect(waiting).toContainText(bob.user.name);
  await expect(waiting).toContainText("0 of 1 criterion answered");
  await owner.page.getByRole("button", { name: `Nudge ${bob.user.name}` }).click();
  await expect(owner.page.getByText(`Nudged ${bob.user.name}.`)).toBeVisible();

  // His dashboard lists the decision as waiting for his vote.
  await bob.page.goto(`/t/${team.slug}`);
  const pending = bob.page.getByTestId("pending-votes");
  await expect(pending).toContainText("Which queue?");
  await expect(pending).toContainText("0 of 1 criterion answered");
});

test("a comment sent with the keyboard leaves the keyboard in the box, ready for the next one", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await page.goto(soloDrf.url);
  await page.getByRole("tab", { name: "Discussion" }).click();
  const box = page.getByLabel("Write a comment").first();
  await box.fill("Can we benchmark the webhook path first?");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Comment", exact: true }).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Can we benchmark the webhook path first?")).toBeVisible();
  await expect(box).toHaveValue("");
  // The button greys out with the box empty: the keyboard goes back to the box, not the page.
  await expect(box).toBeFocused();
  // Sent twice quickly from the box, a comment is posted once.
  await box.fill("One more thing.");
  await box.press("Control+Enter");
  await box.press("Control+Enter");
  await expect(page.getByText("One more thing.")).toHaveCount(1);
  await expect(box).toHaveValue("");
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("One more thing.")).toHaveCount(1);
});

test("removing an option or a criterion from the keyboard leaves the keyboard in its list", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await fillBlankDecision(page, soloDrf.team.slug, ["Kafka", "RabbitMQ"]);
  const addOption = page.getByRole("button", { name: "Add option" });
  await addOption.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Option 3 name")).toBeFocused();
  await page.getByRole("button", { name: "Remove option 3" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Option 3 name")).toHaveCount(0);
  // The button pressed went with its option: the keyboard is on "Add option", below the list.
  await expect(addOption).toBeFocused();

  const addCriterion = page.getByRole("button", { name: "Add criterion" });
  await addCriterion.focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Criterion 2 name").fill("Operations");
  await page.getByRole("button", { name: "Remove criterion 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Criterion 1 name")).toHaveValue("Operations");
  await expect(addCriterion).toBeFocused();
});

test("a team template's card says how many options and criteria it holds, in the singular too, next to its description", async ({
  alice: owner,
}) => {
  const team = await teamWithQueueTemplate(owner, []);
  await owner.page.goto(`/t/${team.slug}/new`);
  const card = owner.page
    .getByRole("listitem")
    .filter({ has: owner.page.getByRole("heading", { name: /Queue choice/ }) });
  await expect(card).toContainText("How we pick a queue. 2 options, 1 criterion.");
});

test("while the weights for a new answer are on their way, the proposal shown stays and says it is updating", async ({
  alice: owner,
  soloDrf,
}) => {
  const page = owner.page;
  await page.goto(`/t/${soloDrf.team.slug}/new`);
  await page.getByRole("button", { name: /Use “Django REST Framework or FastAPI\?”/ }).click();
  await page
    .getByRole("group", { name: "Is the team already fluent in Django?" })
    .getByRole("radio", { name: "Yes" })
    .check();
  const earlier = page.getByText(/Learning curve and team familiarity: 3 → 5/);
  await expect(earlier).toBeVisible();

  const release = await holdProcedure(page, "project.suggestWeights");
  await page
    .getByRole("group", { name: "Do you need real-time features or WebSockets?" })
    .getByRole("radio", { name: "Yes" })
    .check();
  const use = page.getByRole("button", { name: "Use these weights" });
  // Not emptied to "Answer a question…" as if nothing had been answered, nor disabled.
  await expect(use).toHaveAttribute("aria-busy", "true");
  await expect(earlier).toBeVisible();
  await expect(page.getByText("Answer a question to see how it moves the weights.")).toHaveCount(0);
  release();
  await expect(use).not.toHaveAttribute("aria-busy", "true");
  await expect(earlier).toBeVisible();
});

test("an edit cannot move a deadline to a time that has already passed, on an open decision or a draft's form, and a deadline can still be cleared", async ({
  alice: owner,
  soloDrf,
}) => {
  const passed = "That deadline has already passed: pick a later date and time, or leave it empty.";
  const { url, projectId, team, template } = soloDrf;
  const request = owner.context.request;
  const page = owner.page;
  const deadline = page.getByText(/^Deadline( passed)?: /);

  // An open decision edited over the API, as a script or another client would.
  const refused = await request.post("/api/trpc/project.update", {
    data: { projectId, deadline: "2020-01-01T10:00:00.000Z" },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain(passed);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(deadline).toHaveCount(0);

  // A later deadline is kept, and clearing it is always allowed.
  const nextWeek = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  await mutate(request, "project.update", { projectId, deadline: nextWeek });
  await page.reload();
  await expect(deadline).toHaveText(/^Deadline: /);
  await mutate(request, "project.update", { projectId, deadline: null });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(deadline).toHaveCount(0);

  // A draft's edit form says so next to the deadline, and saves once the deadline is cleared.
  const draft = await createFromTemplate(request, team.id, template, { title: "A draft to edit" });
  await page.goto(`/t/${team.slug}/p/${draft.id}/edit`);
  await page.getByLabel("Deadline").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByLabel("Deadline")).toHaveAccessibleDescription(passed);
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByLabel("Deadline").fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${draft.id}$`));
});
