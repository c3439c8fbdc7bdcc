import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { loggedInCli, tradeoff } from "../support/cli";
import {
  createSuccessor,
  mutate,
  type Person,
  query,
  recordOverApi,
  voteOverApi,
} from "../support/decisions";
import { expect, test } from "../support/members";

const filesOf = async (dir: string) => {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort())
    out[name] = await readFile(join(dir, name), "utf8");
  return out;
};

/** `files` (name: text) written into the folder `dir`, made first with its parents. */
async function writeFolder(dir: string, files: Record<string, string>) {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
}

/** The decisions of `teamId`, as `project.list` answers the user of `request`. */
const projectsOf = async (request: APIRequestContext, teamId: string) =>
  (await query<{ items: unknown[] }>(request, "project.list", { teamId })).items;

/**
 * The CLI logged in with a new token (`tokenName`, of `scope`) of `owner`, and a new team of
 * `owner` named `teamName`.
 */
async function cliAndNewTeam(
  owner: Person,
  tokenName: string,
  teamName: string,
  scope: "READ" | "READ_WRITE" = "READ_WRITE",
) {
  const request = owner.context.request;
  const { config } = await loggedInCli(request, tokenName, scope);
  const team = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: teamName,
  });
  return { request, config, team };
}

/**
 * The CLI, logged in with a new token of the user of `request`, exports every record of the team
 * into a new docs/decisions folder; answers the CLI's config, the export's arguments (to run
 * again with --check) and the files written.
 */
async function exportedFolder(request: APIRequestContext, tokenName: string, teamSlug: string) {
  const { config } = await loggedInCli(request, tokenName);
  const out = join(await mkdtemp(join(tmpdir(), "tradeoff-repo-")), "docs", "decisions");
  const args = ["export", "--all", "--team", teamSlug, "--out", out];
  expect((await tradeoff(config, args)).code).toBe(0);
  return { config, out, args, written: await filesOf(out) };
}

test.setTimeout(180_000);

test("export --all keeps a docs/decisions folder, --check guards it, import reads it back into another team", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team, projectId } = soloDrf;
  const request = owner.context.request;
  // Nothing is scored: there is no recommendation to justify going against.
  const decide = (id: string, rationale: string) =>
    recordOverApi(owner, id, `${rationale} Decided in the architecture review.`);
  await decide(projectId, "typed request models.");
  const second = await createSuccessor(request, soloDrf);
  await mutate(request, "project.open", { projectId: second.id });
  await decide(second.id, "the workers need it.");
  await mutate(request, "record.supersede", { projectId, successorIds: [second.id] });

  const { config } = await loggedInCli(request, "ci");

  const repo = await mkdtemp(join(tmpdir(), "tradeoff-repo-"));
  const out = join(repo, "docs", "decisions");
  const args = ["export", "--all", "--team", team.slug, "--format", "nygard", "--out", out];
  const first = await tradeoff(config, args);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  const records = ["0001-", "0002-keep-fastapi-move-to-async-workers.md"];
  const written = Object.keys(await filesOf(out));
  console.log(`exported docs/decisions (nygard):\n${written.map((f) => `  ${f}`).join("\n")}`);
  expect(written).toHaveLength(3);
  expect(written[0]).toMatch(/^0001-[a-z0-9-]+\.md$/);
  expect(written.slice(1)).toEqual([records[1], "README.md"]);
  const files = await filesOf(out);
  expect(files[records[1] as string]).toContain("Supersedes [1. ");
  expect(files[written[0] as string]).toContain(
    `Superseded by [2. Keep FastAPI, move to async workers](${records[1]})`,
  );

  // A file a person added stays; a rerun writes nothing; --check agrees.
  await writeFile(join(out, "notes.txt"), "our own notes\n");
  const again = await tradeoff(config, args);
  expect(again.stdout).toContain("2 records, 0 files written, 0 removed, 3 unchanged.");
  const check = await tradeoff(config, [...args, "--check"]);
  expect(check.code).toBe(0);
  expect(check.stdout).toContain("is up to date: 2 records.");

  // A hand edit makes the folder out of date: --check exits 1 and names the file.
  await writeFile(join(out, records[1] as string), "edited by hand\n");
  const stale = await tradeoff(config, [...args, "--check"]);
  expect(stale.code).toBe(1);
  expect(stale.stderr).toContain(`${records[1]} (record to write)`);
  const fixed = await tradeoff(config, args);
  expect(fixed.stdout).toContain("1 file written");
  expect(await readFile(join(out, "notes.txt"), "utf8")).toBe("our own notes\n");

  const onFile = await tradeoff(config, [...args.slice(0, -1), join(out, "notes.txt")]);
  expect(onFile.code).toBe(1);
  expect(onFile.stderr).toContain("this is a file, not a folder");

  // A folder that already has its own README.md: the export never replaces what it did not write.
  const adr = join(repo, "docs", "adr");
  await mkdir(adr);
  await writeFile(join(adr, "README.md"), "# Our architecture decisions\n");
  const foreign = await tradeoff(config, [...args.slice(0, -1), adr]);
  expect(foreign.code).toBe(1);
  expect(foreign.stderr).toContain("no export of Tradeoff wrote");
  expect(await readdir(adr)).toEqual(["README.md"]);
  expect(await readFile(join(adr, "README.md"), "utf8")).toBe("# Our architecture decisions\n");

  // The folder goes into another team: a preview first, then the import, then the same files.
  const other = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: "Archive team",
  });
  const preview = await tradeoff(config, ["import", out, "--team", other.slug, "--dry-run"]);
  console.log(`import preview:\n${preview.stdout}`);
  expect(preview.stderr).toBe("");
  expect(preview.stdout).toContain(
    `Would create 2 records in ${other.slug} (dry run: nothing was written):`,
  );
  expect(preview.stdout).toContain(
    `${other.slug}/2  Keep FastAPI, move to async workers  (accepted,`,
  );
  expect(preview.stdout).toContain(`superseded by ${records[1]}`);
  expect(preview.stdout).toContain("notes.txt: not a Markdown file (.md)");
  expect(preview.stdout).toContain("README.md: the index Tradeoff writes");
  expect(await projectsOf(request, other.id)).toEqual([]);

  const imported = await tradeoff(config, ["import", out, "--team", other.slug]);
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toContain(`Created 2 records in ${other.slug}:`);
  const copy = join(repo, "copy");
  const exported = await tradeoff(config, [
    "export",
    "--all",
    "--team",
    other.slug,
    "--format",
    "nygard",
    "--out",
    copy,
  ]);
  expect(exported.code).toBe(0);
  const { "notes.txt": _, ...original } = await filesOf(out);
  expect(await filesOf(copy)).toEqual(original);
});

