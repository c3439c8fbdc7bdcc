import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordBaseName } from "../src/services/export/file-name";
import { toMarkdown } from "../src/services/export/markdown";
import { buildDecisionFolder } from "../src/services/folder/folder";
import { adrIn, hasAdr } from "./adr-tools";
import { linkedProject, linkedRecord } from "./golden/record-view";

/**
 * Nygard exports read by adr-tools itself (Debian's `adr-tools` package; CI installs it): its
 * list, table of contents, graph of links, and `adr new -s` superseding an exported record.
 */

const one = linkedProject(1, "Flask for billing", "SUPERSEDED");
const two = linkedProject(2, "Go for billing", "SUPERSEDED");
const three = linkedProject(3, "Rust | Axum for billing", "DECIDED");

/** Three records, each superseding the ones before it. */
const supersedeChain = () => [
  linkedRecord(one, { supersededBy: [two, three] }),
  linkedRecord(two, { supersedes: [one], supersededBy: [three] }),
  linkedRecord(three, { supersedes: [one, two] }),
];

/** The chain's files as `adr list` shows them. */
const CHAIN_FILES = [
  "doc/adr/0001-flask-for-billing.md",
  "doc/adr/0002-go-for-billing.md",
  "doc/adr/0003-rust-axum-for-billing.md",
];

// Skipped only where adr-tools is not installed (never in CI, where importing it fails instead).
describe.skipIf(!hasAdr)("adr-tools reads the Nygard exports", () => {
  let root = "";
  let dir = "";
  const adr = (...args: string[]) => adrIn(root, ...args);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "tradeoff-adr-"));
    dir = join(root, "doc", "adr");
    mkdirSync(dir, { recursive: true });
    const records = [
      ...supersedeChain(),
      linkedRecord(linkedProject(4, "Queue for invoices", "OPEN"), { decision: null, draft: true }),
    ];
    for (const r of records)
      writeFileSync(join(dir, `${recordBaseName(r)}.md`), toMarkdown(r, "nygard"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lists every record, and its table of contents shows titles as typed", () => {
    expect(adr("list").trim().split("\n")).toEqual([
      ...CHAIN_FILES,
      "doc/adr/0004-queue-for-invoices.md",
    ]);
    const toc = adr("generate", "toc");
    expect(toc).toContain("* [3. Rust | Axum for billing](0003-rust-axum-for-billing.md)");
    expect(toc).not.toContain("\\|");
  });

  it("draws one edge per superseded record, with clean labels", () => {
    const graph = adr("generate", "graph");
    const edges = graph
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.includes('label="S'));
    expect(edges.sort()).toEqual(
      [
        '_2 -> _1 [label="Supersedes", weight=0]',
        '_3 -> _1 [label="Supersedes", weight=0]',
        '_3 -> _2 [label="Supersedes", weight=0]',
      ].sort(),
    );
    expect(graph).toContain('_3 [label="3. Rust | Axum for billing"');
  });

  it("reads a draft's status as Proposed alone, and supersedes an exported record with adr new -s", () => {
    const draft = readFileSync(join(dir, "0004-queue-for-invoices.md"), "utf8");
    expect(draft.split("## Status\n\n")[1]?.split("\n\n")[0]).toBe("Proposed");
    adr("new", "-s", "3", "Go with gRPC for billing");
    const three = readFileSync(join(dir, "0003-rust-axum-for-billing.md"), "utf8");
    const status = three.split("## Status\n\n")[1]?.split("\n\n## ")[0];
    // adr-tools removed "Accepted" and added its link next to ours.
    expect(status).toBe(
      [
        "Supersedes [1. Flask for billing](0001-flask-for-billing.md)",
        "Supersedes [2. Go for billing](0002-go-for-billing.md)",
        "Superseded by [5. Go with gRPC for billing](0005-go-with-grpc-for-billing.md)",
      ].join("\n\n"),
    );
    expect(adr("generate", "graph")).toContain('_5 -> _3 [label="Supersedes", weight=0]');
  });
});

describe.skipIf(!hasAdr)("adr-tools reads a folder written by export --all", () => {
  let root = "";
  const adr = (...args: string[]) => adrIn(root, ...args);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "tradeoff-adr-folder-"));
    const dir = join(root, "doc", "adr");
    mkdirSync(dir, { recursive: true });
    for (const file of buildDecisionFolder(supersedeChain(), "nygard"))
      writeFileSync(join(dir, file.name), file.content);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lists the records (not the index) and draws the supersede links between the files", () => {
    expect(adr("list").trim().split("\n")).toEqual(CHAIN_FILES);
    const edges = adr("generate", "graph")
      .split("\n")
      .filter((line) => line.includes("->") && line.includes("label="))
      .map((line) => line.trim())
      .sort();
    expect(edges).toEqual([
      '_2 -> _1 [label="Supersedes", weight=0]',
      '_3 -> _1 [label="Supersedes", weight=0]',
      '_3 -> _2 [label="Supersedes", weight=0]',
    ]);
  });
});
