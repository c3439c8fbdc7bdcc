"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { ArrowRight, FileText, LayoutTemplate, Plus, Sparkles, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toaster";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Templates = RouterOutputs["project"]["templates"];
type BuiltIn = Templates["builtIn"][number];
export type Team = { id: string; slug: string; name: string };

export type OptionDraft = { uid: string; key?: string; name: string; description: string };
export type CriterionDraft = {
  uid: string;
  key?: string;
  name: string;
  description: string;
  defaultWeight: number;
  guidance: Record<string, { summary: string; suggestedScore?: number }>;
  anchorLow: string;
  anchorHigh: string;
  mustHave: boolean;
};
export type Draft = {
  title: string;
  context: string;
  templateKey: string | null;
  options: OptionDraft[];
  criteria: CriterionDraft[];
};

let uidCounter = 0;
export const uid = () => `item-${++uidCounter}`;

const blankOption = (): OptionDraft => ({ uid: uid(), name: "", description: "" });
const blankCriterion = (): CriterionDraft => ({
  uid: uid(),
  name: "",
  description: "",
  defaultWeight: 3,
  guidance: {},
  anchorLow: "",
  anchorHigh: "",
  mustHave: false,
});

function slugify(text: string) {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32);
  return base || "item";
}

/** Keys for new items, from their names, unique within the list. */
function withKeys<T extends { key?: string; name: string }>(items: T[]): (T & { key: string })[] {
  const used = new Set(items.map((i) => i.key).filter(Boolean));
  return items.map((item) => {
    if (item.key) return item as T & { key: string };
    let key = slugify(item.name);
    for (let n = 2; used.has(key); n++) key = `${slugify(item.name)}-${n}`;
    used.add(key);
    return { ...item, key };
  });
}

type Step = { kind: "source" } | { kind: "questions"; template: BuiltIn } | { kind: "details" };

/** New decision: pick a starting point, answer the context questions, then edit and create. */
export function NewProjectWizard({ team, templates }: { team: Team; templates: Templates }) {
  const [step, setStep] = useState<Step>({ kind: "source" });
  const [draft, setDraft] = useState<Draft>({
    title: "",
    context: "",
    templateKey: null,
    options: [blankOption(), blankOption()],
    criteria: [blankCriterion()],
  });

  function startFromBuiltIn(template: BuiltIn) {
    setDraft({
      title: template.title,
      context: template.context,
      templateKey: template.key,
      options: template.options.map((o) => ({ ...o, uid: uid() })),
      criteria: template.criteria.map((c) => ({
        ...c,
        uid: uid(),
        anchorLow: c.anchorLow ?? "",
        anchorHigh: c.anchorHigh ?? "",
      })),
    });
    setStep(
      template.contextQuestions.length > 0 ? { kind: "questions", template } : { kind: "details" },
    );
  }

  function startFromTeamTemplate(template: Templates["team"][number]) {
    setDraft({
      title: "",
      context: template.description,
      templateKey: null,
      options: template.options.map((o) => ({ ...o, uid: uid() })),
      criteria: template.criteria.map((c) => ({
        ...c,
        uid: uid(),
        anchorLow: c.anchorLow ?? "",
        anchorHigh: c.anchorHigh ?? "",
      })),
    });
    setStep({ kind: "details" });
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="font-semibold text-2xl tracking-tight">New decision in {team.name}</h1>
      {step.kind === "source" ? (
        <SourceStep
          templates={templates}
          onBuiltIn={startFromBuiltIn}
          onTeamTemplate={startFromTeamTemplate}
          onBlank={() => setStep({ kind: "details" })}
        />
      ) : step.kind === "questions" ? (
        <QuestionsStep
          team={team}
          template={step.template}
          onApply={(weights) => {
            setDraft((d) => ({
              ...d,
              criteria: d.criteria.map((c) =>
                c.key && weights[c.key] !== undefined
                  ? { ...c, defaultWeight: weights[c.key] ?? c.defaultWeight }
                  : c,
              ),
            }));
            setStep({ kind: "details" });
          }}
          onSkip={() => setStep({ kind: "details" })}
        />
      ) : (
        <DetailsStep
          team={team}
          draft={draft}
          setDraft={setDraft}
          onBack={() => setStep({ kind: "source" })}
        />
      )}
    </div>
  );
}

