import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseURL } from "../playwright.config";
import { createToken, loggedInCli, tradeoff } from "../support/cli";
import { createFromTemplate, query } from "../support/decisions";
import { expect, test } from "../support/members";

/** Runs a command that must succeed, and reads its --json answer. */
async function json<T>(configDir: string, args: string[]): Promise<T> {
  const run = await tradeoff(configDir, [...args, "--json"]);
  expect(run.stderr, args.join(" ")).toBe("");
  expect(run.code, args.join(" ")).toBe(0);
  return JSON.parse(run.stdout) as T;
}

type Listed = { ref: string; status: string; title: string };
type Summary = {
  ref: string;
  status: string;
  chosenOption: { key: string; name: string } | null;
  revision: number | null;
};

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test("the CLI runs a decision's whole lifecycle on a running server, every answer readable as JSON", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team, projectId, template } = soloDrf;
  const request = owner.context.request;
  // A second decision, left as a draft: it will replace the first.
  const second = await createFromTemplate(request, team.id, template, {
    title: "Which framework for the billing API, again?",
  });
  const { config } = await loggedInCli(request, "ci");
  const first = `${team.slug}/1`;
  const next = `${team.slug}/2`;

  // projects: the status filter, as text and as JSON.
  const open = await json<Listed[]>(config, ["projects", "--team", team.slug, "--status", "open"]);
  expect(open.map((p) => [p.ref, p.status])).toEqual([[first, "open"]]);
  const drafts = await json<Listed[]>(config, [
    "projects",
    "--team",
    team.slug,
    "--status",
    "draft",
  ]);
  expect(drafts.map((p) => p.ref)).toEqual([next]);
  const none = await tradeoff(config, ["projects", "--team", team.slug, "--status", "archived"]);
  expect(none.stdout).toBe("No archived decision projects.\n");

  // open and close.
  expect((await tradeoff(config, ["open", next])).stdout).toBe(`${next} is open for voting.\n`);
  // Closing ends the vote; the decision is made when its record is written.
  expect(await json(config, ["close", first])).toEqual({
    ref: first,
    id: projectId,
    number: 1,
    status: "closed",
  });
  const closed = await json<Listed[]>(config, [
    "projects",
    "--team",
    team.slug,
    "--status",
    "closed",
  ]);
  expect(closed.map((p) => [p.ref, p.status])).toEqual([[first, "closed"]]);
  expect((await tradeoff(config, ["show", first])).stdout.split("\n")[0]).toMatch(/ \(closed\)$/);

  // decide: the rationale and consequences from files, a review date.
  const dir = await mkdtemp(join(tmpdir(), "tradeoff-decide-"));
  await writeFile(join(dir, "why.md"), "The team scored it higher on what matters to billing.\n");
  await writeFile(
    join(dir, "consequences.txt"),
    "good: async views out of the box\nbad: fewer batteries than Django REST framework\n",
  );
  const badDate = await tradeoff(config, [
    "decide",
    first,
    "--option",
    "fastapi",
    "--rationale",
    "because",
    "--review-by",
    "someday",
    "--provisional",
  ]);
  expect(badDate.code).toBe(1);
  expect(badDate.stderr).toMatch(/Some fields need attention\.\n\s+--review-by: /);
  const badOption = await tradeoff(config, [
    "decide",
    first,
    "--option",
    "rails",
    "--rationale",
    "x",
    "--provisional",
  ]);
  expect(badOption.code).toBe(1);
  expect(badOption.stderr).toContain("Choose one of the project's options.");

  const decided = await json<Summary>(config, [
    "decide",
    first,
    "--option",
    "fastapi",
    "--rationale",
    `@${join(dir, "why.md")}`,
    "--consequences",
    `@${join(dir, "consequences.txt")}`,
    "--review-by",
    "2027-06-01",
    "--provisional",
  ]);
  expect(decided).toMatchObject({ ref: first, chosenOption: { key: "fastapi" }, revision: 1 });
  const recorded = await json<Listed[]>(config, [
    "projects",
    "--team",
    team.slug,
    "--status",
    "decided",
  ]);
  expect(recorded.map((p) => [p.ref, p.status])).toEqual([[first, "decided"]]);
  const record = await query<{
    revisions: {
      fields: {
        rationale: string;
        consequences: { good: string[]; bad: string[] };
        reviewDate: string;
      };
    }[];
  }>(request, "record.get", { projectId });
  expect(record.revisions[0]?.fields).toMatchObject({
    rationale: "The team scored it higher on what matters to billing.",
    consequences: {
      good: ["async views out of the box"],
      bad: ["fewer batteries than Django REST framework"],
    },
  });
  expect(record.revisions[0]?.fields.reviewDate).toMatch(/^2027-06-01/);

  // A day the calendar does not have is refused, never saved as another day.
  const impossible = await tradeoff(config, [
    "revise",
    first,
    "--rationale",
    "Kept.",
    "--note",
    "x",
    "--review-by",
    "2027-02-30",
  ]);
  expect(impossible.code).toBe(1);
  expect(impossible.stderr).toContain(
    "--review-by: The review date has no day 2027-02-30 in the calendar: check the month and day (for example 2027-03-31).",
  );
  const unchanged = await query<{ revisions: { fields: { reviewDate: string | null } }[] }>(
    request,
    "record.get",
    { projectId },
  );
  expect(unchanged.revisions).toHaveLength(1);
  expect(unchanged.revisions[0]?.fields.reviewDate).toMatch(/^2027-06-01/);

  // revise: only what is named changes, with the reason.
  const revised = await json<Summary>(config, [
    "revise",
    first,
    "--rationale",
    "Async views and the team's scores.",
    "--note",
    "Shorter rationale",
  ]);
  expect(revised.revision).toBe(2);
  const after = await query<{
    revisions: { note: string; fields: { rationale: string; chosenOptionKey: string } }[];
  }>(request, "record.get", { projectId });
  expect(after.revisions[0]).toMatchObject({
    note: "Shorter rationale",
    fields: { rationale: "Async views and the team's scores.", chosenOptionKey: "fastapi" },
  });

  // supersede: the second decision replaces the first.
  await tradeoff(config, ["close", next]);
  await json(config, [
    "decide",
    next,
    "--option",
    "drf",
    "--rationale",
    "Batteries.",
    "--provisional",
  ]);
  const superseded = await json<Summary & { supersededBy: string[] }>(config, [
    "supersede",
    first,
    "--by",
    next,
  ]);
  expect(superseded).toMatchObject({ status: "superseded", supersededBy: [second.id] });
  const shown = await tradeoff(config, ["show", first]);
  expect(shown.stdout.split("\n")[0]).toMatch(/ \(superseded; decided: [^)]+\)$/);
  const cycle = await tradeoff(config, ["supersede", next, "--by", first]);
  expect(cycle.code).not.toBe(0);

  // share: create, list, revoke.
  const link = await json<{ id: string; url: string }>(config, ["share", next]);
  expect(link.url.startsWith(`${baseURL}/`)).toBe(true);
  expect((await request.get(link.url)).status()).toBe(200);
  const listed = await json<{ id: string; revokedAt: string | null }[]>(config, [
    "share",
    next,
    "--list",
  ]);
  expect(listed.map((l) => [l.id, l.revokedAt])).toEqual([[link.id, null]]);
  const revoked = await tradeoff(config, ["share", next, "--revoke", link.id]);
  expect(revoked.stdout).toBe(`Revoked share link ${link.id}.\n`);
  const relisted = await json<{ revokedAt: string | null }[]>(config, ["share", next, "--list"]);
  expect(relisted[0]?.revokedAt).not.toBeNull();

  // tag: set (replacing), list the team's, refuse a malformed tag as bad input, clear.
  const tagged = await json<{ tags: string[] }>(config, ["tag", next, "security", "data-model"]);
  expect(tagged.tags).toEqual(["security", "data-model"]);
  const used = await json<{ tag: string; projects: number }[]>(config, [
    "tag",
    "--list",
    "--team",
    team.slug,
  ]);
  expect(used).toEqual([
    { tag: "data-model", projects: 1 },
    { tag: "security", projects: 1 },
  ]);
  const badTag = await tradeoff(config, ["tag", next, "data model!"]);
  expect(badTag.code).toBe(1);
  expect(badTag.stderr).toContain("A tag is lower-case letters, digits and dashes");
  const cleared = await tradeoff(config, ["tag", next, "--clear"]);
  expect(cleared.stdout).toBe(`${next} has no tags.\n`);
  expect((await tradeoff(config, ["tag", next])).code).toBe(2);

  // A failure with --json is JSON on stderr, with the documented exit code.
  const missing = await tradeoff(config, ["close", `${team.slug}/99`, "--json"]);
  expect(missing.code).toBe(5);
  expect(JSON.parse(missing.stderr)).toEqual({
    error: { message: `Team ${team.slug} has no decision number 99.`, exitCode: 5 },
  });
});