test("a committed folder stays up to date while the team votes, and goes stale once it decides", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team, projectId } = soloDrf;
  const request = owner.context.request;
  const {
    config,
    out,
    args,
    written: proposed,
  } = await exportedFolder(request, "ci-votes", team.slug);

  // A vote changes the live recommendation, not what the repository holds: CI stays green.
  await voteOverApi(request, projectId, {
    performance: { weight: 5, scores: { drf: 2, fastapi: 5 } },
  });
  const afterVote = await tradeoff(config, [...args, "--check"]);
  expect(afterVote.stderr).toBe("");
  expect(afterVote.code).toBe(0);
  expect(await filesOf(out)).toEqual(proposed);

  // Recording the decision is what the folder is for: --check asks for it to be written.
  await recordOverApi(owner, projectId, "typed request models.");
  const afterDecision = await tradeoff(config, [...args, "--check"]);
  expect(afterDecision.code).toBe(1);
  expect(afterDecision.stderr).toContain("(record to write)");
});

test("a recorded decision's folder stays up to date when a voter leaves the team", async ({
  alice: owner,
  bob,
  drf,
}) => {
  const { team, projectId } = drf;
  const request = owner.context.request;
  // Alice favours DRF, Bob FastAPI by more: together they recommend FastAPI.
  await voteOverApi(request, projectId, {
    performance: { weight: 5, scores: { drf: 4, fastapi: 3 } },
  });
  await voteOverApi(bob.context.request, projectId, {
    performance: { weight: 5, scores: { drf: 1, fastapi: 5 } },
  });
  await recordOverApi(owner, projectId, "typed request models.");
  const { config, out, args, written } = await exportedFolder(request, "ci-leave", team.slug);

  // Bob leaves: the decision was recorded with his vote, and still reads as recorded.
  const members = await query<{ id: string; email: string | null }[]>(request, "member.list", {
    teamId: team.id,
  });
  const bobId = members.find((m) => m.email === bob.user.email)?.id;
  expect(bobId, "Bob is a member of the team").toBeTruthy();
  await mutate(request, "member.remove", { teamId: team.id, userId: bobId });
  const check = await tradeoff(config, [...args, "--check"]);
  expect(check.stderr).toBe("");
  expect(check.code).toBe(0);
  expect(await filesOf(out)).toEqual(written);
});

