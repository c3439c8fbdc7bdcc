import type { ComponentProps } from "react";
import { cn, unlessSet } from "~/lib/utils";

type SpinnerProps = Omit<ComponentProps<"svg">, "children"> & {
  /** Announced to screen readers. Ignored when `decorative`. */
  label?: string;
  /** Hide from assistive technology when something else already says "busy" (e.g. a button). */
  decorative?: boolean;
};

export function Spinner({
  label = "Loading",
  decorative = false,
  className,
  ...props
}: SpinnerProps) {
  const svg = (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      className={cn(
        "motion-essential shrink-0 animate-spin",
        unlessSet(className, ["size-"], "size-4"),
        className,
      )}
      {...props}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (decorative) return svg;
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <span className="sr-only">{label}</span>
    </span>
  );
}
