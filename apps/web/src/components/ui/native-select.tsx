"use client";

import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";
import { controlClasses, useFormField } from "./form-control";

/**
 * The browser's own drop-down in the look of the other form controls: for short filter and
 * format lists, where the native menu (and a phone's own picker) serves best. Its width is the
 * caller's. Inside a FormField it picks up the label, description and error.
 */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  const field = useFormField();
  return (
    <select
      className={cn(controlClasses, "h-9 cursor-pointer px-2 text-sm max-sm:h-11", className)}
      {...field}
      {...props}
    />
  );
}
