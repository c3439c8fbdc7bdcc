"use client";

import type { ComponentProps, MouseEvent } from "react";
import { cn } from "~/lib/utils";

/** A native label; a double-click on its text does not select the text (Radix's behaviour). */
export function Label({ className, onMouseDown, ...props }: ComponentProps<"label">) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor or nest the control.
    <label
      className={cn(
        "select-none font-medium text-foreground text-sm leading-none peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      onMouseDown={(event: MouseEvent<HTMLLabelElement>) => {
        // Clicks on a control inside the label keep their own behaviour.
        if ((event.target as HTMLElement).closest("button, input, select, textarea")) return;
        onMouseDown?.(event);
        if (!event.defaultPrevented && event.detail > 1) event.preventDefault();
      }}
      {...props}
    />
  );
}
