import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";

const base =
  "inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-md border px-2 py-0.5 font-medium text-xs [&_svg]:size-3";

const variants = {
  neutral: "border-border bg-muted text-foreground",
  primary: "border-primary/30 bg-primary/10 text-primary",
  outline: "border-input text-foreground",
  success: "border-success/30 bg-success/10 text-success",
  warning: "border-warning/30 bg-warning/10 text-warning",
  destructive: "border-destructive/30 bg-destructive/10 text-destructive",
  info: "border-info/30 bg-info/10 text-info",
};

/** `null` leaves the variant's colours out; unset is "neutral". */
export type BadgeProps = ComponentProps<"span"> & { variant?: keyof typeof variants | null };

export function Badge({ className, variant = "neutral", ...props }: BadgeProps) {
  return <span className={cn(base, variant && variants[variant], className)} {...props} />;
}
