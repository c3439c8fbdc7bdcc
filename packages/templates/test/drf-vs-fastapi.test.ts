import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { aggregate, validateDecisionInput } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import { builtInTemplates, drfVsFastapi, findTemplate, templateToDecision } from "../src/index";
import { sharedRuns } from "./copy-check";

/** The article sits in shared/seed beside the repository: <git root>/../shared/seed. */
function articlePath(): string | null {
  try {
    const root = execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: dirname(fileURLToPath(import.meta.url)),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return join(dirname(root), "shared", "seed", "drf-vs-fastapi-article.txt");
  } catch {
    return null;
  }
}

const isKebabCase = (key: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key);

/** Every piece of prose the template shows to people. */
const templateTexts = (): string[] => [
  drfVsFastapi.title,
  drfVsFastapi.context,
  ...drfVsFastapi.options.map((o) => o.description),
  ...drfVsFastapi.criteria.flatMap((c) => [
    c.name,
    c.description,
    ...Object.values(c.guidance).map((g) => g.summary),
  ]),
  ...drfVsFastapi.contextQuestions.flatMap((q) => [
    q.question,
    ...[...q.ifYes, ...q.ifNo].map((effect) => effect.reason),
  ]),
];

describe("the DRF vs FastAPI template", () => {
  it("compares Django REST Framework (drf) and FastAPI (fastapi)", () => {
    expect(drfVsFastapi.options.map((o) => [o.key, o.name])).toEqual([
      ["drf", "Django REST Framework"],
      ["fastapi", "FastAPI"],
    ]);
  });

  it("covers every criterion the article compares, 13 in all, with kebab-case keys", () => {
    const keys = drfVsFastapi.criteria.map((c) => c.key);
    expect(keys).toHaveLength(13);
    expect(new Set(keys).size).toBe(13);
    expect(keys.every(isKebabCase)).toBe(true);
    expect(keys).toEqual(
      expect.arrayContaining([
        "architecture-fit",
        "learning-curve",
        "ecosystem",
        "performance",
        "async-realtime",
        "auth-permissions",
        "serialization-validation",
        "api-docs",
        "admin-orm",
        "django-codebase-fit",
        "microservices-deployment",
        "type-safety-tooling",
      ]),
    );
  });

  it("gives every criterion a name, a one-line description, a weight and guidance for both options", () => {
    for (const criterion of drfVsFastapi.criteria) {
      expect(criterion.name.length, criterion.key).toBeGreaterThan(3);
      expect(criterion.description, criterion.key).toMatch(/^[^\n]{10,120}$/);
      expect(criterion.defaultWeight).toBeGreaterThanOrEqual(0);
      expect(criterion.defaultWeight).toBeLessThanOrEqual(5);
      expect(Object.keys(criterion.guidance).sort(), criterion.key).toEqual(["drf", "fastapi"]);
      for (const guidance of Object.values(criterion.guidance)) {
        expect(guidance.summary.length, criterion.key).toBeGreaterThan(40);
        expect(Number.isInteger(guidance.suggestedScore)).toBe(true);
        expect(guidance.suggestedScore).toBeGreaterThanOrEqual(1);
        expect(guidance.suggestedScore).toBeLessThanOrEqual(5);
      }
    }
  });

  it("leans where the article leans: FastAPI on speed and async, DRF on auth and admin", () => {
    const lean = (key: string) => {
      const g = drfVsFastapi.criteria.find((c) => c.key === key)?.guidance;
      return (g?.fastapi?.suggestedScore ?? 0) - (g?.drf?.suggestedScore ?? 0);
    };
    expect(lean("performance")).toBeGreaterThan(0);
    expect(lean("async-realtime")).toBeGreaterThan(0);
    expect(lean("api-docs")).toBeGreaterThan(0);
    expect(lean("auth-permissions")).toBeLessThan(0);
    expect(lean("admin-orm")).toBeLessThan(0);
    expect(lean("django-codebase-fit")).toBeLessThan(0);
  });

  it("becomes a valid decision whose suggested scores never count as votes", () => {
    const decision = templateToDecision(drfVsFastapi);
    expect(() => validateDecisionInput(decision)).not.toThrow();
    expect(decision.votes).toEqual([]);
    const rec = aggregate(decision);
    // Nobody has scored anything: no total at all (not an even 50), no winner, provisional.
    expect(rec.totals.map((t) => t.score)).toEqual([null, null]);
    expect(rec.winner).toBeNull();
    expect(rec.coverage.counted).toBe(0);
    expect(rec.status).toBe("provisional");
  });

  it("is listed among the built-in templates", () => {
    expect(builtInTemplates).toContain(drfVsFastapi);
    expect(findTemplate("drf-vs-fastapi")).toBe(drfVsFastapi);
    expect(findTemplate("rails-vs-django")).toBeUndefined();
  });

  const article = articlePath();
  const articleFound = article !== null && existsSync(article);
  it("paraphrases the article: no run of 8 or more words in common with it", (ctx) => {
    if (!articleFound) {
      ctx.skip(`the article is not at ${article ?? "<git root>/../shared/seed"}; cannot compare`);
    }
    const source = readFileSync(article as string, "utf8");
    const copied = templateTexts().flatMap((text) => sharedRuns(text, source, 8));
    expect(copied).toEqual([]);
    // The check itself catches a copied sentence.
    expect(
      sharedRuns("DRF handles the complexity with pluggable classes.", source, 8),
    ).toHaveLength(0);
    expect(
      sharedRuns(
        "It has numerous Stack Overflow questions, plugins, and battle-tested practices",
        source,
        8,
      ),
    ).not.toHaveLength(0);
  });
});
