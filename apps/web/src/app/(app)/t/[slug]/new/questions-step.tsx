"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { useState } from "react";
import type { Team } from "~/components/project-form/project-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { cn } from "~/lib/utils";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type BuiltIn = RouterOutputs["project"]["templates"]["builtIn"][number];

type Answer = "yes" | "no" | "skip";

/** The built-in template's context questions, which propose starting weights. */
export function QuestionsStep({
  team,
  template,
  onApply,
  onSkip,
}: {
  team: Team;
  template: BuiltIn;
  onApply: (weights: Record<string, number>) => void;
  onSkip: () => void;
}) {
  const trpc = useTRPC();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const given = Object.fromEntries(
    Object.entries(answers)
      .filter(([, a]) => a !== "skip")
      .map(([k, a]) => [k, a === "yes"]),
  );
  // The last proposal stays on screen while the one for a new answer loads, instead of the list
  // emptying as if nothing had been answered; it is marked as updating, and cannot be used.
  const suggestion = useQuery(
    trpc.project.suggestWeights.queryOptions(
      { teamId: team.id, templateKey: template.key, answers: given },
      { placeholderData: keepPreviousData },
    ),
  );
  const updating = suggestion.isPlaceholderData;
  const name = (key: string) => template.criteria.find((c) => c.key === key)?.name ?? key;
  const contradictions = suggestion.data?.contradictions ?? [];
  const contradicted = new Set(contradictions.flatMap((c) => c.questionKeys));

  return (
    <section aria-labelledby="questions-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="questions-heading" className="font-medium text-lg">
          A few questions about your situation
        </h2>
        <p className="text-muted-foreground text-sm">
          Your answers propose starting weights for the criteria. They never vote for anyone, and
          you can edit every weight afterwards.
        </p>
      </div>
      <Card>
        <CardContent className="space-y-4">
          {template.contextQuestions.map((q) => (
            <fieldset key={q.key} className="space-y-2">
              <legend className="font-medium text-sm">{q.question}</legend>
              <div className="flex gap-4 text-sm">
                {(["yes", "no", "skip"] as const).map((a) => (
                  <label key={a} className="flex cursor-pointer items-center gap-1.5">
                    <input
                      type="radio"
                      name={`question-${q.key}`}
                      value={a}
                      checked={(answers[q.key] ?? "skip") === a}
                      onChange={() => setAnswers((s) => ({ ...s, [q.key]: a }))}
                      className="size-4 accent-[var(--primary)]"
                    />
                    {a === "yes" ? "Yes" : a === "no" ? "No" : "Not sure"}
                  </label>
                ))}
              </div>
              {contradicted.has(q.key) ? (
                <p className="text-sm text-warning" data-testid="contradicted-answer">
                  This answer contradicts another one (see below).
                </p>
              ) : null}
            </fieldset>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h3">Proposed starting weights</CardTitle>
          <CardDescription>
            {suggestion.data?.changes.length
              ? "Changes from the template's defaults, with the reason for each."
              : "Answer a question to see how it moves the weights."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {suggestion.error ? <Alert variant="error">{messageOf(suggestion.error)}</Alert> : null}
          {contradictions.length > 0 ? (
            <Alert
              variant="warning"
              title="Some answers contradict each other"
              className="mb-3"
              data-testid="answer-contradictions"
            >
              <ul className="space-y-1">
                {contradictions.map((c) => (
                  <li key={c.questionKeys.join()}>{c.message}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <ul
            className={cn("space-y-2 text-sm", updating && "opacity-60")}
            aria-live="polite"
            aria-busy={updating || undefined}
          >
            {suggestion.data?.changes.map((c) => (
              <li key={`${c.questionKey}-${c.criterionKey}`}>
                <span className="font-medium">{name(c.criterionKey)}</span>: {c.from} → {c.to}.{" "}
                <span className="text-muted-foreground">{c.reason}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={!suggestion.data}
          loading={updating}
          onClick={() => suggestion.data && onApply(suggestion.data.weights)}
        >
          Use these weights
        </Button>
        <Button variant="outline" onClick={onSkip}>
          Skip, keep the defaults
        </Button>
      </div>
    </section>
  );
}
