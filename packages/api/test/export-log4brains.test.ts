import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Log4brains } from "@log4brains/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDecisionFolder } from "../src/services/folder/folder";
import { goldenView, linkedProject, linkedRecord } from "./golden/record-view";

/** A folder written by `export --all --format log4brains`, read by log4brains' own parser. */
const one = linkedProject(1, "Flask for billing", "SUPERSEDED");
const two = linkedProject(2, "Go for billing", "SUPERSEDED");
const three = linkedProject(3, "Rust for billing", "DECIDED");

describe("log4brains reads a folder written by export --all", () => {
  let root = "";
  const day = goldenView().decision?.decidedAt.slice(0, 10).replaceAll("-", "") ?? "";

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "tradeoff-log4brains-"));
    execFileSync("git", ["init", "-q"], { cwd: root });
    writeFileSync(
      join(root, ".log4brains.yml"),
      "project:\n  name: Billing\n  tz: Etc/UTC\n  adrFolder: ./docs/adr\n",
    );
    const dir = join(root, "docs", "adr");
    mkdirSync(dir, { recursive: true });
    const views = [
      linkedRecord(one, { supersededBy: [two, three] }),
      linkedRecord(two, { supersedes: [one], supersededBy: [three] }),
      linkedRecord(three, { supersedes: [one, two] }, ["billing", "languages"]),
    ];
    for (const file of buildDecisionFolder(views, "log4brains"))
      writeFileSync(join(dir, file.name), file.content);
    // log4brains dates records from the repository's history: one commit, as in a real repository.
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        [
          "-c",
          "user.name=Test",
          "-c",
          "user.email=test@example.com",
          "-c",
          "commit.gpgsign=false",
          ...args,
        ],
        { cwd: root },
      );
    git("add", ".");
    git("commit", "-q", "-m", "Decision records");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("finds each record with its status, latest superseder, deciders and tags", async () => {
    const l4b = Log4brains.create(root);
    const adrs = await l4b.searchAdrs();
    const bySlug = Object.fromEntries(adrs.map((a) => [a.slug, a]));
    const slug = (title: string) => `${day}-${title.toLowerCase().replaceAll(" ", "-")}`;
    expect(Object.keys(bySlug).sort()).toEqual(
      [slug("Flask for billing"), slug("Go for billing"), slug("Rust for billing")].sort(),
    );
    const flask = bySlug[slug("Flask for billing")];
    expect(flask?.title).toBe("Flask for billing");
    expect(flask?.status).toBe("superseded");
    expect(flask?.supersededBy).toBe(slug("Rust for billing"));
    expect(bySlug[slug("Go for billing")]?.supersededBy).toBe(slug("Rust for billing"));
    const rust = bySlug[slug("Rust for billing")];
    expect(rust?.status).toBe("accepted");
    expect(rust?.tags).toEqual(["billing", "languages"]);
    expect(rust?.deciders.length).toBeGreaterThan(0);
  });
});
