"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { coverageBasis } from "@tradeoff/scoring";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toaster";
import { linesIn, namesIn, namesText } from "~/lib/list-fields";
import { type FieldErrors, fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RecordView } from "./record-document";

/** The consequences the record lists, one field each (MADR's Good, Neutral, Bad). */
const CONSEQUENCES = [
  { key: "good", label: "Good consequences" },
  { key: "neutral", label: "Neutral consequences" },
  { key: "bad", label: "Bad consequences" },
] as const;

/** Who took part in the decision (MADR's front matter), one field each. */
const PEOPLE = [
  {
    key: "decisionMakers",
    label: "Decision-makers",
    description: "Team members or other names, separated by commas.",
  },
  { key: "consulted", label: "Consulted", description: undefined },
  { key: "informed", label: "Informed", description: undefined },
] as const;

/**
 * Records the decision, or (mode "revise") changes it as a new revision. The chosen option
 * starts at the team's recommendation; picking another asks for the reason. A reason typed and
 * then left by choosing the recommendation again stays on screen (and is sent, so the server
 * says it would not be kept) until it is moved to the rationale or cleared: never dropped.
 */
export function RecordForm(props: {
  view: RecordView;
  mode: "decide" | "revise";
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A reload starts the form again from the record as it is now.
  const [loaded, setLoaded] = useState(0);
  const [reloading, setReloading] = useState(false);
  async function reload() {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({
        ...trpc.record.get.queryOptions({ projectId: props.view.project.id }),
        staleTime: 0,
      });
      setLoaded((n) => n + 1);
      toast.success(
        `Loaded revision ${latest.view.decision?.revision ?? ""}: make your change again on top of it.`,
      );
    } catch {
      toast.error("The record could not be loaded. Try again in a moment.");
    } finally {
      setReloading(false);
    }
  }
  return <RecordFormFields key={loaded} {...props} onReload={reload} reloading={reloading} />;
}