function SourceStep({
  templates,
  onBuiltIn,
  onTeamTemplate,
  onBlank,
}: {
  templates: Templates;
  onBuiltIn: (t: BuiltIn) => void;
  onTeamTemplate: (t: Templates["team"][number]) => void;
  onBlank: () => void;
}) {
  return (
    <section aria-labelledby="source-heading" className="space-y-4">
      <h2 id="source-heading" className="font-medium text-lg">
        Start from
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {templates.builtIn.map((t) => (
          <li key={t.key}>
            <SourceCard
              icon={<Sparkles aria-hidden="true" className="size-4" />}
              title={t.title}
              badge="Built-in"
              description={`${t.options.length} options, ${t.criteria.length} criteria with guidance from ${t.source}.`}
              action={`Use “${t.title}”`}
              onClick={() => onBuiltIn(t)}
            />
          </li>
        ))}
        {templates.team.map((t) => (
          <li key={t.id}>
            <SourceCard
              icon={<LayoutTemplate aria-hidden="true" className="size-4" />}
              title={t.name}
              badge="Team template"
              description={
                t.description || `${t.options.length} options, ${t.criteria.length} criteria.`
              }
              action={`Use “${t.name}”`}
              onClick={() => onTeamTemplate(t)}
            />
          </li>
        ))}
        <li>
          <SourceCard
            icon={<FileText aria-hidden="true" className="size-4" />}
            title="Blank decision"
            description="Write your own options and criteria."
            action="Start blank"
            onClick={onBlank}
          />
        </li>
      </ul>
    </section>
  );
}

function SourceCard(props: {
  icon: React.ReactNode;
  title: string;
  badge?: string;
  description: string;
  action: string;
  onClick: () => void;
}) {
  return (
    <Card className="h-full">
      <CardHeader>
        <CardTitle as="h3" className="flex items-center gap-2">
          {props.icon}
          {props.title}
          {props.badge ? <Badge variant="neutral">{props.badge}</Badge> : null}
        </CardTitle>
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent className="mt-auto">
        <Button variant="outline" onClick={props.onClick}>
          {props.action} <ArrowRight aria-hidden="true" />
        </Button>
      </CardContent>
    </Card>
  );
}

type Answer = "yes" | "no" | "skip";

