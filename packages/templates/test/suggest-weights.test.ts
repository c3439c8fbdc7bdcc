import { describe, expect, it } from "vitest";
import { drfVsFastapi, suggestWeights, templateToDecision } from "../src/index";

const defaults = Object.fromEntries(drfVsFastapi.criteria.map((c) => [c.key, c.defaultWeight]));

describe("suggestWeights", () => {
  it("keeps the default weights when nothing is answered", () => {
    expect(suggestWeights(drfVsFastapi, {})).toEqual({
      weights: defaults,
      changes: [],
      contradictions: [],
    });
  });

  it("raises what matters to a Django shop and explains each change", () => {
    const { weights, changes } = suggestWeights(drfVsFastapi, {
      "team-knows-django": true,
      "existing-django-codebase": true,
      "needs-admin": true,
    });
    // django-codebase-fit 2 + 3; admin-orm 3 + 1 (existing code) + 2 (admin), capped at 5
    expect(weights["django-codebase-fit"]).toBe(5);
    expect(weights["admin-orm"]).toBe(5);
    expect(weights["learning-curve"]).toBe(5);
    expect(weights.performance).toBe(defaults.performance);
    expect(changes).toContainEqual({
      criterionKey: "django-codebase-fit",
      questionKey: "existing-django-codebase",
      answer: true,
      from: 2,
      to: 5,
      reason: "Reusing existing models, auth and business logic avoids duplicating them.",
    });
    // The cap leaves admin-orm's second raise at 4 -> 5, not 6.
    const adminChanges = changes.filter((c) => c.criterionKey === "admin-orm");
    expect(adminChanges.map((c) => [c.from, c.to])).toEqual([
      [3, 4],
      [4, 5],
    ]);
  });

  it("raises what matters to a real-time greenfield microservice and lowers the rest", () => {
    const { weights, changes } = suggestWeights(drfVsFastapi, {
      "needs-realtime": true,
      microservices: true,
      greenfield: true,
      "existing-django-codebase": false,
      "needs-admin": false,
    });
    expect(weights["async-realtime"]).toBe(5);
    expect(weights["microservices-deployment"]).toBe(5);
    expect(weights["type-safety-tooling"]).toBe(4);
    expect(weights["django-codebase-fit"]).toBe(0); // 2 - 2 (no Django code), floored at 0
    expect(weights["admin-orm"]).toBe(2);
    for (const change of changes) expect(change.reason).not.toBe("");
    for (const w of Object.values(weights)) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(5);
    }
  });

  it("feeds a new decision's default weights", () => {
    const { weights } = suggestWeights(drfVsFastapi, { "needs-realtime": true });
    const decision = templateToDecision(drfVsFastapi, weights);
    expect(decision.criteria.find((c) => c.key === "async-realtime")?.defaultWeight).toBe(5);
    expect(decision.criteria.find((c) => c.key === "api-docs")?.defaultWeight).toBe(2);
  });

  it("ignores questions the template does not ask", () => {
    expect(suggestWeights(drfVsFastapi, { "uses-rails": true }).changes).toEqual([]);
  });
});
