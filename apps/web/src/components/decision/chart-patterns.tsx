"use client";

/** One colour token and one pattern per option, so charts read without colour too. */
const PATTERNS = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical"] as const;
export const color = (i: number) => `var(--chart-${(i % 6) + 1})`;
export const fillOf = (i: number) => (i === 0 ? color(0) : `url(#option-pattern-${i % 6})`);

/** SVG patterns shared by the charts: option i fills with fillOf(i). */
export function ChartPatterns() {
  return (
    <defs>
      {PATTERNS.map((kind, i) => (
        <pattern
          key={kind}
          id={`option-pattern-${i}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={kind === "diagonal" ? "rotate(45)" : undefined}
        >
          <rect width="6" height="6" fill={color(i)} opacity={0.35} />
          {kind === "diagonal" || kind === "vertical" ? (
            <rect width="2" height="6" fill={color(i)} />
          ) : kind === "horizontal" ? (
            <rect width="6" height="2" fill={color(i)} />
          ) : kind === "dots" ? (
            <circle cx="3" cy="3" r="1.5" fill={color(i)} />
          ) : kind === "cross" ? (
            <>
              <rect width="6" height="1.5" fill={color(i)} />
              <rect width="1.5" height="6" fill={color(i)} />
            </>
          ) : (
            <rect width="6" height="6" fill={color(i)} />
          )}
        </pattern>
      ))}
    </defs>
  );
}

/** A small swatch matching an option's chart fill, for legends and lists. */
export function OptionSwatch({ index }: { index: number }) {
  return (
    <svg aria-hidden="true" width="14" height="14" className="shrink-0 rounded-sm">
      <ChartPatterns />
      <rect width="14" height="14" fill={fillOf(index)} stroke={color(index)} />
    </svg>
  );
}
