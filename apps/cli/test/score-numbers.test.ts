import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aggregate, flipCellText } from "@tradeoff/scoring";
import { bordaBallots, closeBallots, decisionWithVotes } from "@tradeoff/scoring/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

let dir = "";
const file = (name: string) => join(dir, name);

/** Ana and Cai rank DRF first by their own totals, Ben FastAPI: DRF gets 2 of 3 Borda points. */
const borda = decisionWithVotes({ criteria: { perf: "Perf", eco: "Eco" }, ballots: bordaBallots });

/** FastAPI leads by 1.0; Eco's importance (1.00) flips it at 0.97, Perf's (1.67) at 1.71. */
const close = decisionWithVotes({ criteria: { perf: "Perf", eco: "Eco" }, ballots: closeBallots });

/**
 * One voter, three criteria of importance 3: DRF {5, 2, 2} scores 33.3 + 8.3 + 8.3 = 50.0 and
 * FastAPI {2, 2, 2} 8.3 three times = 25.0, as one decimal each would not add up.
 */
const thirds = decisionWithVotes({
  criteria: { perf: "perf", eco: "eco", docs: "docs" },
  ballots: { ana: { perf: [3, 5, 2], eco: [3, 2, 2], docs: [3, 2, 2] } },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tradeoff-numbers-"));
  await writeFile(file("borda.json"), JSON.stringify(borda));
  await writeFile(file("close.json"), JSON.stringify(close));
  await writeFile(file("thirds.json"), JSON.stringify(thirds));
});

describe("tradeoff score shows numbers that add up", () => {
  it("under the Borda count, credits no weight, points or flip point to a criterion, and says why", async () => {
    for (const format of ["table", "markdown"]) {
      const { code, stdout } = await runCli([
        "score",
        file("borda.json"),
        "--method",
        "borda",
        "--format",
        format,
      ]);
      expect(code, format).toBe(0);
      expect(stdout, format).toMatch(/1\W+DRF\W+66\.7/);
      expect(stdout, format).not.toMatch(/\b50%|37\.5|Flips at|Weight/);
      expect(stdout.replace(/\s+/g, " "), format).toContain(
        "Under the Borda count no criterion adds points of its own",
      );
      expect(stdout.replace(/\s+/g, " "), format).toContain(
        "Flip points: not computed for the Borda count",
      );
    }
    const md = await runCli(["score", file("borda.json"), "--method", "borda", "-f", "markdown"]);
    expect(md.stdout).toContain("| Criterion | DRF | FastAPI | Disagreement |");
    // The team's mean scores, for reading, as the record's table shows them.
    expect(md.stdout).toMatch(/\| Perf \| 4\.0 \| 2\.0 \| 0\.\d\d \|/);
  });

  it("shows flip points as the page and the exports do, apart from today's importance", async () => {
    const { stdout } = await runCli(["score", file("close.json")]);
    expect(stdout).toMatch(/Perf .*1\.71 \(now 1\.67\)/);
    expect(stdout).toMatch(/Eco .*0\.97 \(now 1\.00\)/);
    // One formatter for every surface. Perf's lead ends exactly at importance 0, where DRF only
    // ties with FastAPI: the end of the range, not a point to go below.
    const far = aggregate(thirds);
    const ends = far.criteria.filter((c) => c.tiesAt !== null);
    expect(ends.map((c) => c.key)).toEqual(["perf"]);
    const thirdsOut = await runCli(["score", file("thirds.json")]);
    for (const c of ends) expect(thirdsOut.stdout).toContain(flipCellText(c));
    expect(thirdsOut.stdout).toMatch(/perf .*ties at 0 \(now 3\.0\)/);
    expect(thirdsOut.stdout).not.toContain("0.0 (now 3.0)");
  });

  it("rounds shares to add up to 100% and each option's points to add up to its total", async () => {
    const { stdout } = await runCli(["score", file("thirds.json"), "-f", "markdown"]);
    expect(stdout).toContain("| perf | 34% | 33.4 | 8.4 |");
    expect(stdout).toContain("| eco | 33% | 8.3 | 8.3 |");
    expect(stdout).toContain("| docs | 33% | 8.3 | 8.3 |");
    expect(stdout).toContain("| 1 | DRF | 50.0 |");
    expect(stdout).toContain("| 2 | FastAPI | 25.0 |");
  });
});
