import { Scale } from "lucide-react";
import { cn } from "~/lib/utils";

/** The mark and the name; `compact` keeps only the mark on a phone (the name stays for screen readers). */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="flex items-center gap-2 font-semibold text-base tracking-tight">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Scale className="size-4" aria-hidden />
      </span>
      <span className={cn(compact && "max-sm:sr-only")}>Tradeoff</span>
    </span>
  );
}
