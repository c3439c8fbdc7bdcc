import type { ReactNode } from "react";
import { cn } from "~/lib/utils";

/**
 * A labelled box for a table that can be wider than the screen: the table scrolls sideways in
 * the box, never the page, and the box takes focus so the keyboard scrolls it too.
 */
export function ScrollBox({
  label,
  className,
  testId,
  children,
}: {
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      data-testid={testId}
      className={cn(
        "overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        className,
      )}
    >
      {children}
    </section>
  );
}
