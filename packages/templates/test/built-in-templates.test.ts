import { readFileSync } from "node:fs";
import { LIMITS, validateDecisionInput } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import {
  builtInTemplates,
  type ContextAnswers,
  type DecisionTemplate,
  drfVsFastapi,
  EDITORIAL_SOURCE,
  findTemplate,
  suggestWeights,
  templateCategories,
  templateToDecision,
  templateToProjectInput,
} from "../src/index";

const isKebabCase = (key: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key);

/** Sentence ends: a full stop, question or exclamation mark followed by a space or the end. */
const sentenceCount = (text: string) => text.match(/[.!?](?=\s|$)/g)?.length ?? 0;

/** Every yes / no / unanswered combination of the given question keys. */
function* answerCombinations(keys: string[]): Generator<ContextAnswers> {
  const [first, ...rest] = keys;
  if (first === undefined) {
    yield {};
    return;
  }
  for (const tail of answerCombinations(rest)) {
    for (const answer of [true, false, undefined]) yield { ...tail, [first]: answer };
  }
}

/** Limits of the project form (packages/api, schemas/project.ts) a template must fit. */
const FORM = { title: 120, context: 20_000, name: 80, text: 1_000, key: 40 };

/** `min` to `max` items with unique kebab-case keys and names that fit the project form. */
function expectKeyedList(items: { key: string; name: string }[], min: number, max: number) {
  expect(items.length).toBeGreaterThanOrEqual(min);
  expect(items.length).toBeLessThanOrEqual(max);
  const keys = items.map((item) => item.key);
  expect(new Set(keys).size, "duplicate keys").toBe(keys.length);
  for (const { key, name } of items) {
    expect(isKebabCase(key), key).toBe(true);
    expect(key.length, key).toBeLessThanOrEqual(FORM.key);
    expect(name.length, key).toBeGreaterThan(1);
    expect(name.length, key).toBeLessThanOrEqual(FORM.name);
  }
}

