import { Scale } from "lucide-react";

export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold text-base tracking-tight">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Scale className="size-4" aria-hidden />
      </span>
      Tradeoff
    </span>
  );
}
