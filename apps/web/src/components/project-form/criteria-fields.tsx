"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { blankCriterion } from "./draft";
import { ItemList } from "./item-list";
import type { MessageOf } from "./project-form";
import type { ProjectFormValues } from "./schema";

type TextField = "name" | "description" | "anchorLow" | "anchorHigh";

/** The decision's criteria, 1 to 30: name, default weight, description, score anchors, must-have. */
export function CriteriaFields({ messageOf }: { messageOf: MessageOf }) {
  const { register, control, formState, getValues } = useFormContext<ProjectFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "criteria" });
  const itemError = (i: number, field: TextField | "defaultWeight") =>
    formState.errors.criteria?.[i]?.[field]?.message;
  const text = (i: number, field: TextField, label: string) => (
    <FormField label={label} required={field === "name"} error={itemError(i, field)}>
      <Input {...register(`criteria.${i}.${field}`)} />
    </FormField>
  );
  return (
    <ItemList
      title="Criteria (1 to 30)"
      description="The default weight counts until members give their own importance. A must-have fails any option the team scores below 3 on it."
      message={messageOf("criteria")}
      items={fields}
      min={1}
      max={30}
      noun="criterion"
      onAdd={() => append(blankCriterion())}
      onRemove={remove}
    >
      {(field, i, removeButton) => (
        <fieldset key={field.id} className="space-y-2 rounded-lg border border-border p-3">
          <legend className="sr-only">Criterion {i + 1}</legend>
          {/* On a phone the name has a row; the weight shares the next with the remove button. */}
          <div className="grid gap-2 max-sm:grid-cols-[1fr_auto] max-sm:*:first:col-span-2 sm:grid-cols-[2fr_1fr_auto]">
            {text(i, "name", `Criterion ${i + 1} name`)}
            <FormField label="Default weight (0–5)" error={itemError(i, "defaultWeight")}>
              <Input
                type="number"
                min={0}
                max={5}
                step={0.5}
                {...register(`criteria.${i}.defaultWeight`, { valueAsNumber: true })}
              />
            </FormField>
            {removeButton}
          </div>
          {text(i, "description", "Description")}
          <div className="grid gap-2 sm:grid-cols-2">
            {text(i, "anchorLow", "A score of 1 means")}
            {text(i, "anchorHigh", "A score of 5 means")}
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              {...register(`criteria.${i}.mustHave`)}
              className="size-4 accent-[var(--primary)]"
            />
            Must-have
          </label>
          {Object.keys(getValues(`criteria.${i}.guidance`) ?? {}).length > 0 ? (
            <p className="text-muted-foreground text-xs">
              Includes the guide's notes for each option.
            </p>
          ) : null}
        </fieldset>
      )}
    </ItemList>
  );
}