function QuestionsStep({
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
  const suggestion = useQuery(
    trpc.project.suggestWeights.queryOptions({
      teamId: team.id,
      templateKey: template.key,
      answers: given,
    }),
  );
  const name = (key: string) => template.criteria.find((c) => c.key === key)?.name ?? key;

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
          <ul className="space-y-2 text-sm" aria-live="polite">
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

/** What an existing draft starts the form with, when editing it rather than creating one. */
export type EditingDraft = {
  projectId: string;
  deadline: string | null;
  quorum: number | null;
  method: "WEIGHTED_MEAN" | "MEDIAN" | "BORDA";
  votingMode: "OPEN" | "BLIND";
};

/** A local date-time for <input type="datetime-local">. */
const toLocalInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function DetailsStep({
  team,
  draft,
  setDraft,
  onBack,
  editing,
}: {
  team: Team;
  draft: Draft;
  setDraft: React.Dispatch<React.SetStateAction<Draft>>;
  onBack: () => void;
  editing?: EditingDraft;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [deadline, setDeadline] = useState(
    editing?.deadline ? toLocalInput(new Date(editing.deadline)) : "",
  );
  const [quorum, setQuorum] = useState(editing?.quorum ? String(editing.quorum) : "");
  const [method, setMethod] = useState<"WEIGHTED_MEAN" | "MEDIAN" | "BORDA">(
    editing?.method ?? "WEIGHTED_MEAN",
  );
  const [votingMode, setVotingMode] = useState<"OPEN" | "BLIND">(editing?.votingMode ?? "OPEN");
  const [openNow, setOpenNow] = useState(false);
  const open = useMutation(trpc.project.open.mutationOptions());
  const update = useMutation(
    trpc.project.update.mutationOptions({
      async onSuccess(result) {
        await queryClient.invalidateQueries({
          queryKey: trpc.project.get.queryKey({ projectId: result.id }),
        });
        toast.success("Draft saved.");
        router.push(`/t/${team.slug}/p/${result.id}`);
        router.refresh();
      },
    }),
  );
  const create = useMutation(
    trpc.project.create.mutationOptions({
      async onSuccess(project) {
        if (openNow) {
          await open.mutateAsync({ projectId: project.id }).catch(() => {
            toast.error("The decision was created but could not be opened. Open it from its page.");
          });
        }
        toast.success("Decision created.");
        router.push(`/t/${team.slug}/p/${project.id}`);
      },
    }),
  );
  const error = editing ? update.error : create.error;
  const fields = fieldErrorsOf(error);
  const general = error && Object.keys(fields).length === 0 ? messageOf(error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = {
      title: draft.title,
      context: draft.context,
      options: withKeys(draft.options).map(({ key, name, description }) => ({
        key,
        name,
        description,
      })),
      criteria: withKeys(draft.criteria).map(({ uid: _uid, ...c }) => ({
        ...c,
        anchorLow: c.anchorLow || null,
        anchorHigh: c.anchorHigh || null,
      })),
      deadline: deadline ? new Date(deadline).toISOString() : null,
      quorum: quorum ? Number(quorum) : null,
      method,
      votingMode,
    };
    if (editing) update.mutate({ projectId: editing.projectId, ...values });
    else create.mutate({ teamId: team.id, templateKey: draft.templateKey, ...values });
  }

  const setOption = (i: number, patch: Partial<OptionDraft>) =>
    setDraft((d) => ({
      ...d,
      options: d.options.map((o, j) => (j === i ? { ...o, ...patch } : o)),
    }));
  const setCriterion = (i: number, patch: Partial<CriterionDraft>) =>
    setDraft((d) => ({
      ...d,
      criteria: d.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    }));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {general ? <Alert variant="error">{general}</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle as="h2">The decision</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <FormField label="Title" required error={fields.title?.[0]}>
            <Input
              value={draft.title}
              onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))}
              placeholder="Which API framework for the billing service?"
            />
          </FormField>
          <FormField
            label="Context"
            description="The problem statement, in markdown: what are we deciding and why now?"
            error={fields.context?.[0]}
          >
            <Textarea
              rows={4}
              value={draft.context}
              onChange={(e) => setDraft((d) => ({ ...d, context: e.target.value }))}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Deadline" error={fields.deadline?.[0]}>
              <Input
                type="datetime-local"
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </FormField>
            <FormField
              label="Quorum"
              description="How many members must vote for the result to count."
              error={fields.quorum?.[0]}
            >
              <Input
                type="number"
                min={1}
                inputMode="numeric"
                value={quorum}
                onChange={(e) => setQuorum(e.target.value)}
              />
            </FormField>
            <FormField label="Aggregation method" error={fields.method?.[0]}>
              <Select value={method} onValueChange={(v) => setMethod(v as typeof method)}>
                <SelectTrigger>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="WEIGHTED_MEAN">Weighted mean</SelectItem>
                  <SelectItem value="MEDIAN">Median</SelectItem>
                  <SelectItem value="BORDA">Borda count</SelectItem>
                </SelectContent>
              </Select>
            </FormField>
            <FormField
              label="Voting mode"
              description="Blind hides votes and totals until voting closes; who has voted stays visible."
              error={fields.votingMode?.[0]}
            >
              <Select
                value={votingMode}
                onValueChange={(v) => setVotingMode(v as typeof votingMode)}
              >
                <SelectTrigger>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="OPEN">Open</SelectItem>
                  <SelectItem value="BLIND">Blind</SelectItem>
                </SelectContent>
              </Select>
            </FormField>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Options (2 to 6)</CardTitle>
          {fields.options?.[0] ? (
            <p className="font-medium text-destructive text-sm" role="alert">
              {fields.options[0]}
            </p>
          ) : null}
        </CardHeader>
        <CardContent className="space-y-3">
          {draft.options.map((option, i) => (
            <div
              key={option.uid}
              className="grid gap-2 rounded-lg border border-border p-3 sm:grid-cols-[1fr_2fr_auto]"
            >
              <FormField label={`Option ${i + 1} name`} required>
                <Input
                  value={option.name}
                  onChange={(e) => setOption(i, { name: e.target.value })}
                />
              </FormField>
              <FormField label="Description">
                <Input
                  value={option.description}
                  onChange={(e) => setOption(i, { description: e.target.value })}
                />
              </FormField>
              <Button
                variant="ghost"
                size="icon"
                className="self-end"
                aria-label={`Remove option ${i + 1}`}
                disabled={draft.options.length <= 2}
                onClick={() =>
                  setDraft((d) => ({ ...d, options: d.options.filter((_, j) => j !== i) }))
                }
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          ))}
          <Button
            variant="outline"
            size="sm"
            disabled={draft.options.length >= 6}
            onClick={() => setDraft((d) => ({ ...d, options: [...d.options, blankOption()] }))}
          >
            <Plus aria-hidden="true" /> Add option
          </Button>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Criteria (1 to 30)</CardTitle>
          <CardDescription>
            The default weight counts until members give their own importance. A must-have fails any
            option the team scores below 3 on it.
          </CardDescription>
          {fields.criteria?.[0] ? (
            <p className="font-medium text-destructive text-sm" role="alert">
              {fields.criteria[0]}
            </p>
          ) : null}
        </CardHeader>
        <CardContent className="space-y-3">
          {draft.criteria.map((criterion, i) => (
            <fieldset key={criterion.uid} className="space-y-2 rounded-lg border border-border p-3">
              <legend className="sr-only">Criterion {i + 1}</legend>
              <div className="grid gap-2 sm:grid-cols-[2fr_1fr_auto]">
                <FormField label={`Criterion ${i + 1} name`} required>
                  <Input
                    value={criterion.name}
                    onChange={(e) => setCriterion(i, { name: e.target.value })}
                  />
                </FormField>
                <FormField label="Default weight (0–5)">
                  <Input
                    type="number"
                    min={0}
                    max={5}
                    step={0.5}
                    value={criterion.defaultWeight}
                    onChange={(e) => setCriterion(i, { defaultWeight: Number(e.target.value) })}
                  />
                </FormField>
                <Button
                  variant="ghost"
                  size="icon"
                  className="self-end"
                  aria-label={`Remove criterion ${i + 1}`}
                  disabled={draft.criteria.length <= 1}
                  onClick={() =>
                    setDraft((d) => ({ ...d, criteria: d.criteria.filter((_, j) => j !== i) }))
                  }
                >
                  <Trash2 aria-hidden="true" />
                </Button>
              </div>
              <FormField label="Description">
                <Input
                  value={criterion.description}
                  onChange={(e) => setCriterion(i, { description: e.target.value })}
                />
              </FormField>
              <div className="grid gap-2 sm:grid-cols-2">
                <FormField label="A score of 1 means">
                  <Input
                    value={criterion.anchorLow}
                    onChange={(e) => setCriterion(i, { anchorLow: e.target.value })}
                  />
                </FormField>
                <FormField label="A score of 5 means">
                  <Input
                    value={criterion.anchorHigh}
                    onChange={(e) => setCriterion(i, { anchorHigh: e.target.value })}
                  />
                </FormField>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={criterion.mustHave}
                  onChange={(e) => setCriterion(i, { mustHave: e.target.checked })}
                  className="size-4 accent-[var(--primary)]"
                />
                Must-have
              </label>
              {Object.keys(criterion.guidance).length > 0 ? (
                <p className="text-muted-foreground text-xs">
                  Includes the guide's notes for each option.
                </p>
              ) : null}
            </fieldset>
          ))}
          <Button
            variant="outline"
            size="sm"
            disabled={draft.criteria.length >= 30}
            onClick={() => setDraft((d) => ({ ...d, criteria: [...d.criteria, blankCriterion()] }))}
          >
            <Plus aria-hidden="true" /> Add criterion
          </Button>
        </CardContent>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        {editing ? null : (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={openNow}
              onChange={(e) => setOpenNow(e.target.checked)}
              className="size-4 accent-[var(--primary)]"
            />
            Open for voting right away
          </label>
        )}
        <Button type="submit" loading={create.isPending || open.isPending || update.isPending}>
          {editing ? "Save draft" : "Create decision"}
        </Button>
        <Button variant="ghost" onClick={onBack}>
          {editing ? "Cancel" : "Back"}
        </Button>
      </div>
    </form>
  );
}
