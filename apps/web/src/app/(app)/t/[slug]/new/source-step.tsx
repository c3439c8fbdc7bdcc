"use client";

import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@tradeoff/api";
import { ArrowRight, FileText, LayoutTemplate, Sparkles, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Templates = RouterOutputs["project"]["templates"];
type BuiltIn = Templates["builtIn"][number];

/** "2 options, 1 criterion.": what a team template holds, with or without its description. */
function counts(options: number, criteria: number) {
  return `${options} ${options === 1 ? "option" : "options"}, ${criteria} ${criteria === 1 ? "criterion" : "criteria"}.`;
}

/** The first step: a built-in template, a team template, or a blank decision. */
export function SourceStep({
  teamId,
  templates,
  onBuiltIn,
  onTeamTemplate,
  onBlank,
}: {
  teamId: string;
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
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {templates.builtIn.map((t) => (
          <li key={t.key}>
            <SourceCard
              icon={<Sparkles aria-hidden="true" className="size-4" />}
              title={t.title}
              badge="Built-in"
              options={t.options.map((o) => o.name)}
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
              options={t.options.map((o) => o.name)}
              description={[t.description, counts(t.options.length, t.criteria.length)]
                .filter(Boolean)
                .join(" ")}
              action={`Use “${t.name}”`}
              onClick={() => onTeamTemplate(t)}
              extra={t.deletable ? <DeleteTemplate teamId={teamId} template={t} /> : null}
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
  /** The options' names, so a card says what it compares before it is opened. */
  options?: string[];
  description: string;
  action: string;
  onClick: () => void;
  /** More actions next to the main one (deleting a team template). */
  extra?: ReactNode;
}) {
  return (
    <Card className="h-full">
      <CardHeader>
        {/* On a phone a title of two or three lines no longer squeezes its icon. */}
        <CardTitle as="h3" className="flex items-center gap-2 [&>svg]:shrink-0">
          {props.icon}
          {props.title}
          {props.badge ? <Badge variant="neutral">{props.badge}</Badge> : null}
        </CardTitle>
        {props.options?.length ? (
          <p className="font-medium text-sm">{props.options.join(" · ")}</p>
        ) : null}
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent className="mt-auto flex flex-wrap items-center gap-2">
        {/* Long template titles wrap instead of widening the page on a phone. */}
        <Button
          variant="outline"
          size={null}
          className="min-h-9 max-w-full px-4 py-2 text-left text-sm"
          onClick={props.onClick}
        >
          <span className="whitespace-normal">{props.action}</span>
          <ArrowRight aria-hidden="true" className="size-4" />
        </Button>
        {props.extra}
      </CardContent>
    </Card>
  );
}

/**
 * Deletes a team template after a confirmation (its author, an admin or an owner see it);
 * decisions started from it keep their options and criteria.
 */
function DeleteTemplate({
  teamId,
  template,
}: {
  teamId: string;
  template: Templates["team"][number];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.template.delete.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );
  return (
    <>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Delete the template “${template.name}”`}>
            <Trash2 aria-hidden="true" className="size-4" />
            Delete
          </Button>
        }
        title={`Delete the template “${template.name}”?`}
        description="Nobody in the team can start a decision from it any more. Decisions already started from it keep their options and criteria."
        confirmLabel="Delete template"
        pending={remove.isPending}
        onConfirm={(event) => {
          event.preventDefault();
          remove.mutate({ teamId, templateId: template.id });
        }}
      />
      {remove.error ? (
        <Alert variant="error" className="w-full">
          {messageOf(remove.error)}
        </Alert>
      ) : null}
    </>
  );
}
