import type { ReactNode } from "react";
import { cn } from "~/lib/utils";

type EmptyStateProps = {
  /** Usually a lucide icon element; shown decoratively. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** A Button or link that gets the person started. */
  action?: ReactNode;
  /** Heading level of the title, to fit the page outline. */
  titleAs?: "h2" | "h3" | "h4";
  className?: string;
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h3",
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-xl border border-border border-dashed px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <div className="grid max-w-sm gap-1">
        <Title className="font-semibold text-base">{title}</Title>
        {description ? <p className="text-muted-foreground text-sm">{description}</p> : null}
      </div>
      {action ? <div className="mt-1">{action}</div> : null}
    </div>
  );
}
