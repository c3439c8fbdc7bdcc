"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Send, Webhook } from "lucide-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { ShownOnce } from "~/components/app/shown-once";
import type { TeamSummary } from "~/components/team/roles";
import { Section } from "~/components/team/section";
import { ConfirmRowAction, RowList, useConfirming } from "~/components/team/team-list";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { toast } from "~/components/ui/toaster";
import { dropRefusalOnEdit, formErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { toastOutcome } from "~/trpc/toast-outcome";

const EVENTS = [
  ["project.opened", "A decision opens for voting"],
  ["deadline.near", "A deadline is near, ballots incomplete"],
  ["project.closed", "Voting closes"],
  ["decision.recorded", "A decision is recorded"],
  ["project.superseded", "A decision is superseded"],
] as const;

type EventName = (typeof EVENTS)[number][0];

/** Team admins' outgoing webhooks: add, test, pause, rotate the secret, and read the log. */
export function WebhooksSection({ team }: { team: TeamSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const webhooks = useQuery(trpc.webhook.list.queryOptions({ teamId: team.id }));
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  // Emptied once the webhook is added (its address is in the list and above its secret), kept
  // as typed when the server refuses it, to be corrected.
  const [url, setUrl] = useState("");
  const deleting = useConfirming();
  // The list, and the audit trail below that records each change to it.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.webhook.list.queryKey() }),
      queryClient.invalidateQueries(trpc.audit.list.pathFilter()),
    ]);
  const refreshLog = () =>
    queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.queryKey() });

  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      async onSuccess(result) {
        setSecret({ url: result.webhook.url, secret: result.secret });
        setUrl("");
        toast.success("Webhook added. Copy its secret now: it is shown only once.");
        await refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.webhook.update.mutationOptions({
      async onSuccess(result) {
        toast.success(result.enabled ? "Webhook turned on." : "Webhook turned off.");
        await refresh();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const rotate = useMutation(
    trpc.webhook.rotateSecret.mutationOptions({
      onSuccess(result, input) {
        const url = webhooks.data?.find((w) => w.id === input.webhookId)?.url ?? "";
        setSecret({ url, secret: result.secret });
        toast.success("New secret made. The old one no longer signs deliveries.");
        return queryClient.invalidateQueries(trpc.audit.list.pathFilter());
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );
  const remove = useMutation(
    trpc.webhook.delete.mutationOptions(toastOutcome("Webhook removed.", refresh, deleting.close)),
  );
  const sendTest = useMutation(
    trpc.webhook.sendTest.mutationOptions({
      async onSuccess(_result, input) {
        toast.success("Test event queued: it shows in the log in a moment.");
        setOpenLog(input.webhookId);
        await refreshLog();
      },
      onError: (error) => toast.error(messageOf(error)),
    }),
  );

  const { fields, general } = formErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSecret(null);
    create.mutate({
      teamId: team.id,
      url,
      events: form.getAll("events").map(String) as EventName[],
      format: String(form.get("format") ?? "JSON") as "JSON" | "SLACK",
    });
  }

  return (
    <Section
      id="webhooks"
      title="Webhooks"
      description="Post this team's events to Slack, Mattermost or your own service. Each delivery is signed with the webhook's secret (see the README)."
    >
      {general ? <Alert variant="error">{general}</Alert> : null}
      {/* An edit drops the last refusal: it no longer describes what the form holds. */}
      <form
        onSubmit={onSubmit}
        onInput={dropRefusalOnEdit(create)}
        className="space-y-3"
        noValidate
      >
        <FormField label="URL" error={fields.url?.[0]}>
          <Input
            name="url"
            type="url"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            autoComplete="off"
            placeholder="https://hooks.slack.com/services/…"
          />
        </FormField>
        <Choices legend="Events" error={fields.events?.[0]}>
          {EVENTS.map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
              <input
                type="checkbox"
                name="events"
                value={value}
                defaultChecked={value !== "deadline.near"}
              />
              {/* One run of text: when the words wrap, the code follows them, not far right. */}
              <span>
                {label} <span className="text-muted-foreground text-xs">({value})</span>
              </span>
            </label>
          ))}
        </Choices>
        <Choices legend="Format" error={fields.format?.[0]}>
          <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
            <input type="radio" name="format" value="SLACK" defaultChecked /> Slack-compatible (text
            and blocks; Slack, Mattermost)
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
            <input type="radio" name="format" value="JSON" /> JSON event document (version 1)
          </label>
        </Choices>
        <Button type="submit" loading={create.isPending}>
          <Webhook aria-hidden /> Add webhook
        </Button>
      </form>
      {secret ? (
        <ShownOnce
          title="Signing secret"
          value={secret.secret}
          label="Webhook signing secret"
          className="mt-2 font-mono text-xs"
          copy="secret"
          // The button pressed is busy (disabled) while the request runs, and loses the focus.
          focusOnShow
        >
          <p>
            For {secret.url}. This secret is shown only now: keep it where the receiver checks
            signatures. Rotate it to get a new one.
          </p>
        </ShownOnce>
      ) : null}
      {webhooks.error ? <Alert variant="error">{messageOf(webhooks.error)}</Alert> : null}
      {webhooks.data?.length === 0 ? (
        <p className="text-muted-foreground text-sm">No webhooks yet.</p>
      ) : (
        <RowList label="Webhooks">
          {webhooks.data?.map((webhook) => (
            <li key={webhook.id} className="space-y-2 px-4 py-3">
              <div className="flex flex-wrap items-center gap-3">
                {/* On a phone the address and its events take the whole first row: beside the
                    badge and buttons they were squeezed to a word a line. */}
                <div className="min-w-0 flex-1 max-sm:basis-full">
                  {/* Wrapped, never cut: two webhooks to one service differ only at the end. */}
                  <div
                    className="wrap-anywhere font-medium font-mono text-sm"
                    data-testid="webhook-url"
                  >
                    {webhook.url}
                  </div>
                  <div className="text-muted-foreground text-xs">
                    {webhook.format === "SLACK" ? "Slack-compatible" : "JSON"} ·{" "}
                    {webhook.events.join(", ")}
                  </div>
                </div>
                <Badge variant={webhook.enabled ? "success" : "warning"}>
                  {webhook.enabled ? (webhook.failingSince ? "On, failing" : "On") : "Off"}
                </Badge>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={!webhook.enabled}
                  loading={sendTest.isPending && sendTest.variables?.webhookId === webhook.id}
                  onClick={() => sendTest.mutate({ teamId: team.id, webhookId: webhook.id })}
                >
                  <Send aria-hidden /> Send test event
                  <OfWebhook url={webhook.url} />
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => setOpenLog(openLog === webhook.id ? null : webhook.id)}
                  aria-expanded={openLog === webhook.id}
                >
                  {openLog === webhook.id ? "Hide log" : "Delivery log"}
                  <OfWebhook url={webhook.url} />
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() =>
                    update.mutate({
                      teamId: team.id,
                      webhookId: webhook.id,
                      enabled: !webhook.enabled,
                    })
                  }
                >
                  {webhook.enabled ? "Turn off" : "Turn on"}
                  <OfWebhook url={webhook.url} />
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => rotate.mutate({ teamId: team.id, webhookId: webhook.id })}
                >
                  Rotate secret
                  <OfWebhook url={webhook.url} />
                </Button>
                <ConfirmRowAction
                  open={deleting.isOpen(webhook.id)}
                  onOpenChange={(open) => deleting.setOpen(webhook.id, open)}
                  action="Remove"
                  ariaLabel={`Remove the webhook ${webhook.url}`}
                  title="Remove this webhook?"
                  description="It stops receiving events at once, and its delivery log is deleted."
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate({ teamId: team.id, webhookId: webhook.id })}
                />
              </div>
              {webhook.disabledReason ? (
                <p className="text-muted-foreground text-xs">{webhook.disabledReason}</p>
              ) : null}
              {openLog === webhook.id ? (
                <DeliveryLog teamId={team.id} webhookId={webhook.id} />
              ) : null}
            </li>
          ))}
        </RowList>
      )}
    </Section>
  );
}

