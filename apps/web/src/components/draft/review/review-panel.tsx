"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type RenderedMarkdown, RenderedText } from "~/components/markdown/rendered-text";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toaster";
import { type FieldErrors, fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { type Draft, type DraftPageData, dateTime } from "./types";

const nameList = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/**
 * "Accepting closes voting while Dana (10 of 13 criteria) and Eve (none yet) have not finished
 * their ballots." Or that everyone has.
 */
function closesVotingWords(needs: NonNullable<Draft["acceptance"]>) {
  const { unfinished, criteriaCount } = needs;
  if (unfinished.length === 0) {
    return "Accepting closes voting; every member has finished their ballot.";
  }
  const people = unfinished.map(
    (m) =>
      `${m.name} (${m.doneCriteria === 0 ? "none yet" : `${m.doneCriteria} of ${criteriaCount} criteria`})`,
  );
  return unfinished.length === 1
    ? `Accepting closes voting while ${people[0]} has not finished their ballot.`
    : `Accepting closes voting while ${nameList.format(people)} have not finished their ballots.`;
}

/**
 * Sign-off: what the approval rule needs and whether it is met, each decision-maker's verdict
 * (stale ones marked: the text changed after them), approve / request changes for a named
 * decision-maker, and acceptance (an owner's or admin's override with a written reason).
 */
export function ReviewPanel({
  data,
  renderedReason,
}: {
  data: DraftPageData;
  /** The override reason as Markdown, rendered by the server page. */
  renderedReason?: RenderedMarkdown | undefined;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [justification, setJustification] = useState("");
  const [confirmProvisional, setConfirmProvisional] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.draft.pathFilter());
  const review = useMutation(
    trpc.draft.review.mutationOptions({
      onSuccess: (r) => {
        setComment("");
        setError(null);
        toast.success(
          r.verdict === "APPROVED" ? "You approved the draft." : "You requested changes.",
        );
        void refresh();
      },
      onError: (e) => setError(messageOf(e)),
    }),
  );
  const accept = useMutation(
    trpc.draft.accept.mutationOptions({
      onSuccess: () => {
        setError(null);
        toast.success("The record is accepted: revision 1 is written.");
        void refresh();
        void queryClient.invalidateQueries(trpc.record.pathFilter());
      },
      onError: (e) => {
        setErrors(fieldErrorsOf(e));
        setError(messageOf(e));
      },
    }),
  );
  const draft = data.draft;
  if (!draft) return null;
  const { approval } = draft;
  const isDecisionMaker = draft.decisionMakers.some((p) => p.userId === data.viewer.userId);
  const open = draft.status === "PROPOSED";
  const projectId = data.project.id;
  // What accepting asks for, as the server says before any click; a refusal still shows it.
  const needs = draft.acceptance;
  const askProvisional = Boolean(needs?.provisional || errors.confirmProvisional);
  const unconfirmed = askProvisional && !confirmProvisional;
  const acceptInput = (overrideReason: string | null) => ({
    projectId,
    overrideReason,
    justification: justification || null,
    confirmProvisional,
  });

  return (
    <section aria-labelledby="review" className="space-y-3">
      <h2 id="review" className="font-semibold text-lg">
        Review and sign-off
      </h2>
      <p data-testid="approval-summary" className="text-sm">
        {approval.summary}
      </p>
      <ul className="space-y-2" aria-label="Decision-makers' reviews">
        {draft.decisionMakers.map((person) => {
          const r = draft.reviews.find((x) => x.userId === person.userId);
          return (
            <li key={person.userId ?? person.name} className="rounded-md border p-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{person.name}</span>
                {!r ? (
                  <Badge variant="neutral">Not reviewed yet</Badge>
                ) : (
                  <Badge variant={r.verdict === "APPROVED" ? "success" : "warning"}>
                    {r.verdict === "APPROVED" ? "Approved" : "Changes requested"}
                  </Badge>
                )}
                {r?.stale ? (
                  <Badge variant="destructive" data-testid="stale-review">
                    Stale: the draft changed since; review again
                  </Badge>
                ) : null}
                {r ? (
                  <span className="text-muted-foreground">{dateTime.format(new Date(r.at))}</span>
                ) : null}
              </div>
              {r?.comment ? <p className="mt-1 whitespace-pre-wrap">{r.comment}</p> : null}
            </li>
          );
        })}
      </ul>
      {error ? <Alert variant="error">{error}</Alert> : null}
      {open && isDecisionMaker ? (
        <div className="grid gap-2">
          <FormField label="Your review comment (optional)">
            <Textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button
              loading={review.isPending && review.variables?.verdict === "APPROVED"}
              onClick={() => review.mutate({ projectId, verdict: "APPROVED", comment })}
            >
              Approve
            </Button>
            <Button
              variant="secondary"
              loading={review.isPending && review.variables?.verdict === "CHANGES_REQUESTED"}
              onClick={() => review.mutate({ projectId, verdict: "CHANGES_REQUESTED", comment })}
            >
              Request changes
            </Button>
          </div>
        </div>
      ) : null}
      {open && data.viewer.canEdit ? (
        <div className="grid gap-2">
          {needs?.closesVoting ? (
            <p className="text-sm" data-testid="accept-closes-voting">
              {closesVotingWords(needs)}
            </p>
          ) : null}
          {needs?.needsJustification || errors.justification ? (
            <FormField
              label="Why the team chose another option than its recommendation"
              error={errors.justification?.[0]}
              required
            >
              <Textarea value={justification} onChange={(e) => setJustification(e.target.value)} />
            </FormField>
          ) : null}
          {askProvisional ? (
            <Alert variant="warning" title="The recommendation is provisional">
              {needs?.provisional ? (
                <p data-testid="accept-provisional">{needs.provisional}</p>
              ) : null}
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={confirmProvisional}
                  onChange={(e) => setConfirmProvisional(e.target.checked)}
                />
                Accept on a provisional result; the record says what it rested on.
              </label>
            </Alert>
          ) : null}
          {approval.met ? (
            <Button
              className="w-fit"
              loading={accept.isPending}
              disabled={unconfirmed}
              onClick={() => accept.mutate(acceptInput(null))}
            >
              Accept the record
            </Button>
          ) : data.viewer.canOverride ? (
            <div className="grid gap-2">
              <FormField
                label="Reason to accept without the approvals it needs"
                description="Owners and admins only. The reason is kept in the record and its exports."
                error={errors.overrideReason?.[0]}
              >
                <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
              </FormField>
              <Button
                variant="secondary"
                className="w-fit"
                loading={accept.isPending}
                disabled={!reason.trim() || unconfirmed}
                onClick={() => accept.mutate(acceptInput(reason))}
              >
                Accept without all approvals
              </Button>
            </div>
          ) : (
            <p className="text-muted-foreground text-sm">
              The record can be accepted once the decision-makers' approvals meet the rule.
            </p>
          )}
        </div>
      ) : null}
      {draft.status === "ACCEPTED" ? (
        <Alert variant="success" title="Accepted">
          This record was accepted
          {draft.acceptedAt ? ` on ${dateTime.format(new Date(draft.acceptedAt))}` : ""}; it is
          read-only now.
          {draft.overrideReason ? (
            <>
              {" "}
              Accepted without every approval, because:{" "}
              <RenderedText text={draft.overrideReason} rendered={renderedReason} />
            </>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
