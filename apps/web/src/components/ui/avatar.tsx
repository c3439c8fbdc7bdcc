import type { ComponentProps } from "react";
import { cn } from "~/lib/utils";
import { initialsOf } from "./initials";

const sizes = {
  sm: "size-6 text-[0.625rem]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

// Tints drawn from the chart palette so a person keeps the same colour everywhere.
const tints = [
  "bg-chart-1/20 text-foreground",
  "bg-chart-2/20 text-foreground",
  "bg-chart-3/20 text-foreground",
  "bg-chart-4/20 text-foreground",
  "bg-chart-5/20 text-foreground",
  "bg-chart-6/20 text-foreground",
] as const;

function tintOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return tints[hash % tints.length] ?? tints[0];
}

type AvatarProps = Omit<ComponentProps<"span">, "children"> & {
  /** Display name or email; initials and colour come from it. */
  name: string;
  size?: keyof typeof sizes;
};

/**
 * Initials only: the app never loads remote profile images, so plain spans do (no client
 * code; it renders in server components too).
 */
export function Avatar({ name, size = "md", className, ...props }: AvatarProps) {
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      className={cn(
        "relative inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full",
        sizes[size],
        className,
      )}
      {...props}
    >
      <span
        aria-hidden="true"
        className={cn(
          "flex size-full items-center justify-center rounded-full font-semibold",
          tintOf(name),
        )}
      >
        {initialsOf(name)}
      </span>
    </span>
  );
}
