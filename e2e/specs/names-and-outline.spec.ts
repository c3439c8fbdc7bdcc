import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { describeViolation } from "../support/axe";
import { mutate, type Person, query, recordOverApi, voteOverApi } from "../support/decisions";
import { documentWidth } from "../support/layout";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";

/**
 * What a screen reader, a voice-control user and a phone make of names people type: long option
 * names, several webhooks, tokens and share links, and headings inside a record's Markdown.
 */

test.setTimeout(120_000);

const LONG_OPTIONS = [
  { key: "elk", name: "Elasticsearch, Logstash and Kibana (the ELK stack)", description: "" },
  {
    key: "datadog",
    name: "Datadog with APM, log management and real user monitoring",
    description: "",
  },
];

/** A project of `owner`'s team with two long option names, opened, voted on and drafted. */
async function observabilityProject(owner: Person, team: { id: string; slug: string }) {
  const request = owner.context.request;
  const project = await mutate<{ id: string }>(request, "project.create", {
    teamId: team.id,
    title: "Which observability stack?",
    context: "",
    options: LONG_OPTIONS,
    criteria: [{ key: "cost", name: "Cost", description: "", defaultWeight: 3 }],
  });
  await mutate(request, "project.open", { projectId: project.id });
  await voteOverApi(request, project.id, {
    cost: { weight: 4, scores: { elk: 2, datadog: 4 }, rationale: "It costs less to run." },
  });
  return { projectId: project.id, url: `/t/${team.slug}/p/${project.id}` };
}

/**
 * `owner` writes the draft's rationale in its editor, names themselves the decision-maker and
 * accepts the draft, overriding the approval.
 */
async function acceptDraftAs(
  owner: Person,
  project: { projectId: string; url: string },
  chosenOptionKey: string,
) {
  const { projectId, url } = project;
  await owner.page.goto(`${url}/draft`);
  await owner.page.getByRole("textbox", { name: "Rationale", exact: true }).click();
  await owner.page.keyboard.type("It fits our budget.", { delay: 10 });
  await expect(owner.page.getByTestId("draft-sync-status")).toHaveText("All changes saved");
  const draft = await query<{ viewer: { userId: string } }>(owner.context.request, "draft.get", {
    projectId,
  });
  await mutate(owner.context.request, "draft.updateFields", {
    projectId,
    chosenOptionKey,
    decisionMakers: [{ userId: draft.viewer.userId, name: owner.user.name }],
  });
  await mutate(owner.context.request, "draft.accept", {
    projectId,
    overrideReason: "Recorded for the test.",
    confirmProvisional: true,
  });
}

test("pages that show long option names fit a 390 px phone", async ({ alice, drf }) => {
  const { projectId, url } = await observabilityProject(alice, drf.team);
  await mutate(alice.context.request, "draft.start", { projectId });
  await mutate(alice.context.request, "draft.updateFields", {
    projectId,
    chosenOptionKey: "datadog",
  });
  const page = alice.page;
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto(`${url}/draft`);
  await expect(page.getByLabel("Chosen option")).toHaveValue("datadog");
  expect(await documentWidth(page), "the draft page").toBeLessThanOrEqual(390);

  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Which observability stack?");
  await page.waitForLoadState("networkidle");
  expect(await documentWidth(page), "the project page").toBeLessThanOrEqual(390);

  await acceptDraftAs(alice, { projectId, url }, "datadog");
  await page.goto(`${url}/record`);
  await expect(page.getByText(LONG_OPTIONS[1]?.name ?? "").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await documentWidth(page), "the record page").toBeLessThanOrEqual(390);
});

test("the draft's text boxes are named in full", async ({ alice, soloDrf }) => {
  await mutate(alice.context.request, "draft.start", { projectId: soloDrf.projectId });
  const page = alice.page;
  await page.goto(`${soloDrf.url}/draft`);
  for (const name of ["Good consequences", "Neutral consequences", "Bad consequences"]) {
    await expect(page.getByRole("textbox", { name, exact: true })).toBeVisible();
  }
});