describe("the built-in templates", () => {
  it("start with DRF vs FastAPI and add decisions software teams face", () => {
    expect(builtInTemplates[0]).toBe(drfVsFastapi);
    // Projects store the key they started from and CLI users type these: renaming one breaks them.
    expect(builtInTemplates.map((t) => t.key)).toEqual([
      "drf-vs-fastapi",
      "rest-graphql-grpc",
      "postgres-vs-mongodb",
      "monorepo-vs-polyrepo",
      "build-vs-buy",
      "ssr-spa-static",
      "kafka-rabbitmq-sqs",
    ]);
  });

  it("keep their option and context question keys stable", () => {
    const keys = Object.fromEntries(
      builtInTemplates.map((t) => [
        t.key,
        { options: t.options.map((o) => o.key), questions: t.contextQuestions.map((q) => q.key) },
      ]),
    );
    expect(keys).toEqual({
      "drf-vs-fastapi": {
        options: ["drf", "fastapi"],
        questions: [
          "team-knows-django",
          "existing-django-codebase",
          "needs-admin",
          "needs-realtime",
          "microservices",
          "greenfield",
        ],
      },
      "rest-graphql-grpc": {
        options: ["rest", "graphql", "grpc"],
        questions: [
          "varied-clients",
          "service-to-service",
          "public-api",
          "shared-reads",
          "needs-streaming",
          "graphql-grpc-experience",
        ],
      },
      "postgres-vs-mongodb": {
        options: ["postgresql", "mongodb"],
        questions: [
          "many-relationships",
          "varying-structure",
          "all-or-nothing-changes",
          "beyond-one-server",
          "ad-hoc-reporting",
          "outside-one-cloud",
        ],
      },
      "monorepo-vs-polyrepo": {
        options: ["monorepo", "polyrepo"],
        questions: [
          "frequent-cross-changes",
          "one-toolchain",
          "many-teams",
          "tooling-owner",
          "restricted-code",
        ],
      },
      "build-vs-buy": {
        options: ["build", "buy", "open-source"],
        questions: [
          "core-to-product",
          "needed-soon",
          "sensitive-data",
          "runs-similar-infra",
          "large-scale",
        ],
      },
      "ssr-spa-static": {
        options: ["ssr", "spa", "static"],
        questions: [
          "search-traffic",
          "signed-in-app",
          "changing-content",
          "slow-devices",
          "other-clients",
          "avoid-frontend-servers",
        ],
      },
      "kafka-rabbitmq-sqs": {
        options: ["kafka", "rabbitmq", "managed-queue"],
        questions: [
          "shared-event-stream",
          "high-volume",
          "job-queues",
          "strict-order",
          "one-cloud",
          "platform-team",
        ],
      },
    });
  });

  it("have unique kebab-case keys, each found by findTemplate", () => {
    const keys = builtInTemplates.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const template of builtInTemplates) {
      expect(isKebabCase(template.key), template.key).toBe(true);
      expect(findTemplate(template.key)).toBe(template);
    }
    expect(findTemplate("vim-vs-emacs")).toBeUndefined();
  });

  it("say honestly where their guidance comes from: the article for DRF, our editors for the rest", () => {
    expect(drfVsFastapi.source).toMatch(/article/);
    const ours = builtInTemplates.filter((t) => t !== drfVsFastapi);
    expect(ours.length).toBeGreaterThanOrEqual(5);
    for (const template of ours) expect(template.source, template.key).toBe(EDITORIAL_SOURCE);
    expect(EDITORIAL_SOURCE).toMatch(/^Tradeoff's editors: our own engineering judgement/);
  });

  it("are listed in the package README as they are, with their counts", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const rows = readme
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim().replaceAll("`", "")),
      );
    expect(rows).toEqual(
      builtInTemplates.map((t) => [
        t.key,
        t.title,
        t.options.map((o) => o.key).join(", "),
        String(t.criteria.length),
        String(t.contextQuestions.length),
        t.category,
      ]),
    );
  });

  it("fill every gallery category, each category listed once", () => {
    const categoryKeys = templateCategories.map((c) => c.key);
    expect(new Set(categoryKeys).size).toBe(categoryKeys.length);
    for (const category of templateCategories) {
      expect(category.label.length).toBeGreaterThan(2);
      expect(
        builtInTemplates.some((t) => t.category === category.key),
        `no template in ${category.key}`,
      ).toBe(true);
    }
  });
});

