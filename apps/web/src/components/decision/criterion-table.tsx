import type { ReactNode } from "react";
import { ScrollBox } from "~/components/app/scroll-box";

/**
 * The team's result as a table: a row per criterion, a column per option. The weighted mean
 * shows each criterion's points (with its weight as an extra column), the Borda count the team's
 * mean scores.
 */
export function CriterionTable<C extends { key: string }>({
  caption,
  criterionHeader,
  options,
  criteria,
  nameOf,
  weight,
  cell,
  className,
  testId,
}: {
  /** What the table holds, for screen readers. */
  caption: string;
  criterionHeader: string;
  options: readonly { key: string; name: string }[];
  criteria: readonly C[];
  nameOf: (criterionKey: string) => string;
  /** A column after the criterion's name, before the options. */
  weight?: { header: string; cell: (criterion: C) => ReactNode };
  cell: (criterion: C, optionKey: string) => ReactNode;
  className: string;
  testId: string;
}) {
  return (
    // On the narrowest phones (320 px) the columns can be wider than the card: the table then
    // scrolls in its own box, never past the card's edge, and the box takes focus so the
    // keyboard scrolls it too.
    <ScrollBox label={caption}>
      <table className={className} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-muted-foreground text-xs">
          <tr>
            <th scope="col">{criterionHeader}</th>
            {weight ? (
              <th scope="col" className="pl-1 text-right">
                {weight.header}
              </th>
            ) : null}
            {options.map((o) => (
              <th key={o.key} scope="col" className="pl-1 text-right">
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.key} className="border-border border-t">
              <th scope="row" className="py-1 text-left font-normal">
                {nameOf(c.key)}
              </th>
              {weight ? <td className="pl-1 text-right tabular-nums">{weight.cell(c)}</td> : null}
              {options.map((o) => (
                <td key={o.key} className="pl-1 text-right tabular-nums">
                  {cell(c, o.key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
