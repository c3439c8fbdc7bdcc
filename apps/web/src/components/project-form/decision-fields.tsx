"use client";

import { Controller, useFormContext } from "react-hook-form";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
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
import type { MessageOf } from "./project-form";
import type { ProjectFormValues } from "./schema";

const METHODS = [
  ["WEIGHTED_MEAN", "Weighted mean"],
  ["MEDIAN", "Median"],
  ["BORDA", "Borda count"],
] as const;
const VOTING_MODES = [
  ["OPEN", "Open"],
  ["BLIND", "Blind"],
] as const;

/** A select over fixed choices, bound to one field of the form. */
function ChoiceField({
  name,
  label,
  description,
  choices,
  error,
}: {
  name: "method" | "votingMode";
  label: string;
  description?: string;
  choices: readonly (readonly [string, string])[];
  error: string | undefined;
}) {
  return (
    <FormField label={label} description={description} error={error}>
      <Controller<ProjectFormValues, typeof name>
        name={name}
        render={({ field }) => (
          <Select value={field.value} onValueChange={field.onChange}>
            <SelectTrigger>
              {/* The choice's words from the first paint (Radix would fill them in after mounting). */}
              <SelectValue>{choices.find(([value]) => value === field.value)?.[1]}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {choices.map(([value, text]) => (
                <SelectItem key={value} value={value}>
                  {text}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      />
    </FormField>
  );
}

/** Title, context and the settings of the decision. */
export function DecisionFields({ messageOf }: { messageOf: MessageOf }) {
  const { register } = useFormContext<ProjectFormValues>();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">The decision</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <FormField label="Title" required error={messageOf("title")}>
          <Input
            {...register("title")}
            placeholder="Which API framework for the billing service?"
          />
        </FormField>
        <FormField
          label="Context"
          description="The problem statement, in markdown: what are we deciding and why now?"
          error={messageOf("context")}
        >
          <Textarea rows={4} {...register("context")} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Deadline" error={messageOf("deadline")}>
            <Input type="datetime-local" {...register("deadline")} />
          </FormField>
          <FormField
            label="Quorum"
            description="How many complete ballots make the result ready. Empty: every member's."
            error={messageOf("quorum")}
          >
            <Input
              type="number"
              min={1}
              inputMode="numeric"
              {...register("quorum", {
                setValueAs: (value: string | number | null) =>
                  value === "" || value === null ? null : Number(value),
              })}
            />
          </FormField>
          <ChoiceField
            name="method"
            label="Aggregation method"
            choices={METHODS}
            error={messageOf("method")}
          />
          <ChoiceField
            name="votingMode"
            label="Voting mode"
            description="Blind hides votes and totals until voting closes; who has voted stays visible."
            choices={VOTING_MODES}
            error={messageOf("votingMode")}
          />
        </div>
      </CardContent>
    </Card>
  );
}
