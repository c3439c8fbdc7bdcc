import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prefilledText } from "../src/services/draft/start-draft";
import { toMarkdown } from "../src/services/export/markdown";
import type { RecordView } from "../src/services/record/record-view";
import { goldenView } from "./golden/record-view";

/**
 * The Markdown exports pass markdownlint-cli2 with the configuration MADR 4 ships next to its
 * template (template/.markdownlint.yml): every rule, except line length, repeated headings, and
 * trailing punctuation limited to ".,;:!?".
 */
const MADR_MARKDOWNLINT = `default: true
MD013: false
MD024: false
MD026:
  punctuation: ".,;:!?"
`;

/**
 * This package's markdownlint-cli2 (its pinned version), run as its command: the script its
 * package.json declares as `bin`, wherever npm placed the package.
 */
const packageDir = dirname(fileURLToPath(import.meta.resolve("markdownlint-cli2")));
const { bin: bins } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  bin: Record<string, string>;
};
const bin = join(packageDir, bins["markdownlint-cli2"] ?? "markdownlint-cli2-bin.mjs");

const records: Record<string, RecordView> = {
  decided: goldenView(),
  // More Information holds what a pre-filled draft wrote: headings, lists and quoted reasons.
  "from-draft": goldenView({
    decision: {
      ...(goldenView().decision as NonNullable<RecordView["decision"]>),
      moreInformation: prefilledText(
        {
          project: { options: goldenView().options, criteria: goldenView().criteria },
          members: [{ id: "u1", name: "Ada" }],
          votes: (goldenView().votes ?? []).map((v) => ({ ...v, voterId: v.memberId })),
        } as unknown as Parameters<typeof prefilledText>[0],
        "",
        "fastapi",
        false,
      ).moreInformation,
    },
  }),
  draft: goldenView({ decision: null, draft: true }),
  superseded: goldenView({
    project: { ...goldenView().project, status: "SUPERSEDED" },
    supersededBy: [
      { id: "p9", number: 12, title: "Go for billing", status: "DECIDED" },
      { id: "p10", number: 14, title: "Rust | Axum", status: "DECIDED" },
    ],
  }),
};

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tradeoff-markdownlint-"));
  writeFileSync(join(dir, ".markdownlint.yml"), MADR_MARKDOWNLINT);
  for (const [name, view] of Object.entries(records))
    for (const variant of ["madr", "log4brains", "nygard"] as const)
      writeFileSync(join(dir, `${name}-${variant}.md`), toMarkdown(view, variant));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("markdownlint with MADR's configuration", () => {
  it("finds nothing in MADR, log4brains and Nygard exports: decided, from a draft, draft and superseded", () => {
    const run = spawnSync(process.execPath, [bin, "*.md"], { cwd: dir, encoding: "utf8" });
    expect(run.stderr.split("\n").filter((l) => / MD\d{3}\//.test(l))).toEqual([]);
    expect(run.stdout).toContain("Linting: 12 file(s)");
    expect(run.stdout).toContain("Summary: 0 error(s)");
    expect(run.status).toBe(0);
  });
});
