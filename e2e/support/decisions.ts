import { readFile } from "node:fs/promises";
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { type DecisionTemplate, templateToProjectInput } from "@tradeoff/templates";
import { parse as parseYaml } from "yaml";
import { baseURL } from "../playwright.config";
import { deferred } from "./deferred";
import { signInOverHttp, signUpOverApi, type TestUser, uniqueUser } from "./fixtures";
import { uniqueName } from "./names";

/** Calls a tRPC mutation over HTTP, as the signed-in user of `request`. */
export async function mutate<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
) {
  const response = await request.post(`/api/trpc/${path}`, { data: input });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Calls a tRPC query over HTTP. */
export async function query<T = unknown>(request: APIRequestContext, path: string, input: unknown) {
  const encoded = encodeURIComponent(JSON.stringify(input));
  const response = await request.get(`/api/trpc/${path}?input=${encoded}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

export type Person = { user: TestUser; context: BrowserContext; page: Page };

/** A new browser context with a freshly signed-up, signed-in user. */
export async function person(
  browser: Browser,
  label: string,
  name?: string,
  /** Another app instance than the shared e2e server (a spec's own, e.g. with SMTP). */
  origin: string = baseURL,
): Promise<Person> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const user = { ...uniqueUser(label), ...(name ? { name } : {}) };
  await signUpOverApi(context.request, user);
  await signInOverHttp(context.request, user);
  return { user, context, page };
}

/** A built-in template as `project.templates` answers it. */
type BuiltIn = Pick<DecisionTemplate, "key" | "title" | "context" | "options" | "criteria">;

/**
 * A new team of `owner` (and `others`, joined by invitation) with one team template, "Queue
 * choice" (two options, one criterion), saved from a project of its own.
 */
export async function teamWithQueueTemplate(owner: Person, others: Person[]) {
  const team = await teamJoinedBy(owner, others, uniqueName("Tpl"));
  const project = await createQueueProject(owner.context.request, team.id);
  await mutate(owner.context.request, "project.saveAsTemplate", {
    projectId: project.id,
    name: "Queue choice",
    description: "How we pick a queue.",
  });
  return team;
}

/**
 * The DRF project scored (its first criterion, FastAPI ahead) and decided for FastAPI by its
 * owner over the API, confirming the provisional result: its record page has exports, sharing
 * and supersession.
 */
export async function decideOverApi(owner: Person, drf: DrfProject) {
  await voteOverApi(owner.context.request, drf.projectId, {
    [drf.first.key]: { weight: 4, scores: { drf: 2, fastapi: 4 } },
  });
  await recordOverApi(owner, drf.projectId, "It fits our typed, async services.");
}

/**
 * `decider` records FastAPI as the decision of `projectId` over the API, for `rationale`, as its
 * decision maker, confirming a provisional result knowingly; `more` adds or replaces fields of
 * the record (another `chosenOptionKey`, consequences, a justification…).
 */
export function recordOverApi(
  decider: Person,
  projectId: string,
  rationale: string,
  more: Record<string, unknown> = {},
) {
  return mutate(decider.context.request, "record.decide", {
    projectId,
    chosenOptionKey: "fastapi",
    rationale,
    decisionMakers: [{ name: decider.user.name }],
    confirmProvisional: true,
    ...more,
  });
}

/**
 * A small project of `request`'s user in `teamId`, not yet open: `title`, the options given as
 * [key, name], and one criterion, Operations unless `criterion` names another; no descriptions.
 */
export function createSmallProject(
  request: APIRequestContext,
  teamId: string,
  project: {
    title: string;
    context?: string;
    options: [key: string, name: string][];
    criterion?: { key: string; name: string };
  },
) {
  const { title, context = "", options, criterion = { key: "ops", name: "Operations" } } = project;
  return mutate<{ id: string; number: number }>(request, "project.create", {
    teamId,
    title,
    context,
    options: options.map(([key, name]) => ({ key, name, description: "" })),
    criteria: [{ ...criterion, description: "", defaultWeight: 3 }],
  });
}

/** `createSmallProject`, then opened for voting by the same user. */
export async function openSmallProject(
  request: APIRequestContext,
  teamId: string,
  project: Parameters<typeof createSmallProject>[2],
) {
  const created = await createSmallProject(request, teamId, project);
  await mutate(request, "project.open", { projectId: created.id });
  return created;
}

/**
 * "Which cache for sessions?", a small project (Redis, Memcached; Operations) that `teammate`
 * creates in `teamId` and opens: a notification in the inbox of every other member.
 */
export function teammatesCacheDecision(teammate: Person, teamId: string) {
  return openSmallProject(teammate.context.request, teamId, {
    title: "Which cache for sessions?",
    options: [
      ["redis", "Redis"],
      ["memcached", "Memcached"],
    ],
  });
}

/**
 * `owner` records FastAPI for `projectId` (a rationale, one good consequence, themselves as
 * decision maker), confirming a provisional result knowingly, and shares the record: returns the
 * share link's path, which anyone can read signed out.
 */
export async function recordAndShare(owner: Person, projectId: string) {
  await recordOverApi(owner, projectId, "It fits our typed, async services.", {
    consequences: { good: ["Request models are checked at the edge."], neutral: [], bad: [] },
  });
  return mutate<{ path: string }>(owner.context.request, "share.create", { projectId });
}

/**
 * "Which queue?", a small project of `request`'s user in `teamId`, not yet open: two options
 * (Kafka, SQS) and one criterion (Operations).
 */
export function createQueueProject(request: APIRequestContext, teamId: string) {
  return createSmallProject(request, teamId, {
    title: "Which queue?",
    options: [
      ["a", "Kafka"],
      ["b", "SQS"],
    ],
  });
}

/**
 * `member` scores the first criterion of the DRF vs FastAPI project (FastAPI ahead, with `reason`),
 * then starts the record draft from the project page; returns their page, on the draft.
 */
export async function voteAndStartDraft(
  member: Person,
  drf: Awaited<ReturnType<typeof teamWithDrfProject>>,
  reason: string,
) {
  await voteOverApi(member.context.request, drf.projectId, {
    [drf.first.key]: { weight: 5, scores: { drf: 2, fastapi: 5 }, rationale: reason },
  });
  const page = member.page;
  await page.goto(drf.url);
  await page.getByRole("button", { name: "Start the record draft" }).click();
  await expect(page).toHaveURL(new RegExp(`${drf.url}/draft$`));
  return page;
}

/**
 * A new team of `owner` and `others` (joined by invitation), named `teamName` and a random
 * suffix, with `project` (the input of `project.create`, without the team) created in it by
 * `owner` and opened for voting: the team, the project's id and its page's address.
 */
export async function openInNewTeam(
  owner: Person,
  others: Person[],
  teamName: string,
  project: Record<string, unknown>,
) {
  const request = owner.context.request;
  const team = await teamJoinedBy(owner, others, uniqueName(teamName));
  const { id } = await mutate<{ id: string }>(request, "project.create", {
    teamId: team.id,
    ...project,
  });
  await mutate(request, "project.open", { projectId: id });
  return { team, projectId: id, url: `/t/${team.slug}/p/${id}` };
}

/** A team named `name`, owned by `owner`, which each of `others` joins through an invitation. */
export async function teamJoinedBy(owner: Person, others: Person[], name: string) {
  const team = await mutate<{ id: string; slug: string }>(owner.context.request, "team.create", {
    name,
  });
  for (const other of others) {
    const invitation = await mutate<{ token: string }>(owner.context.request, "invitation.create", {
      teamId: team.id,
      role: "MEMBER",
    });
    await mutate(other.context.request, "invitation.accept", { token: invitation.token });
  }
  return team;
}

/**
 * A team owned by `owner` with `others` joined through invitation links, and a project from
 * the built-in DRF vs FastAPI template, opened for voting.
 */
export async function teamWithDrfProject(
  owner: Person,
  others: Person[],
  opts: { votingMode?: "OPEN" | "BLIND"; title?: string; teamName?: string } = {},
) {
  const team = await teamJoinedBy(owner, others, opts.teamName ?? uniqueName("Platform"));
  const templates = await query<{ builtIn: BuiltIn[] }>(
    owner.context.request,
    "project.templates",
    {
      teamId: team.id,
    },
  );
  const drf = templates.builtIn.find((t) => t.key === "drf-vs-fastapi");
  if (!drf) throw new Error("The built-in template is missing.");
  const project = await createFromTemplate(owner.context.request, team.id, drf, {
    title: opts.title,
    votingMode: opts.votingMode ?? "OPEN",
  });
  await mutate(owner.context.request, "project.open", { projectId: project.id });
  const [first] = drf.criteria;
  if (!first) throw new Error("The built-in template has no criteria.");
  return {
    team,
    projectId: project.id,
    url: `/t/${team.slug}/p/${project.id}`,
    template: drf,
    /** The template's first criterion, the one specs vote on when any one will do. */
    first,
  };
}

/**
 * A project made from a built-in template as `request`'s user, not yet open for voting;
 * `title` replaces the template's, `votingMode` the server's default.
 */
export function createFromTemplate(
  request: APIRequestContext,
  teamId: string,
  template: BuiltIn,
  opts: { title?: string | undefined; votingMode?: "OPEN" | "BLIND" } = {},
) {
  return mutate<{ id: string }>(request, "project.create", {
    teamId,
    ...templateToProjectInput(template),
    title: opts.title ?? template.title,
    ...(opts.votingMode ? { votingMode: opts.votingMode } : {}),
  });
}

export type DrfProject = Awaited<ReturnType<typeof teamWithDrfProject>>;

/**
 * A blind vote on DRF or FastAPI in `owner`'s team, still open, on which `voter` (a member)
 * scored the first criterion, FastAPI ahead, and the owner did not vote.
 */
export async function blindVoteScoredBy(owner: Person, voter: Person) {
  const drf = await teamWithDrfProject(owner, [voter], { votingMode: "BLIND" });
  await voteOverApi(voter.context.request, drf.projectId, {
    [drf.first.key]: { weight: 5, scores: { drf: 2, fastapi: 5 } },
  });
  return drf;
}

/**
 * A second project in `drf`'s team with the same options and criteria, "Keep FastAPI, move to
 * async workers", not yet open: the decision specs supersede the DRF project with.
 */
export function createSuccessor(request: APIRequestContext, drf: DrfProject) {
  return mutate<{ id: string }>(request, "project.create", {
    teamId: drf.team.id,
    title: "Keep FastAPI, move to async workers",
    context: "Workers block the event loop.",
    options: drf.template.options,
    criteria: drf.template.criteria.map(({ key, name, description, defaultWeight }) => ({
      key,
      name,
      description,
      defaultWeight,
    })),
  });
}

/** A criterion's card in the voting panel ("4. Performance under high concurrency"). */
export function criterionCard(page: Page, criterionName: string) {
  return page.getByRole("group", { name: new RegExp(`^\\d+\\.\\s*${criterionName}`) });
}

/** Votes through the voting panel: importance and a score per option, then waits for "Saved". */
export async function voteInPage(
  page: Page,
  criterionName: string,
  vote: { importance: number; scores: Record<string, number> },
) {
  const card = criterionCard(page, criterionName);
  // A click, then the state the member ends up seeing: a press that lands before the page is
  // interactive is applied once it is (early-press.ts), so the radio may flicker in between.
  const choose = async (group: string, value: number) => {
    const radio = card
      .getByRole("group", { name: group })
      .getByRole("radio", { name: new RegExp(`^${value}\\b`) });
    await radio.click();
    await expect(radio).toBeChecked();
  };
  await choose(`Importance of ${criterionName}`, vote.importance);
  for (const [option, score] of Object.entries(vote.scores)) {
    await choose(`${option} score on ${criterionName}`, score);
  }
  await expect(card.getByText("Saved", { exact: true })).toBeVisible();
}

/** Direct votes over HTTP, for building up a realistic team quickly. */
export async function voteOverApi(
  request: APIRequestContext,
  projectId: string,
  votes: Record<
    string,
    {
      weight: number | null;
      scores: Record<string, number | null>;
      rationale?: string;
      noOpinion?: boolean;
    }
  >,
) {
  for (const [criterionKey, vote] of Object.entries(votes)) {
    await mutate(request, "vote.cast", { projectId, criterionKey, ...vote });
  }
}

/**
 * Holds the page's requests to one tRPC procedure until `release()`, as on a slow connection:
 * what a user sees while the request is on its way.
 */
export async function holdProcedure(page: Page, procedure: string) {
  const released = deferred();
  await page.route(
    (url) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes(procedure),
    async (route) => {
      await released.promise;
      await route.continue();
    },
  );
  return released.resolve;
}

/**
 * Lets the server carry out the page's first request to one tRPC procedure (`team.create`, say)
 * and drops its answer, as a connection that resets before the answer arrives; later requests
 * go through. Answers how many requests to it the page has made so far.
 */
export async function loseFirstAnswer(page: Page, procedure: string) {
  let requests = 0;
  const path = new RegExp(`/api/trpc/[^?]*${procedure.replaceAll(".", "\\.")}\\b`);
  await page.route(path, async (route) => {
    if (requests++ > 0) return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  return () => requests;
}

/**
 * Presses the button named `button`, whose request to `procedure` the server carries out while
 * its answer is lost on the way back (loseFirstAnswer), waits until the button can be pressed
 * again and presses it again: a user retrying after a dropped connection.
 */
export async function pressAgainAfterLostAnswer(page: Page, procedure: string, button: string) {
  const requests = await loseFirstAnswer(page, procedure);
  await page.getByRole("button", { name: button }).click();
  await expect.poll(requests).toBe(1);
  await expect(page.getByRole("button", { name: button })).toBeEnabled();
  await page.getByRole("button", { name: button }).click();
}

/**
 * Holds the first of the page's requests to one tRPC procedure whose input matches `input` (the
 * cursor of a "Show older" press, say) until `release()`, and lets every other one through, so a
 * refresh of the list and the older page cross. `asked` settles once that request is held.
 */
export async function holdFirstRequestWith(page: Page, procedure: string, input: RegExp) {
  const released = deferred();
  const asked = deferred();
  let holding = false;
  await page.route(
    (url) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes(procedure),
    async (route) => {
      const sent = decodeURIComponent(
        new URL(route.request().url()).searchParams.get("input") ?? "",
      );
      if (!holding && input.test(sent)) {
        holding = true;
        asked.resolve();
        await released.promise;
      }
      // The page may have given up on the request meanwhile.
      await route.continue().catch(() => {});
    },
  );
  return { asked: asked.promise, release: released.resolve };
}

/**
 * On the project page `page` shows, with more changes than the first page of its history (30):
 * opens the History tab and presses "Show older changes" from the keyboard. Answers the list's
 * items and the button.
 */
export async function pressShowOlderChanges(page: Page) {
  await page.getByRole("tab", { name: "History" }).click();
  const events = page.getByTestId("history-events").locator(":scope > li");
  await expect(events).toHaveCount(30);
  const older = page.getByRole("button", { name: "Show older changes" });
  await older.focus();
  await page.keyboard.press("Enter");
  return { events, older };
}

/**
 * Holds the page's scripts back until `release()`, as on a slow connection: the server's HTML
 * shows and nothing is interactive yet. `held()` counts the scripts held so far.
 */
export async function holdScripts(page: Page) {
  const released = deferred();
  let held = 0;
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    held++;
    await released.promise;
    await route.continue();
  });
  return { release: released.resolve, held: () => held };
}

/**
 * On a record draft `page` shows, with no decision-maker named yet: names `maker` its one
 * decision-maker and saves the fields; the draft then waits for their approval.
 */
export async function nameDecisionMaker(page: Page, maker: Person) {
  await page.getByRole("checkbox", { name: maker.user.name }).check();
  await page.getByRole("button", { name: "Save fields" }).click();
  await expect(page.getByTestId("approval-summary")).toHaveText(
    "0 of 1 decision-maker approved; needs their approval.",
  );
}

/**
 * On a record draft with one decision-maker, whose approval an edit made stale: approves it
 * again, and the stale notice goes while the approval counts.
 */
export async function approveAgain(page: Page) {
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("stale-review")).toHaveCount(0);
  await expect(page.getByTestId("approval-summary")).toHaveText(
    "1 of 1 decision-maker approved; needs their approval.",
  );
}

/** Accepts the record draft on a provisional result, confirming it as the page asks first. */
export async function acceptOnProvisionalResult(page: Page) {
  await page.getByRole("checkbox", { name: /Accept on a provisional result/ }).check();
  await page.getByRole("button", { name: "Accept the record" }).click();
  await expect(page.getByTestId("draft-status")).toHaveText("Accepted");
}

/**
 * Downloads the record's MADR file through the record page's "Markdown (MADR)" link: the
 * download, the file's text, and its YAML front matter parsed.
 */
export async function downloadMadr(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Markdown (MADR)" }).click();
  const file = await download;
  const md = await readFile((await file.path()) ?? "", "utf8");
  const [, yaml] = md.match(/^---\n([\s\S]*?)\n---\n/) ?? [];
  return { file, md, frontMatter: parseYaml(yaml ?? "") as unknown };
}

/**
 * On a record page: `approver`'s approval is shown, and the MADR export names them as the
 * decision-maker who approved it today, in its front matter and its text. Returns that Markdown.
 */
export async function expectApprovalInMadr(page: Page, approver: string) {
  await expect(page.getByTestId("record-approvals")).toContainText(`Approved by ${approver}`);
  const { md, frontMatter } = await downloadMadr(page);
  const today = new Date().toISOString().slice(0, 10);
  expect(frontMatter).toMatchObject({
    status: "accepted",
    "decision-makers": [approver],
    approvals: [{ name: approver, date: today }],
  });
  expect(md).toContain(`Approved by ${approver} (${today}).`);
  return md;
}

/** Whether React has hydrated the element (it marks each element it hydrates with its props). */
export function isHydrated(locator: Locator) {
  return locator.evaluate((element) =>
    Object.keys(element).some((key) => key.startsWith("__react")),
  );
}

/**
 * Marks the page's document so a test can tell later whether it was reloaded. Same-document
 * history updates (Next.js writes its router state into history after hydrating) keep the mark;
 * a reload or a full navigation loses it.
 */
export async function markDocument(page: Page) {
  const mark = Math.random().toString(36).slice(2);
  await page.evaluate((value) => {
    (globalThis as { tradeoffTestMark?: string }).tradeoffTestMark = value;
  }, mark);
  return {
    sameDocument: () =>
      page.evaluate(
        (value) => (globalThis as { tradeoffTestMark?: string }).tradeoffTestMark === value,
        mark,
      ),
  };
}
