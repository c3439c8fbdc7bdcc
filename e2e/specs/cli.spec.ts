import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { baseURL } from "../playwright.config";
import { createToken, freshCliConfig, loggedInCli, tradeoff } from "../support/cli";
import { mutate, query, recordOverApi } from "../support/decisions";
import { expect, test } from "../support/members";

/** `tradeoff vote REF --criterion KEY` with the rest of `flags` (importance, scores, no opinion). */
const cliVote = (config: string, ref: string, criterionKey: string, ...flags: string[]) =>
  tradeoff(config, ["vote", ref, "--criterion", criterionKey, ...flags]);

/** `tradeoff export REF --format FORMAT --out DIR`: the run, and the file it says it wrote. */
async function exportAs(config: string, ref: string, format: string, dir: string) {
  const run = await tradeoff(config, ["export", ref, "--format", format, "--out", dir]);
  return { ...run, file: run.stdout.trim().replace(/^Wrote /, "") };
}

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test("the CLI logs in, lists, votes, shows and exports a MADR file from a running server", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team, projectId, template } = soloDrf;
  const request = owner.context.request;
  const { token } = await createToken(request, "laptop");
  const config = await freshCliConfig();

  // The token comes in on standard input, so it never lands in the shell history.
  const login = await tradeoff(config, ["login", "--url", baseURL], `${token}\n`);
  expect(login.stderr).toBe("");
  expect(login.code).toBe(0);
  expect(login.stdout).toContain(`as ${owner.user.name}`);
  expect(login.stdout).not.toContain("read-only");
  expect((await stat(join(config, "config.json"))).mode & 0o777).toBe(0o600);

  const projects = await tradeoff(config, ["projects", "--team", team.slug]);
  expect(projects.code).toBe(0);
  expect(projects.stdout).toMatch(
    new RegExp(`${team.slug}/1\\s+open\\s+${template.title.slice(0, 20).replace(/[()?]/g, ".")}`),
  );

  const [first, second] = template.criteria;
  if (!first || !second) throw new Error("template without criteria");
  for (const criterion of [first, second]) {
    const vote = await cliVote(
      config,
      `${team.slug}/1`,
      criterion.key,
      "--importance",
      "4",
      "--score",
      "drf=2",
      "--score",
      "fastapi=5",
    );
    expect(vote.stderr).toBe("");
    expect(vote.stdout).toContain(
      `Saved your vote on ${criterion.key}: importance 4, drf=2 fastapi=5.`,
    );
  }
  // An importance left out is none given: said so, and not saved as a "no opinion" mark.
  const third = template.criteria[2];
  if (!third) throw new Error("template with fewer than three criteria");
  const unweighted = await cliVote(config, `${team.slug}/1`, third.key, "--score", "drf=3");
  expect(unweighted.stdout).toContain(
    `Saved your vote on ${third.key}: importance not given, drf=3 fastapi=-.`,
  );
  // --no-opinion is the web app's "No opinion": saved as that mark, no importance, no scores.
  const fourth = template.criteria[3];
  if (!fourth) throw new Error("template with fewer than four criteria");
  const abstained = await cliVote(config, `${team.slug}/1`, fourth.key, "--no-opinion");
  expect(abstained.stderr).toBe("");
  expect(abstained.stdout).toBe(`Saved your vote on ${fourth.key}: no opinion.\n`);
  const mine = await query<
    { criterionKey: string; noOpinion: boolean; weight: number | null; scores: object }[]
  >(request, "vote.mine", { projectId });
  expect(mine.map((v) => v.criterionKey).sort()).toEqual(
    [first.key, second.key, third.key, fourth.key].sort(),
  );
  expect(mine.find((v) => v.criterionKey === third.key)?.noOpinion).toBe(false);
  expect(mine.find((v) => v.criterionKey === fourth.key)).toMatchObject({
    noOpinion: true,
    weight: null,
  });

  const show = await tradeoff(config, ["show", `${team.slug}/1`]);
  expect(show.code).toBe(0);
  expect(show.stdout).toContain("FastAPI");
  // Two of the template's criteria scored by the one member: a provisional result, said so.
  expect(show.stdout).toMatch(
    /Provisional: based on 2 of \d+ criteria .* and 0 of 1 complete ballot \(no quorum set: every member's ballot is needed\)\./,
  );
  expect(show.stdout).toContain("not scored yet");

  await recordOverApi(owner, projectId, "the team scored it higher on what matters to billing.");
  const out = await mkdtemp(join(tmpdir(), "tradeoff-repo-"));
  const exported = await exportAs(config, `${team.slug}/1`, "madr", join(out, "docs", "decisions"));
  expect(exported.stderr).toBe("");
  const written = exported.file;
  expect(written).toMatch(/docs\/decisions\/0001-[a-z0-9-]+\.md$/);
  const md = await readFile(written, "utf8");
  const [, yaml] = md.match(/^---\n([\s\S]*?)\n---\n/) ?? [];
  expect(parseYaml(yaml ?? "")).toMatchObject({
    status: "accepted",
    "decision-makers": [owner.user.name],
  });
  expect(md).toContain('Chosen option: "FastAPI", because the team scored it higher');

  const pdf = await exportAs(config, projectId, "pdf", out);
  expect(pdf.code).toBe(0);
  expect((await readFile(pdf.file)).subarray(0, 5).toString()).toBe("%PDF-");

  // A write that fails part way (here a file size limit below the PDF's size, as on a full
  // disk) leaves the file that was there as it was, and no cut-off file beside it.
  const before = await readdir(out);
  const pdfFile = pdf.file;
  const pdfBytes = await readFile(pdfFile);
  const exportPdfOnFullDisk = (dir: string) =>
    tradeoff(config, ["export", projectId, "--format", "pdf", "--out", dir], "", {
      maxFileKb: 4,
    });
  const limited = await exportPdfOnFullDisk(out);
  expect(limited.code).toBe(1);
  expect(limited.stderr).toContain("nothing was written");
  expect(await readdir(out)).toEqual(before);
  expect((await readFile(pdfFile)).equals(pdfBytes)).toBe(true);
  const fresh = await mkdtemp(join(tmpdir(), "tradeoff-limited-"));
  const none = await exportPdfOnFullDisk(fresh);
  expect(none.code).toBe(1);
  expect(await readdir(fresh)).toEqual([]);

  // The JSON export goes into another team as a decided project with its votes archived.
  const json = await exportAs(config, `${team.slug}/1`, "json", out);
  const other = await mutate<{ slug: string }>(request, "team.create", { name: "Archive team" });
  const imported = await tradeoff(config, ["import", json.file, "--team", other.slug]);
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toContain(`Imported as ${other.slug}/1: ${template.title} (decided).`);
  // With --json, what was created as JSON, like every other server command.
  const importedJson = await tradeoff(config, [
    "import",
    json.file,
    "--team",
    other.slug,
    "--json",
  ]);
  expect(importedJson.stderr).toBe("");
  expect(JSON.parse(importedJson.stdout)).toMatchObject({
    team: other.slug,
    ref: `${other.slug}/2`,
    number: 2,
    title: template.title,
    status: "decided",
  });

  // Voting is closed now: the server's reason comes through with its own exit code.
  const late = await cliVote(config, `${team.slug}/1`, first.key, "--importance", "1");
  expect(late.code).toBe(5);
});