/** The names of the buttons whose name starts with `start`, in the page's order. */
async function buttonNames(page: Page, start: string) {
  const buttons = page.getByRole("button", { name: new RegExp(`^${start}`) });
  const names: string[] = [];
  for (const button of await buttons.all()) {
    names.push(
      (await button.getAttribute("aria-label")) ??
        ((await button.textContent()) ?? "").replace(/\s+/g, " ").trim(),
    );
  }
  return names;
}

test("each webhook's and each token's buttons name what they act on", async ({ alice }) => {
  const request = alice.context.request;
  const team = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: uniqueName("Hooks"),
  });
  const urls = ["http://127.0.0.1:9/first-hook", "http://127.0.0.1:9/second-hook"];
  for (const url of urls) {
    await mutate(request, "webhook.create", {
      teamId: team.id,
      url,
      events: ["project.opened"],
      format: "JSON",
    });
  }
  const page = alice.page;
  await page.goto(`/t/${team.slug}/settings`);
  const section = page.getByRole("region", { name: "Webhooks" });
  await expect(section.getByTestId("webhook-url")).toHaveCount(2);
  for (const action of ["Send test event", "Delivery log", "Turn off", "Rotate secret"]) {
    for (const url of urls) {
      // The visible words stay the start of the name, for voice control.
      await expect(
        section.getByRole("button", { name: `${action} of the webhook ${url}`, exact: true }),
      ).toHaveCount(1);
    }
  }

  await mutate(request, "token.create", { name: "Laptop CLI" });
  await mutate(request, "token.create", { name: "CI runner" });
  await page.goto("/account/tokens");
  await expect(page.getByRole("button", { name: "Revoke the token “Laptop CLI”" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Revoke the token “CI runner”" })).toHaveCount(1);
});

test("each share link's Revoke button names its link", async ({ alice, drf }) => {
  const { projectId, url } = await observabilityProject(alice, drf.team);
  await recordOverApi(alice, projectId, "It costs less to run.", { chosenOptionKey: "datadog" });
  await mutate(alice.context.request, "share.create", {
    projectId,
    showVotes: false,
    expiresAt: null,
  });
  await mutate(alice.context.request, "share.create", {
    projectId,
    showVotes: true,
    expiresAt: null,
  });
  const page = alice.page;
  await page.goto(`${url}/record`);
  await expect(page.getByTestId("share-link-status")).toHaveCount(2);
  const names = await buttonNames(page, "Revoke");
  expect(names).toHaveLength(2);
  expect(new Set(names).size, names.join(" | ")).toBe(2);
  for (const name of names) expect(name).toMatch(/^Revoke the share link created /);
});

/** axe's heading-order rule alone: each heading at most one level below the one before. */
async function headingOrder(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
  return results.violations.map(describeViolation);
}

test("headings inside a record's Markdown follow the page's outline, signed in and shared", async ({
  alice,
  bob,
  drf,
}) => {
  const { projectId, url, first } = drf;
  await voteOverApi(bob.context.request, projectId, {
    [first.key]: { weight: 5, scores: { drf: 2, fastapi: 5 }, rationale: "Typed handlers." },
  });
  // The draft starts with "More information" holding "## Members' reasons per option".
  await mutate(alice.context.request, "draft.start", { projectId });
  await acceptDraftAs(alice, drf, "fastapi");
  const page = alice.page;
  await page.goto(`${url}/record`);
  const more = page.getByRole("region", { name: "More information" });
  await expect(more.getByRole("heading", { name: "Members' reasons per option" })).toBeVisible();
  expect(await headingOrder(page), "the record page").toEqual([]);

  const link = await mutate<{ path: string }>(alice.context.request, "share.create", {
    projectId,
    showVotes: false,
    expiresAt: null,
  });
  const reader = bob.page;
  await reader.goto(link.path);
  await expect(reader.getByRole("heading", { name: "Members' reasons per option" })).toBeVisible();
  expect(await headingOrder(reader), "the share page").toEqual([]);
});
