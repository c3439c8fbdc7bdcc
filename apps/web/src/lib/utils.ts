import { type ClassValue, clsx } from "clsx";

/**
 * Joins class names. It does not resolve conflicting Tailwind utilities (a class merger is too
 * heavy for every page), so components never pass two classes that set the same property: a
 * default the caller may replace goes through `unlessSet`, and variants are exclusive branches.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}

/**
 * A component's default class, left out when the caller's `className` already sets the same
 * utility (any class starting with one of `prefixes`), e.g. `unlessSet(className, ["w-"], "w-full")`.
 */
export function unlessSet(
  className: string | undefined,
  prefixes: readonly string[],
  fallback: string,
): string | undefined {
  const classes = className?.split(/\s+/) ?? [];
  return classes.some((c) => prefixes.some((p) => c.startsWith(p))) ? undefined : fallback;
}