test("the REST API answers a token over plain HTTP, with its OpenAPI description and docs page", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team, projectId } = soloDrf;
  const request = owner.context.request;
  const { token } = await createToken(request, "curl");
  const headers = { authorization: `Bearer ${token}` };

  const description = await fetch(`${baseURL}/api/v1/openapi.json`);
  expect(description.status).toBe(200);
  expect(((await description.json()) as { openapi: string }).openapi).toBe("3.1.0");

  // The API's root is the API's too: a problem pointing at the description, not a web page.
  for (const root of ["/api/v1", "/api/v1/"]) {
    const answer = await fetch(`${baseURL}${root}`, { headers });
    expect(answer.status, root).toBe(404);
    expect(answer.headers.get("content-type"), root).toBe("application/problem+json");
    expect(((await answer.json()) as { detail: string }).detail, root).toContain(
      "/api/v1/openapi.json",
    );
  }

  const docs = await fetch(`${baseURL}/api/docs`);
  expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
  expect(docs.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(await docs.text()).toContain("/api/v1/record/decide");

  const list = await fetch(`${baseURL}/api/v1/project/list?teamId=${team.id}&status=OPEN`, {
    headers,
  });
  expect(list.status).toBe(200);
  expect(list.headers.get("x-request-id")).toBeTruthy();
  expect(((await list.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([
    projectId,
  ]);

  const bad = await fetch(`${baseURL}/api/v1/vote/cast`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ projectId, criterionKey: "performance", weight: 9, scores: {} }),
  });
  expect(bad.status).toBe(400);
  expect(bad.headers.get("content-type")).toBe("application/problem+json");
  expect(await bad.json()).toMatchObject({
    status: 400,
    code: "BAD_REQUEST",
    detail: "Some fields need attention.",
    fieldErrors: { weight: ["Importance is a whole number from 0 to 5."] },
  });

  const foreign = await fetch(`${baseURL}/api/v1/project/close`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", origin: "https://evil.example" },
    body: JSON.stringify({ projectId }),
  });
  expect(foreign.status).toBe(403);
  expect(((await foreign.json()) as { detail: string }).detail).toMatch(/another site/);

  const closed = await fetch(`${baseURL}/api/v1/project/close`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ projectId }),
  });
  expect(closed.status).toBeLessThan(300);
  expect((await query<{ status: string }>(request, "project.get", { projectId })).status).toBe(
    "DECIDED",
  );
});
