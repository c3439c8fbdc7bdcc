"use client";

import type { ComponentProps } from "react";
import { cn, unlessSet } from "~/lib/utils";
import { controlClasses, useFormField } from "./form-control";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  const field = useFormField();
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        unlessSet(className, ["w-"], "w-full"),
        unlessSet(className, ["text-xs", "text-sm", "text-base", "text-lg"], "text-sm"),
        "h-9 px-3 py-1 max-sm:h-11 file:mr-3 file:border-0 file:bg-transparent file:font-medium file:text-sm",
        className,
      )}
      {...field}
      {...props}
    />
  );
}
