"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { ArrowRight, FileText, LayoutTemplate, Sparkles } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";

type Templates = RouterOutputs["project"]["templates"];
type BuiltIn = Templates["builtIn"][number];

/** "2 options, 1 criterion.": what a team template holds, with or without its description. */
function counts(options: number, criteria: number) {
  return `${options} ${options === 1 ? "option" : "options"}, ${criteria} ${criteria === 1 ? "criterion" : "criteria"}.`;
}

/** The first step: a built-in template, a team template, or a blank decision. */
export function SourceStep({
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
}) {
  return (
    <Card className="h-full">
      <CardHeader>
        <CardTitle as="h3" className="flex items-center gap-2">
          {props.icon}
          {props.title}
          {props.badge ? <Badge variant="neutral">{props.badge}</Badge> : null}
        </CardTitle>
        {props.options?.length ? (
          <p className="font-medium text-sm">{props.options.join(" · ")}</p>
        ) : null}
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent className="mt-auto">
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
      </CardContent>
    </Card>
  );
}
