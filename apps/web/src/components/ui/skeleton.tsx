import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";

/** A placeholder block; hidden from screen readers (announce loading elsewhere, e.g. aria-busy). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
