// @vitest-environment jsdom
import { aggregate, type DecisionInput, type Method } from "@tradeoff/scoring";
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { RecordDocument } from "./record-document";

const options = [
  { key: "drf", name: "DRF" },
  { key: "fastapi", name: "FastAPI" },
];

/** A draft record's view of `decision`, scored by `method`: what the record page renders. */
function draftView(decision: DecisionInput, method: Method) {
  const rec = aggregate(decision, { method });
  return {
    options: options.map((o) => ({ ...o, description: "" })),
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
    const decision: DecisionInput = {
      options,
      criteria: ["perf", "eco", "docs"].map((key) => ({ key, name: key, defaultWeight: 3 })),
      votes: ["perf", "eco", "docs"].map((criterionKey) => ({
        voterId: "ana",
        criterionKey,
        weight: 3,
        scores: { drf: 4, fastapi: 3 },
      })),
    };
    act(() => mounted.root.render(<RecordDocument view={draftView(decision, "weighted-mean")} />));
    expect(rows().map((r) => r[1])).toEqual(["Share of counted weight", "34%", "33%", "33%", ""]);
  });

  it("under the Borda count, shows no share of the weight and says how the totals add up", () => {
    const decision: DecisionInput = {
      options,
      criteria: [
        { key: "perf", name: "Perf", defaultWeight: 3 },
        { key: "eco", name: "Eco", defaultWeight: 3 },
      ],
      votes: [
        { voterId: "ana", criterionKey: "perf", weight: 5, scores: { drf: 5, fastapi: 1 } },
        { voterId: "ana", criterionKey: "eco", weight: 1, scores: { drf: 1, fastapi: 5 } },
        { voterId: "cai", criterionKey: "perf", weight: 3, scores: { drf: 3, fastapi: 2 } },
        { voterId: "cai", criterionKey: "eco", weight: 3, scores: { drf: 3, fastapi: 2 } },
      ],
    };
    act(() => mounted.root.render(<RecordDocument view={draftView(decision, "borda")} />));
    expect(rows()[0]).toEqual(["Criterion", "DRF", "FastAPI"]);
    expect(rows().flat().join(" ")).not.toContain("%");
    expect(mounted.container.textContent).toContain(
      "Under the Borda count no criterion adds points of its own",
    );
  });
});