/**
 * The end of a webhook's button names, for screen readers and voice control: the visible words
 * stay short, and each webhook's buttons are told apart by its URL.
 */
function OfWebhook({ url }: { url: string }) {
  return <span className="sr-only"> of the webhook {url}</span>;
}

/** A set of checkboxes or radio buttons under its legend, with the server's word on it. */
function Choices({
  legend,
  error,
  children,
}: {
  legend: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium text-sm">{legend}</legend>
      {children}
      {error ? (
        <p className="text-destructive text-sm" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const STATUS_BADGE = { PENDING: "info", DELIVERED: "success", FAILED: "destructive" } as const;

function DeliveryLog({ teamId, webhookId }: { teamId: string; webhookId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const log = useQuery({
    ...trpc.webhook.deliveries.queryOptions({ teamId, webhookId }),
    // A pending delivery changes within seconds: look again while one is in flight.
    refetchInterval: (query) =>
      query.state.data?.some((d) => d.status === "PENDING") ? 3_000 : false,
  });
  const redeliver = useMutation(
    trpc.webhook.redeliver.mutationOptions(
      toastOutcome("Redelivery queued, with the same delivery id.", () =>
        queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.queryKey() }),
      ),
    ),
  );
  if (log.error) return <Alert variant="error">{messageOf(log.error)}</Alert>;
  if (!log.data) return <p className="text-muted-foreground text-sm">Loading the log…</p>;
  if (log.data.length === 0) {
    return <p className="text-muted-foreground text-sm">No deliveries yet.</p>;
  }
  return (
    <ul className="space-y-2 rounded-md border border-border p-3 text-sm" aria-label="Delivery log">
      {log.data.map((delivery) => (
        <li key={delivery.id} className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={STATUS_BADGE[delivery.status]}>{delivery.status.toLowerCase()}</Badge>
            <span className="font-medium">{delivery.event}</span>
            <span className="font-mono text-muted-foreground text-xs">{delivery.id}</span>
            {delivery.status !== "PENDING" ? (
              <Button
                size="sm"
                variant="link"
                loading={redeliver.isPending && redeliver.variables?.deliveryId === delivery.id}
                onClick={() => redeliver.mutate({ teamId, deliveryId: delivery.id })}
              >
                Redeliver<span className="sr-only"> the delivery {delivery.id}</span>
              </Button>
            ) : null}
          </div>
          <ul className="space-y-0.5 pl-4 text-muted-foreground text-xs">
            {delivery.attempts.map((attempt) => (
              <li key={attempt.attempt}>
                #{attempt.attempt} · {new Date(attempt.at).toLocaleString()} ·{" "}
                {attempt.statusCode ?? "no answer"} · {attempt.durationMs} ms ·{" "}
                <span className="break-all">{attempt.responseExcerpt || "(empty answer)"}</span>
              </li>
            ))}
            {delivery.attempts.length === 0 ? <li>Waiting for its first attempt.</li> : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}