test("import stops when a numbered record file cannot be read, unless told to import the rest", async ({
  alice: owner,
}) => {
  const { request, config, team } = await cliAndNewTeam(owner, "ci-import", "Records team");
  const folder = join(await mkdtemp(join(tmpdir(), "tradeoff-adr-")), "doc", "adr");
  await writeFolder(folder, {
    "0001-record-architecture-decisions.md":
      "# 1. Record architecture decisions\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n\n## Decision\n\nWe will use ADRs.\n\n## Consequences\n\nSee Michael Nygard's article.\n",
    // Cut off mid-write: the title is there, the status section is not.
    "0002-use-kafka.md": "# 2. Use Kafka\n\nDate: 2026-0",
    "notes.md": "Meeting notes, not a record.\n",
  });
  const args = ["import", folder, "--team", team.slug];
  const projects = () => projectsOf(request, team.id);

  const preview = await tradeoff(config, [...args, "--dry-run"]);
  expect(preview.code).toBe(1);
  expect(preview.stdout).toContain("Would create 1 record");
  expect(preview.stdout).toMatch(
    /Not imported \(2 files\):\n {2}0002-use-kafka\.md: .+\n {2}notes\.md: /,
  );
  expect(preview.stderr).toContain(
    "1 numbered record file would not be imported (listed above). Fix it, or pass --allow-skipped to import the rest without it.",
  );

  const refused = await tradeoff(config, args);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe("");
  expect(refused.stderr).toMatch(
    /1 numbered record file cannot be read, so nothing was imported:\n {2}0002-use-kafka\.md: /,
  );
  expect(await projects()).toEqual([]);

  const rest = await tradeoff(config, [...args, "--allow-skipped"]);
  expect(rest.code).toBe(0);
  expect(rest.stdout).toContain(`Created 1 record in ${team.slug}:`);
  expect(rest.stdout).toContain("0002-use-kafka.md");
  expect(await projects()).toHaveLength(1);
});

test("a read-only token's import --dry-run says it needs a read-write token, and where to make one", async ({
  alice: owner,
}) => {
  const { request, config, team } = await cliAndNewTeam(
    owner,
    "ci-read-only",
    "Read-only records",
    "READ",
  );
  const folder = join(await mkdtemp(join(tmpdir(), "tradeoff-adr-")), "doc", "adr");
  await writeFolder(folder, {
    "0001-record-architecture-decisions.md":
      "# 1. Record architecture decisions\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n",
  });
  const preview = await tradeoff(config, ["import", folder, "--team", team.slug, "--dry-run"]);
  expect(preview.code).toBe(5);
  expect(preview.stdout).toBe("");
  expect(preview.stderr).toBe(
    `tradeoff: This access token can only read, and even a dry run of \`tradeoff import\` sends the folder's files to the server to read them, which a read-only token may not do (nothing would be written). Create a token with "Read and write decisions" under Account > Access tokens at ${baseURL}, then run \`tradeoff login --url ${baseURL}\` with it. Or preview the folder in the browser: the team's Records folder page imports a zip of it with the same preview.\n`,
  );
  expect(await projectsOf(request, team.id)).toEqual([]);
});

/** A folder adr-tools wrote: `adr init`, `adr new`, `adr new -s 2 "...für... ünïcode"`, `adr new "Café..."`. */
const adrToolsFolder = join(
  import.meta.dirname,
  "..",
  "..",
  "packages",
  "api",
  "test",
  "fixtures",
  "decision-folders",
  "adr-tools-unicode",
);

