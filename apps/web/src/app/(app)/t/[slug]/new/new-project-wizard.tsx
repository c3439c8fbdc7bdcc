"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { useEffect, useState } from "react";
import { blankDraft, type Draft, itemsOf } from "~/components/project-form/draft";
import { ProjectForm, type Team } from "~/components/project-form/project-form";
import { CreateSampleButton } from "~/components/sample/sample-buttons";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { useNewDecisionDraft } from "~/lib/new-decision-draft";
import { QuestionsStep } from "./questions-step";
import { SourceStep } from "./source-step";

type Templates = RouterOutputs["project"]["templates"];
type BuiltIn = Templates["builtIn"][number];

type Step =
  | { kind: "source" }
  | { kind: "questions"; template: BuiltIn; draft: Draft }
  | { kind: "details"; draft: Draft };

const savedAt = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * New decision: pick a starting point, answer the context questions, then edit and create.
 * What is typed into the form is kept on this browser (`useNewDecisionDraft`) until the decision
 * is created or the member starts over: coming back to the page opens the form as it was left,
 * and says so.
 */
export function NewProjectWizard({
  team,
  templates,
  userId,
}: {
  team: Team;
  templates: Templates;
  userId: string;
}) {
  const [step, setStep] = useState<Step>({ kind: "source" });
  const kept = useNewDecisionDraft(userId, team.id);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  useEffect(() => {
    if (!kept.restored) return;
    setStep({ kind: "details", draft: kept.restored.draft });
    setRestoredAt(kept.restored.savedAt);
  }, [kept.restored]);

  function startOver() {
    kept.drop();
    setRestoredAt(null);
    setStep({ kind: "source" });
  }

  function startFromBuiltIn(template: BuiltIn) {
    const draft: Draft = {
      ...blankDraft(),
      title: template.title,
      context: template.context,
      templateKey: template.key,
      ...itemsOf(template),
    };
    setStep(
      template.contextQuestions.length > 0
        ? { kind: "questions", template, draft }
        : { kind: "details", draft },
    );
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-semibold text-2xl tracking-tight">New decision in {team.name}</h1>
      {step.kind === "source" ? (
        <>
          <SourceStep
            teamId={team.id}
            templates={templates}
            onBuiltIn={startFromBuiltIn}
            onTeamTemplate={(template) =>
              setStep({
                kind: "details",
                draft: { ...blankDraft(), context: template.description, ...itemsOf(template) },
              })
            }
            onBlank={() => setStep({ kind: "details", draft: blankDraft() })}
          />
          <section aria-labelledby="sample-heading" className="space-y-2 rounded-lg border p-4">
            <h2 id="sample-heading" className="font-medium text-lg">
              New to Tradeoff?
            </h2>
            <p className="text-muted-foreground text-sm">
              A sample decision with the votes of three fictional teammates shows the recommendation
              and the history at work. It is marked as a sample and removed in one click.
            </p>
            <CreateSampleButton teamId={team.id} slug={team.slug} />
          </section>
        </>
      ) : step.kind === "questions" ? (
        <QuestionsStep
          team={team}
          template={step.template}
          onApply={(weights) =>
            setStep({
              kind: "details",
              draft: {
                ...step.draft,
                criteria: step.draft.criteria.map((c) => ({
                  ...c,
                  defaultWeight: (c.key ? weights[c.key] : undefined) ?? c.defaultWeight,
                })),
              },
            })
          }
          onSkip={() => setStep({ kind: "details", draft: step.draft })}
        />
      ) : (
        <>
          {restoredAt ? (
            <Alert
              variant="info"
              title="Your unsaved draft is back"
              data-testid="restored-draft"
              action={
                <Button type="button" variant="outline" size="sm" onClick={startOver}>
                  Start over
                </Button>
              }
            >
              What you typed here on {savedAt.format(new Date(restoredAt))} was kept on this browser
              until you create the decision. Start over to drop it.
            </Alert>
          ) : null}
          <ProjectForm
            key={restoredAt ?? "new"}
            team={team}
            initial={step.draft}
            onBack={() => {
              setRestoredAt(null);
              setStep({ kind: "source" });
            }}
            onChange={kept.keep}
            onCreated={kept.drop}
          />
        </>
      )}
    </div>
  );
}
