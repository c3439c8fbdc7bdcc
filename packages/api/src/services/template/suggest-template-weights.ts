import { findTemplate, suggestWeights } from "@tradeoff/templates";
import { DomainError } from "../../errors";

/** Starting weights proposed from the answers to a built-in template's context questions. */
export function suggestTemplateWeights(input: {
  templateKey: string;
  answers: Record<string, boolean>;
}) {
  const template = findTemplate(input.templateKey);
  if (!template) {
    throw new DomainError("BAD_REQUEST", "That template does not exist.", {
      templateKey: ["Pick one of the listed templates."],
    });
  }
  const known = new Set(template.contextQuestions.map((q) => q.key));
  const unknown = Object.keys(input.answers).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new DomainError(
      "BAD_REQUEST",
      "Some answers are for questions this template does not ask.",
      {
        answers: [`Unknown question${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`],
      },
    );
  }
  return suggestWeights(template, input.answers);
}