test("an adr-tools folder imported, imported again and exported back into itself stays the same files", async ({
  alice: owner,
}) => {
  const { request, config, team } = await cliAndNewTeam(owner, "ci-adr-tools", "ADR team");
  const repo = await mkdtemp(join(tmpdir(), "tradeoff-adr-"));
  const adr = join(repo, "doc", "adr");
  const original = await filesOf(adrToolsFolder);
  await writeFolder(adr, original);
  const projects = () => projectsOf(request, team.id);

  const imported = await tradeoff(config, ["import", adr, "--team", team.slug]);
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toContain(`Created 4 records in ${team.slug}:`);
  // A retry (after a timeout, say) creates nothing twice.
  const again = await tradeoff(config, ["import", adr, "--team", team.slug]);
  expect(again.stderr).toBe("");
  expect(again.code).toBe(0);
  expect(again.stdout).toContain(
    `Nothing to import: every record of ${adr} is already in ${team.slug}, unchanged; nothing was created.`,
  );
  expect(await projects()).toHaveLength(4);

  const args = ["export", "--all", "--team", team.slug, "--format", "nygard", "--out", adr];
  const exported = await tradeoff(config, args);
  expect(exported.stderr).toBe("");
  expect(exported.code).toBe(0);
  expect(exported.stdout).toContain("1 file written, 0 removed, 4 unchanged.");
  const after = await filesOf(adr);
  expect(Object.keys(after)).toEqual([...Object.keys(original), "README.md"]);
  for (const [name, content] of Object.entries(original)) expect(after[name], name).toBe(content);
  const check = await tradeoff(config, [...args, "--check"]);
  expect(check.code).toBe(0);

  // Another team's records into a folder of hand-written ADRs: refused, nothing written.
  const other = await mutate<{ id: string; slug: string }>(request, "team.create", {
    name: "Other team",
  });
  await tradeoff(config, ["import", adr, "--team", other.slug]);
  const mine = join(repo, "mine");
  await mkdir(mine);
  await writeFile(
    join(mine, "0001-use-redis-for-caching.md"),
    original["0001-record-architecture-decisions.md"] ?? "",
  );
  const clash = await tradeoff(config, [
    ...args.slice(0, 2),
    "--team",
    other.slug,
    "--format",
    "nygard",
    "--out",
    mine,
  ]);
  expect(clash.code).toBe(1);
  expect(clash.stderr).toContain(
    "0001-use-redis-for-caching.md holds number 1 (the export would write 0001-record-architecture-decisions.md)",
  );
  expect(await readdir(mine)).toEqual(["0001-use-redis-for-caching.md"]);
});

test("another repository's folder: a file with the name of a record's file is a new record, never that record's revision", async ({
  alice: owner,
}) => {
  const { request, config, team } = await cliAndNewTeam(
    owner,
    "ci-adr-two-repositories",
    "Two repositories",
  );
  const root = await mkdtemp(join(tmpdir(), "tradeoff-repositories-"));
  const ours = await filesOf(adrToolsFolder);
  const billing = join(root, "billing", "doc", "adr");
  await writeFolder(billing, ours);
  const imported = await tradeoff(config, ["import", billing, "--team", team.slug]);
  expect(imported.stdout).toContain(`Created 4 records in ${team.slug}:`);

  // Every adr-tools folder starts with this file; the reporting repository's is of its own day.
  const name = "0001-record-architecture-decisions.md";
  const ourDay = /^Date: (\S+)$/m.exec(ours[name] ?? "")?.[1];
  const reporting = join(root, "reporting", "doc", "adr");
  await writeFolder(reporting, {
    [name]: (ours[name] ?? "").replace(/^Date: \S+$/m, "Date: 2025-06-10"),
  });
  const preview = await tradeoff(config, ["import", reporting, "--team", team.slug, "--dry-run"]);
  expect(preview.stderr).toBe("");
  expect(preview.code).toBe(0);
  expect(preview.stdout).toContain(
    `Would create 1 record in ${team.slug} (dry run: nothing was written):\n  ${team.slug}/5  Record architecture decisions  (accepted, 2025-06-10)  from ${name}\n      note: record 1 was imported from a file of this name, but not from this file: that one was dated ${ourDay}, and this one is dated 2025-06-10. It is imported as a new record; if it is record 1's file, edited, give it the date ${ourDay} again to revise record 1 instead.\n`,
  );
  const projects = () => projectsOf(request, team.id);
  expect(await projects()).toHaveLength(4);

  const done = await tradeoff(config, ["import", reporting, "--team", team.slug]);
  expect(done.code).toBe(0);
  expect(done.stdout).toContain(`Created 1 record in ${team.slug}:`);
  expect(await projects()).toHaveLength(5);
  // The billing folder is still the team's records 1 to 4, unchanged.
  const again = await tradeoff(config, ["import", billing, "--team", team.slug]);
  expect(again.stdout).toContain(
    `Nothing to import: every record of ${billing} is already in ${team.slug}, unchanged; nothing was created.`,
  );
});
