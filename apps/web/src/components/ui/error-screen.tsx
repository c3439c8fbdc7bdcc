"use client";

import { buttonVariants } from "./button-variants";
import { InlineIcon } from "./inline-icon";

type ErrorScreenProps = {
  /** The thrown value; only its digest is shown, never a message or stack. */
  error: unknown;
  onRetry: () => void;
};

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

/** lucide's circle-alert. */
function CircleAlertIcon() {
  return (
    <InlineIcon name="lucide-circle-exclamation-point lucide-alert-circle lucide-circle-alert">
      <circle cx="12" cy="12" r="10" />
      <line x1="12" x2="12" y1="8" y2="12" />
      <line x1="12" x2="12.01" y1="16" y2="16" />
    </InlineIcon>
  );
}

/** The full-page "Something went wrong" used by the route error boundaries. */
export function ErrorScreen({ error, onRetry }: ErrorScreenProps) {
  const digest = digestOf(error);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 py-16 text-center">
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive"
      >
        <CircleAlertIcon />
      </div>
      <div role="alert" className="grid max-w-md gap-2">
        <h1 className="font-semibold text-2xl tracking-tight">Something went wrong</h1>
        <p className="text-muted-foreground">
          We couldn't show this page. Try again; if it keeps happening, reload the page or come back
          in a few minutes.
        </p>
        {digest ? (
          <p className="text-muted-foreground text-xs">
            Reference for support: <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-center gap-2">
        {/* Button's look without its code: this screen loads with every page. */}
        <button type="button" className={buttonVariants()} onClick={onRetry}>
          Try again
        </button>
        {/* A plain link: after a failure the client router may itself be broken. */}
        <a href="/" className={buttonVariants({ variant: "secondary" })}>
          Go to your workspace
        </a>
      </div>
    </main>
  );
}
