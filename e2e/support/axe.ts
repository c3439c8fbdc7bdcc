/**
 * Reading axe's results the same way in every accessibility check: the violations that block
 * or seriously hinder someone, named so a failure says where to look.
 */
import type AxeBuilder from "@axe-core/playwright";

type Results = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = Results["violations"][number];

/** axe's experimental check that a control's name contains its visible text (voice control). */
export const WITH_VOICE_CONTROL = {
  rules: { "label-content-name-mismatch": { enabled: true } },
};

/** The rule, its help and the first three elements it found, one line. */
export function describeViolation(v: Violation): string {
  return `${v.id}: ${v.help} (${v.nodes
    .slice(0, 3)
    .map((n) => n.html.slice(0, 160))
    .join(", ")})`;
}

/** The serious and critical violations, described: a page must have none. */
export function seriousViolations(results: Results): string[] {
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(describeViolation);
}

/** How many violations of each impact, for the run's log. */
export function countByImpact(results: Results): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of results.violations) {
    const impact = v.impact ?? "unknown";
    counts[impact] = (counts[impact] ?? 0) + 1;
  }
  return counts;
}
