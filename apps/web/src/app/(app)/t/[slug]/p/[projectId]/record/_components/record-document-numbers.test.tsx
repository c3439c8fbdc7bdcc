// @vitest-environment jsdom
import { aggregate, type DecisionInput, type Method } from "@tradeoff/scoring";
import { bordaBallots, decisionWithVotes, drfOrFastApi } from "@tradeoff/scoring/testing";
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { RecordDocument } from "./record-document";

/** A draft record's view of `decision`, scored by `method`: what the record page renders. */
function draftView(decision: DecisionInput, method: Method) {
  const rec = aggregate(decision, { method });
  return {
    options: drfOrFastApi.map((o) => ({ ...o, description: "" })),
    criteria: decision.criteria.map((c) => ({
      key: c.key,
      name: c.name ?? c.key,
      description: "",
      defaultWeight: c.defaultWeight,
      mustHave: false,
    })),
    result: rec,
    participation: { ...rec.participation, basis: "current" as const },
    coverage: rec.coverage,
    status: rec.status,
    decision: null,
    draft: true,
    votes: null,
    project: { votingMode: "OPEN" as const, method },
    supersedes: [],
    supersededBy: [],
  } as unknown as Parameters<typeof RecordDocument>[0]["view"];
}

describe("the record page's result table", () => {
  const mounted = useReactRoot();
  const rows = () =>
    [...mounted.container.querySelectorAll("tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim()),
    );

  it("shows three equal shares as 34%, 33% and 33%, which add up to 100%", () => {
    const decision = decisionWithVotes({
      criteria: { perf: "perf", eco: "eco", docs: "docs" },
      ballots: { ana: { perf: [3, 4, 3], eco: [3, 4, 3], docs: [3, 4, 3] } },
    });
    act(() => mounted.root.render(<RecordDocument view={draftView(decision, "weighted-mean")} />));
    expect(rows().map((r) => r[1])).toEqual(["Share of counted weight", "34%", "33%", "33%", ""]);
  });

  it("under the Borda count, shows no share of the weight and says how the totals add up", () => {
    const decision = decisionWithVotes({
      criteria: { perf: "Perf", eco: "Eco" },
      ballots: { ana: bordaBallots.ana, cai: bordaBallots.cai },
    });
    act(() => mounted.root.render(<RecordDocument view={draftView(decision, "borda")} />));
    expect(rows()[0]).toEqual(["Criterion", "DRF", "FastAPI"]);
    expect(rows().flat().join(" ")).not.toContain("%");
    expect(mounted.container.textContent).toContain(
      "Under the Borda count no criterion adds points of its own",
    );
  });

  it("gives the phone's list the table's every figure, criterion by criterion, and the totals", () => {
    const decision = decisionWithVotes({
      criteria: { perf: "Performance", eco: "Ecosystem", docs: "Docs" },
      ballots: { ana: { perf: [3, 4, 5], eco: [3, 2, 1] } },
    });
    act(() => mounted.root.render(<RecordDocument view={draftView(decision, "weighted-mean")} />));
    // The table's rows without its header: name, share, then each option's figure.
    const table = rows()
      .slice(1)
      .map((row) => row.map((cell) => cell?.replace(/best$/, "")));
    const list = [
      ...mounted.container.querySelectorAll("[data-testid=record-totals-list] > li"),
    ].map((item) => {
      const [name, share] = [...item.querySelectorAll(":scope > p")].map((p) =>
        p.textContent?.replace("Share of counted weight: ", ""),
      );
      const figures = [...item.querySelectorAll("dd")].map((dd) =>
        dd.textContent?.replace(/best$/, ""),
      );
      return [name, share ?? "", ...figures];
    });
    expect(list).toEqual(table);
    expect(table.map((row) => row[0])).toEqual([
      "Performance",
      "Ecosystem",
      "Docs",
      "Total (0 to 100)",
    ]);
    expect(table[2]).toEqual(["Docs", "not scored", "not scored", "not scored"]);
  });
});
