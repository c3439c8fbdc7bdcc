import { Spinner } from "~/components/ui/spinner";

/** Shown while the team's reasons on a criterion (or the code that lists them) load. */
export function ReasonsLoading() {
  return (
    <span className="flex items-center gap-1.5 text-muted-foreground">
      <Spinner decorative className="size-3.5" /> Loading the team's reasons…
    </span>
  );
}
