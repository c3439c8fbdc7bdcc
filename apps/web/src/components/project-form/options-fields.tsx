"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { blankOption } from "./draft";
import { ItemList } from "./item-list";
import type { MessageOf } from "./project-form";
import type { ProjectFormValues } from "./schema";

/** The decision's options, 2 to 6: a name and a description each. */
export function OptionsFields({ messageOf }: { messageOf: MessageOf }) {
  const { register, control, formState } = useFormContext<ProjectFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "options" });
  const itemError = (i: number, field: "name" | "description") =>
    formState.errors.options?.[i]?.[field]?.message;
  return (
    <ItemList
      title="Options (2 to 6)"
      message={messageOf("options")}
      items={fields}
      min={2}
      max={6}
      noun="option"
      onAdd={() => append(blankOption())}
      onRemove={remove}
    >
      {(field, i, removeButton) => (
        <div
          key={field.id}
          // On a phone the name has a row; the description shares the next with the remove button.
          className="grid gap-2 rounded-lg border border-border p-3 max-sm:grid-cols-[1fr_auto] max-sm:*:first:col-span-2 sm:grid-cols-[1fr_2fr_auto]"
        >
          <FormField label={`Option ${i + 1} name`} required error={itemError(i, "name")}>
            <Input {...register(`options.${i}.name`)} />
          </FormField>
          <FormField label="Description" error={itemError(i, "description")}>
            <Input {...register(`options.${i}.description`)} />
          </FormField>
          {removeButton}
        </div>
      )}
    </ItemList>
  );
}