test("the CLI explains a read-only, revoked or unreachable server and exits with its code", async ({
  alice: owner,
  soloDrf,
}) => {
  const { team } = soloDrf;
  const request = owner.context.request;
  const { config, token: read } = await loggedInCli(request, "read only", "READ");
  // Said at login, so the refused vote below is no surprise.
  const login = await tradeoff(config, ["login", "--url", baseURL, "--token", read.token]);
  expect(login.stdout).toContain("This token is read-only: projects, show and export work;");
  expect((await tradeoff(config, ["projects"])).stdout).toContain(`${team.slug}/1`);

  const vote = await cliVote(config, `${team.slug}/1`, "x", "--importance", "3");
  expect(vote.code).toBe(5);
  expect(vote.stderr).toContain("This access token can only read.");

  await mutate(request, "token.revoke", { tokenId: read.id });
  const revoked = await tradeoff(config, ["projects"]);
  expect(revoked.code).toBe(3);
  expect(revoked.stderr).toContain("This access token was revoked.");

  const nowhere = await tradeoff(config, [
    "login",
    "--url",
    "http://127.0.0.1:9",
    "--token",
    read.token,
  ]);
  expect(nowhere.code).toBe(4);
  expect(nowhere.stderr).toContain("Cannot reach the Tradeoff server at http://127.0.0.1:9");
});
