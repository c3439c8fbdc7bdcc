import { buttonVariants } from "~/components/ui/button-variants";
import { InlineIcon } from "~/components/ui/inline-icon";
import { cn } from "~/lib/utils";
import { Link } from "./providers";

/** lucide's file-question. */
function FileQuestionIcon() {
  return (
    <InlineIcon name="lucide-file-question-mark lucide-file-question">
      <path d="M6 22a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h8a2.4 2.4 0 0 1 1.704.706l3.588 3.588A2.4 2.4 0 0 1 20 8v12a2 2 0 0 1-2 2z" />
      <path d="M9 9.5a3 2.5 0 016 0c0 2-2 2-3 3.5" />
      <path d="M12 17h.01" />
    </InlineIcon>
  );
}

/**
 * "Page not found": the whole page on its own (`main`), or the content of the signed-in app's
 * page, whose layout already holds the page's one main landmark (`div`).
 */
export function NotFoundScreen({ as: Wrapper = "main" }: { as?: "main" | "div" }) {
  return (
    <Wrapper
      className={cn(
        "flex flex-col items-center justify-center gap-6 px-6 py-16 text-center",
        Wrapper === "main" && "min-h-dvh",
      )}
    >
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground"
      >
        <FileQuestionIcon />
      </div>
      <div className="grid max-w-md gap-2">
        <p className="font-medium text-muted-foreground text-sm">404</p>
        <h1 className="font-semibold text-2xl tracking-tight">Page not found</h1>
        <p className="text-muted-foreground">
          This page doesn't exist, or it was moved. If someone shared a link with you, ask them for
          a fresh one.
        </p>
      </div>
      <Link className={buttonVariants()} href="/">
        Go to your workspace
      </Link>
    </Wrapper>
  );
}
