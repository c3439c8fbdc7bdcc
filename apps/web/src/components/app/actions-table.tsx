import type { ReactNode } from "react";
import { ScrollBox } from "./scroll-box";

/**
 * A table of things the viewer can act on one by one (sessions, tokens): the named columns,
 * then a last one for each row's buttons, with room between neighbouring columns so their
 * words never run together. On a phone the table scrolls in its own box; the page itself never
 * scrolls sideways. The box takes focus, so the keyboard scrolls it too, even when no row has
 * a button.
 */
export function ActionsTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: string[];
  /** The rows: a `<tr className="border-t">` each. */
  children: ReactNode;
}) {
  return (
    <ScrollBox label={label} className="relative">
      <table
        className="w-full min-w-[32rem] text-sm [&_td:not(:last-child)]:pr-3 [&_th:not(:last-child)]:pr-3"
        aria-label={label}
      >
        <thead>
          <tr className="text-left text-muted-foreground">
            {columns.map((column) => (
              <th key={column} className="py-1 font-medium">
                {column}
              </th>
            ))}
            <th className="py-1">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}
