// @vitest-environment jsdom
import { aggregate, type DecisionInput } from "@tradeoff/scoring";
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { MethodExplanation } from "./method-explanation";

/** Two options on two criteria; nobody has scored the third option, FLASK, on Performance. */
const withUnscored: DecisionInput = {
  options: [{ key: "drf" }, { key: "fastapi" }, { key: "flask" }],
  criteria: [
    { key: "perf", defaultWeight: 3 },
    { key: "eco", defaultWeight: 3 },
  ],
  votes: [
    { voterId: "ana", criterionKey: "perf", weight: 4, scores: { drf: 2, fastapi: 5 } },
    { voterId: "ana", criterionKey: "eco", weight: 2, scores: { drf: 5, fastapi: 3, flask: 4 } },
  ],
};

describe("MethodExplanation", () => {
  const mounted = useReactRoot();
  const text = () => document.body.textContent ?? "";

  for (const method of ["weighted-mean", "median"] as const) {
    it(`${method}: says what an option nobody scored does, as aggregate() does it`, () => {
      act(() =>
        mounted.root.render(
          <MethodExplanation
            method={method}
            defaultOpen
            trigger={<button type="button">How is this computed?</button>}
          />,
        ),
      );
      const rec = aggregate(withUnscored, { method, resamples: 0 });
      const perf = rec.criteria.find((c) => c.key === "perf");
      // The criterion is left out of the totals, not counted with a neutral 3 for FLASK.
      expect(perf?.counted).toBe(false);
      expect(text()).not.toMatch(/neutral/i);
      expect(text()).toContain("That criterion is not counted");
      // Shares are importances over the counted criteria's sum, which the text says as such.
      expect(text()).not.toContain("add up to 100%");
      expect(text()).toContain(
        "its importance divided by the sum of the importances of the counted criteria",
      );
    });
  }
});