function RecordFormFields({
  view,
  mode,
  onDone,
  onReload,
  reloading,
}: {
  view: RecordView;
  mode: "decide" | "revise";
  onDone?: (() => void) | undefined;
  onReload: () => void;
  reloading: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const membersId = useId();
  const d = view.decision;
  // The revision this form was filled from: the record on the page may be refetched meanwhile,
  // and a revision made by someone else since must not be undone by this one.
  const [baseRevision] = useState(d?.revision);
  const recommended = d?.recommendedKey ?? view.result?.winner ?? null;
  const [chosen, setChosen] = useState(
    d?.chosenOptionKey ?? recommended ?? view.options[0]?.key ?? "",
  );
  const [justification, setJustification] = useState(d?.justification ?? "");
  const [rationale, setRationale] = useState(d?.rationale ?? "");
  const against = recommended !== null && chosen !== recommended;
  // A reason typed for another option, kept while the recommendation is chosen again.
  const strandedReason = !against && justification.trim() !== "";
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const members = useQuery(trpc.member.list.queryOptions({ teamId: view.team.id }));
  const memberList = (members.data ?? []).map((m) => ({
    id: m.id,
    label: m.name ?? m.email ?? "",
  }));

  const people = (text: string) =>
    namesIn(text).map((name) => {
      const member = memberList.find((m) => m.label === name);
      return member ? { userId: member.id, name } : { name };
    });

  const options = {
    onSuccess: async () => {
      toast.success(mode === "decide" ? "Decision recorded." : "Saved as a new revision.");
      await queryClient.invalidateQueries({
        queryKey: trpc.record.get.queryKey({ projectId: view.project.id }),
      });
      onDone?.();
    },
    onError: (error: unknown) => {
      setErrors(fieldErrorsOf(error));
      setFormError(messageOf(error));
    },
  };
  const decide = useMutation(trpc.record.decide.mutationOptions(options));
  const revise = useMutation(trpc.record.revise.mutationOptions(options));
  const pending = decide.isPending || revise.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      projectId: view.project.id,
      chosenOptionKey: chosen,
      justification: against || strandedReason ? justification : null,
      rationale,
      consequences: {
        good: linesIn(text("good")),
        neutral: linesIn(text("neutral")),
        bad: linesIn(text("bad")),
      },
      decisionMakers: people(text("decisionMakers")),
      consulted: people(text("consulted")),
      informed: people(text("informed")),
      confirmation: text("confirmation") || null,
      links: linesIn(text("links")).map((line) => {
        const [label, url] = line.includes("|")
          ? line.split("|").map((s) => s.trim())
          : [line, line];
        return { label: label || url || line, url: url || line };
      }),
      // The date input's own YYYY-MM-DD, as the server reads it (midnight UTC).
      reviewDate: text("reviewDate") || null,
    };
    if (mode === "decide")
      decide.mutate({ ...input, confirmProvisional: form.get("confirmProvisional") === "on" });
    else
      revise.mutate({
        ...input,
        note: text("note"),
        ...(baseRevision !== undefined ? { expectedRevision: baseRevision } : {}),
      });
  }

  const err = (field: string) => errors[field]?.[0];
  const stale = err("expectedRevision");
  function moveReasonToRationale() {
    // The rationale completes "Chosen option: …, because …": the reason follows as a sentence.
    setRationale((r) =>
      r.trim() ? `${r.trimEnd()} ${justification.trim()}` : justification.trim(),
    );
    setJustification("");
    setErrors(({ justification: _, ...rest }) => rest);
  }
  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      aria-label={mode === "decide" ? "Record the decision" : "Revise the decision"}
    >
      {stale ? (
        <Alert
          variant="error"
          title="Someone else revised this record"
          data-testid="stale-revision"
        >
          <p>{stale}</p>
          <Button
            type="button"
            variant="outline"
            className="mt-2"
            loading={reloading}
            onClick={onReload}
          >
            Reload the record
          </Button>
        </Alert>
      ) : formError ? (
        <Alert variant="error" title={formError} />
      ) : null}
      {mode === "decide" && view.status === "provisional" ? (
        <Alert variant="warning" title="The recommendation is provisional">
          <p data-testid="record-provisional">{coverageBasis(view)}</p>
          <label className="mt-2 flex items-start gap-2">
            <input type="checkbox" name="confirmProvisional" required className="mt-1" />
            <span>
              Record the decision anyway. The record will say what it rested on.
              {err("confirmProvisional") ? (
                <span className="block text-destructive">{err("confirmProvisional")}</span>
              ) : null}
            </span>
          </label>
        </Alert>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="font-medium text-sm">Chosen option</legend>
        {view.options.map((o) => (
          <label key={o.key} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="chosen"
              value={o.key}
              checked={chosen === o.key}
              onChange={() => setChosen(o.key)}
            />
            {o.name}
            {o.key === recommended ? (
              <span className="text-muted-foreground">(the team's recommendation)</span>
            ) : null}
          </label>
        ))}
        {err("chosenOptionKey") ? (
          <p className="text-destructive text-sm">{err("chosenOptionKey")}</p>
        ) : null}
      </fieldset>
      {against || strandedReason ? (
        <FormField
          label="Why another option than the recommendation?"
          required={against}
          description={
            strandedReason ? (
              <span data-testid="stranded-justification">
                {recommended === null
                  ? "There is no recommendation to go against"
                  : "You chose the team's recommendation, so there is no other choice to justify"}
                , and this reason would not be kept here: move it to the rationale, or clear it.
              </span>
            ) : undefined
          }
          error={err("justification")}
        >
          <Textarea
            name="justification"
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            rows={3}
          />
        </FormField>
      ) : null}
      {strandedReason ? (
        <div>
          <Button type="button" variant="outline" onClick={moveReasonToRationale}>
            Move it to the rationale
          </Button>
        </div>
      ) : null}
      <FormField
        label="Rationale"
        description="Completes “Chosen option: …, because …”."
        required
        error={err("rationale")}
      >
        <Textarea
          name="rationale"
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          rows={4}
        />
      </FormField>
      <div className="grid gap-4 md:grid-cols-3">
        {CONSEQUENCES.map(({ key, label }) => (
          <FormField key={key} label={label} description="One per line.">
            <Textarea name={key} defaultValue={d?.consequences[key].join("\n") ?? ""} rows={3} />
          </FormField>
        ))}
      </div>
      <datalist id={membersId}>
        {memberList.map((m) => (
          <option key={m.id} value={m.label} />
        ))}
      </datalist>
      <div className="grid gap-4 md:grid-cols-3">
        {PEOPLE.map(({ key, label, description }) => (
          <FormField key={key} label={label} description={description} error={err(key)}>
            <Input name={key} list={membersId} defaultValue={namesText(d?.[key] ?? [])} />
          </FormField>
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          label="Review date"
          description="The dashboard lists decisions due for review."
          error={err("reviewDate")}
        >
          <Input type="date" name="reviewDate" defaultValue={d?.reviewDate?.slice(0, 10) ?? ""} />
        </FormField>
        <FormField
          label="Confirmation"
          description="How the team will check the decision is implemented (optional)."
        >
          <Input name="confirmation" defaultValue={d?.confirmation ?? ""} />
        </FormField>
      </div>
      <FormField
        label="Links"
        description="One per line: “label | https://…” or just the address."
        error={err("links")}
      >
        <Textarea
          name="links"
          defaultValue={d?.links.map((l) => `${l.label} | ${l.url}`).join("\n") ?? ""}
          rows={2}
        />
      </FormField>
      {mode === "revise" ? (
        <FormField label="What changed and why" required error={err("note")}>
          <Input name="note" />
        </FormField>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {mode === "decide" ? "Record decision" : "Save as new revision"}
        </Button>
        {onDone ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
