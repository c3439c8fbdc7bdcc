import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "~/lib/utils";

const base =
  "relative grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4";

const variants = {
  info: "border-info/30 bg-info/5 [&>svg]:text-info",
  success: "border-success/30 bg-success/5 [&>svg]:text-success",
  warning: "border-warning/30 bg-warning/5 [&>svg]:text-warning",
  error: "border-destructive/30 bg-destructive/5 [&>svg]:text-destructive",
};

const icons = { info: Info, success: CircleCheck, warning: TriangleAlert, error: CircleAlert };

type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: keyof typeof variants | null;
  title?: ReactNode;
  /** Buttons or links shown under the message. */
  action?: ReactNode;
};

/**
 * A message in the page flow. Errors use role="alert" (announced at once);
 * other variants use role="status" (announced politely).
 */
export function Alert({
  variant = "info",
  title,
  action,
  className,
  children,
  ...props
}: AlertProps) {
  const Icon = icons[variant ?? "info"];
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      className={cn(base, variant && variants[variant], className)}
      {...props}
    >
      <Icon aria-hidden="true" />
      <div className="col-start-2 grid gap-1">
        {title ? <p className="font-medium leading-5">{title}</p> : null}
        {children ? <div className="text-muted-foreground">{children}</div> : null}
        {action ? <div className="mt-2 flex flex-wrap gap-2">{action}</div> : null}
      </div>
    </div>
  );
}

/** What a part of a page shows when its data could not be loaded: `what` (capitalised), and to reload. */
export function LoadFailed({ what }: { what: string }) {
  return (
    <Alert variant="error" title={`${what} could not be loaded`}>
      Reload the page to try again.
    </Alert>
  );
}