describe.each(builtInTemplates.map((t) => [t.key, t] as [string, DecisionTemplate]))(
  "template %s",
  (_key, template) => {
    const optionKeys = template.options.map((o) => o.key);
    const criterionKeys = template.criteria.map((c) => c.key);

    it("has what a gallery card shows: title, one-line summary, a category and tags", () => {
      expect(template.title.length).toBeLessThanOrEqual(FORM.title);
      expect(template.title).toMatch(/\?$/);
      expect(template.summary).toMatch(/^[^\n]{30,160}$/);
      expect(templateCategories.map((c) => c.key)).toContain(template.category);
      expect(template.tags.length).toBeGreaterThanOrEqual(2);
      expect(template.tags.length).toBeLessThanOrEqual(8);
      expect(new Set(template.tags).size).toBe(template.tags.length);
      for (const tag of template.tags) expect(isKebabCase(tag), tag).toBe(true);
    });

    it("states the problem and where its guidance comes from", () => {
      expect(template.context.trim().length).toBeGreaterThan(100);
      expect(template.context.length).toBeLessThanOrEqual(FORM.context);
      expect(template.source.trim().length).toBeGreaterThan(10);
    });

    it("has 2 to 4 options with unique kebab-case keys, names and descriptions", () => {
      expectKeyedList(template.options, 2, 4);
      for (const option of template.options) {
        expect(option.description).toMatch(/^[^\n]{20,}$/);
        expect(option.description.length).toBeLessThanOrEqual(FORM.text);
      }
    });

    it("has 6 to 15 criteria, each with a key, name, one-line description and default weight", () => {
      expectKeyedList(template.criteria, 6, 15);
      for (const criterion of template.criteria) {
        expect(criterion.description, criterion.key).toMatch(/^[^\n]{10,120}$/);
        expect(Number.isInteger(criterion.defaultWeight), criterion.key).toBe(true);
        expect(criterion.defaultWeight).toBeGreaterThanOrEqual(1);
        expect(criterion.defaultWeight).toBeLessThanOrEqual(LIMITS.maxWeight);
      }
    });

    it("gives every criterion one or two sentences of guidance and a 1..5 score for every option", () => {
      for (const criterion of template.criteria) {
        expect(Object.keys(criterion.guidance).sort(), criterion.key).toEqual(
          [...optionKeys].sort(),
        );
        for (const [optionKey, guidance] of Object.entries(criterion.guidance)) {
          const where = `${criterion.key} / ${optionKey}`;
          expect(guidance.summary.length, where).toBeGreaterThan(40);
          expect(guidance.summary.length, where).toBeLessThanOrEqual(400);
          expect(guidance.summary, where).toMatch(/\.$/);
          expect(sentenceCount(guidance.summary), where).toBeGreaterThanOrEqual(1);
          expect(sentenceCount(guidance.summary), where).toBeLessThanOrEqual(2);
          expect(Number.isInteger(guidance.suggestedScore), where).toBe(true);
          expect(guidance.suggestedScore, where).toBeGreaterThanOrEqual(LIMITS.minScore);
          expect(guidance.suggestedScore, where).toBeLessThanOrEqual(LIMITS.maxScore);
        }
      }
    });

    it("is fair to every option: each leads on some criterion and trails on another", () => {
      const score = (criterionIndex: number, option: string) =>
        template.criteria[criterionIndex]?.guidance[option]?.suggestedScore ?? 0;
      for (const option of optionKeys) {
        const others = optionKeys.filter((o) => o !== option);
        const leads = template.criteria.filter((_, i) =>
          others.every((o) => score(i, option) > score(i, o)),
        );
        const trails = template.criteria.filter((_, i) =>
          others.some((o) => score(i, option) < score(i, o)),
        );
        expect(leads.length, `${option} leads nowhere`).toBeGreaterThan(0);
        expect(trails.length, `${option} trails nowhere`).toBeGreaterThan(0);
      }
    });

    it("lets every option come out ahead in some team situation, so none is a straw man", () => {
      // Suggested scores weighted by the weights the answers propose: an editorial check of the
      // template's leanings only; the product never counts suggested scores as votes.
      const ahead = new Set<string>();
      for (const answers of answerCombinations(template.contextQuestions.map((q) => q.key))) {
        const { weights } = suggestWeights(template, answers);
        const totals = optionKeys.map((option) =>
          template.criteria.reduce(
            (sum, c) => sum + (weights[c.key] ?? 0) * (c.guidance[option]?.suggestedScore ?? 0),
            0,
          ),
        );
        const best = Math.max(...totals);
        const leaders = optionKeys.filter((_, i) => totals[i] === best);
        if (leaders.length === 1 && leaders[0]) ahead.add(leaders[0]);
      }
      expect([...ahead].sort()).toEqual([...optionKeys].sort());
    });

    it("becomes a decision the scoring package accepts, with no votes", () => {
      const decision = templateToDecision(template);
      expect(() => validateDecisionInput(decision)).not.toThrow();
      expect(decision.votes).toEqual([]);
      expect(decision.options.map((o) => o.key)).toEqual(optionKeys);
      expect(decision.criteria.map((c) => c.key)).toEqual(criterionKeys);
    });

    it("becomes the input of a new project that records the template's key", () => {
      const input = templateToProjectInput(template);
      expect(input).toMatchObject({
        title: template.title,
        context: template.context,
        templateKey: template.key,
      });
      expect(input.options.map((o) => o.key)).toEqual(optionKeys);
      expect(input.criteria.map((c) => [c.key, c.defaultWeight, c.guidance])).toEqual(
        template.criteria.map((c) => [c.key, c.defaultWeight, c.guidance]),
      );
    });

    it("asks 3 to 6 context questions whose answers move existing criteria, with reasons", () => {
      const questions = template.contextQuestions;
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(questions.length).toBeLessThanOrEqual(6);
      const keys = questions.map((q) => q.key);
      expect(new Set(keys).size).toBe(keys.length);
      const known = new Set(criterionKeys);
      for (const q of questions) {
        expect(isKebabCase(q.key), q.key).toBe(true);
        expect(q.question, q.key).toMatch(/^[^\n]{10,200}\?$/);
        expect(q.ifYes.length, q.key).toBeGreaterThan(0);
        for (const effects of [q.ifYes, q.ifNo]) {
          const moved = effects.map((e) => e.criterionKey);
          expect(new Set(moved).size, `${q.key} names a criterion twice`).toBe(moved.length);
          for (const effect of effects) {
            expect(known.has(effect.criterionKey), `${q.key}: ${effect.criterionKey}`).toBe(true);
            expect(Number.isInteger(effect.change)).toBe(true);
            expect(effect.change).not.toBe(0);
            expect(Math.abs(effect.change)).toBeLessThanOrEqual(3);
            expect(effect.reason, q.key).toMatch(/^[^\n]{10,200}\.$/);
          }
        }
        // Answering yes alone moves at least one weight away from its default.
        expect(suggestWeights(template, { [q.key]: true }).changes.length, q.key).toBeGreaterThan(
          0,
        );
      }
    });

    it("flags only combinations of answers to its own questions, each with a reason, when all are given", () => {
      const questionKeys = template.contextQuestions.map((q) => q.key);
      for (const conflict of template.answerConflicts ?? []) {
        const keys = Object.keys(conflict.answers);
        expect(keys.length, conflict.why).toBeGreaterThanOrEqual(2);
        for (const key of keys) expect(questionKeys, conflict.why).toContain(key);
        expect(conflict.why).toMatch(/^[^\n]{10,300}\.$/);
        expect(suggestWeights(template, conflict.answers).contradictions).toEqual([
          expect.objectContaining({ questionKeys: keys }),
        ]);
        // One answer of the pair changed, or left out, is no contradiction.
        const [first] = keys;
        if (!first) continue;
        const changed = { ...conflict.answers, [first]: !conflict.answers[first] };
        const { [first]: _left, ...partial } = conflict.answers;
        expect(suggestWeights(template, changed).contradictions).toEqual([]);
        expect(suggestWeights(template, partial).contradictions).toEqual([]);
      }
    });

    it("keeps suggested weights in 0..5 for every combination of answers, each change explained", () => {
      const defaults = Object.fromEntries(template.criteria.map((c) => [c.key, c.defaultWeight]));
      const questionKeys = template.contextQuestions.map((q) => q.key);
      const problems: string[] = [];
      let combinations = 0;
      for (const answers of answerCombinations(questionKeys)) {
        combinations++;
        const where = JSON.stringify(answers);
        const { weights, changes } = suggestWeights(template, answers);
        if (Object.keys(weights).join() !== criterionKeys.join()) {
          problems.push(`${where}: weights for ${Object.keys(weights).join()}`);
        }
        for (const [key, weight] of Object.entries(weights)) {
          if (!(weight >= LIMITS.minWeight && weight <= LIMITS.maxWeight)) {
            problems.push(`${where}: ${key} weighs ${weight}`);
          }
        }
        // Replaying the listed changes over the defaults gives exactly the weights proposed.
        const replayed: Record<string, number> = { ...defaults };
        for (const change of changes) {
          if (change.from !== replayed[change.criterionKey] || change.to === change.from) {
            problems.push(`${where}: change ${JSON.stringify(change)}`);
          }
          if (answers[change.questionKey] !== change.answer || change.reason === "") {
            problems.push(`${where}: unexplained change ${JSON.stringify(change)}`);
          }
          replayed[change.criterionKey] = change.to;
        }
        if (JSON.stringify(replayed) !== JSON.stringify(weights)) {
          problems.push(`${where}: changes do not add up to the weights`);
        }
        try {
          validateDecisionInput(templateToDecision(template, weights));
        } catch (error) {
          problems.push(`${where}: ${String(error)}`);
        }
      }
      expect(combinations).toBe(3 ** questionKeys.length);
      expect(problems).toEqual([]);
    });
  },
);
