"use client";

import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";
import { controlClasses, useFormField } from "./form-control";

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  const field = useFormField();
  return (
    <textarea
      rows={rows}
      className={cn(
        controlClasses,
        "w-full text-sm min-h-16 resize-y px-3 py-2 leading-relaxed",
        className,
      )}
      {...field}
      {...props}
    />
  );
}
