"use client";

import type { ComponentProps } from "react";
import { cn, unlessSet } from "~/lib/utils";
import { useFormField } from "./form-field";

/** A form control's look; its width and text size are the caller's (Input defaults them). */
export const controlClasses = [
  "min-w-0 rounded-md border border-input bg-background text-foreground shadow-xs",
  "transition-colors placeholder:text-muted-foreground",
  "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive/40",
].join(" ");

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  const field = useFormField();
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        unlessSet(className, ["w-"], "w-full"),
        unlessSet(className, ["text-xs", "text-sm", "text-base", "text-lg"], "text-sm"),
        "h-9 px-3 py-1 file:mr-3 file:border-0 file:bg-transparent file:font-medium file:text-sm",
        className,
      )}
      {...field}
      {...props}
    />
  );
}
