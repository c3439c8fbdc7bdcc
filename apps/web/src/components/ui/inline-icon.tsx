import type { ReactNode } from "react";

/**
 * A lucide icon drawn inline with lucide-react's exact attributes, for screens that load with
 * every page: lucide-react's icons are client components, and importing one brings another
 * copy of its runtime. `name` is lucide's class list for the icon; `children` its shapes.
 */
export function InlineIcon({ name, children }: { name: string; children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`lucide ${name} size-6`}
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}
