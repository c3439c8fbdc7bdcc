import { stringify } from "yaml";
import type { RecordView } from "../record/record-view";
import {
  chosenKey,
  criterionName,
  day,
  optionName,
  pct,
  personNames,
  points,
  resultSentence,
  statusLine,
} from "./facts";
import { recordBaseName } from "./file-name";

/**
 * Architecture Decision Records in Markdown, as pure functions of a record view:
 * - `madr`: MADR 4 (YAML front matter, then the template's sections in its order);
 * - `log4brains`: the same body with the `- Status:` / `- Date:` / `- Deciders:` bullets that
 *   log4brains reads instead of front matter;
 * - `nygard`: Michael Nygard's original template as adr-tools writes it.
 */
export type MarkdownVariant = "madr" | "log4brains" | "nygard";

const link = (p: { number: number; title: string }) =>
  `[${recordBaseName({ project: p } as RecordView)}](${recordBaseName({ project: p } as RecordView)}.md)`;

/** The consequence as its author typed it: the export shows the same words, in the same case, as the page. */
const because = (text: string) => cell(text);

/** Table cells and one-line list items: no pipes or line breaks may escape them. */
const cell = (text: string) =>
  text
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .trim();

const date = (view: RecordView) => day(view.decision?.decidedAt ?? view.generatedAt);

export function toMarkdown(view: RecordView, variant: MarkdownVariant): string {
  return variant === "nygard" ? nygard(view) : madr(view, variant);
}

function frontMatter(view: RecordView): string {
  // MADR's fields, in its order; empty ones are left out rather than written as null.
  const fields: Record<string, string> = { status: statusLine(view, link), date: date(view) };
  const d = view.decision;
  if (d) {
    const lists = {
      "decision-makers": personNames(d.decisionMakers),
      consulted: personNames(d.consulted),
      informed: personNames(d.informed),
    };
    for (const [key, names] of Object.entries(lists))
      if (names.length) fields[key] = names.join(", ");
  }
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n`;
}

function draftNotice(view: RecordView): string {
  return view.draft
    ? `> **Draft.** This decision has not been recorded yet: the outcome below is the team's current recommendation, not a decision (exported ${day(view.generatedAt)}).\n\n`
    : "";
}

function madr(view: RecordView, variant: "madr" | "log4brains"): string {
  const out: string[] = [];
  if (variant === "madr") out.push(frontMatter(view));
  out.push(`# ${cell(view.project.title)}\n\n`);
  if (variant === "log4brains") {
    const status =
      view.draft && view.project.status !== "ARCHIVED" ? "draft" : statusLine(view, link);
    out.push(`- Status: ${status}\n- Date: ${date(view)}\n`);
    const deciders = personNames(view.decision?.decisionMakers ?? []);
    if (deciders.length) out.push(`- Deciders: ${deciders.join(", ")}\n`);
    out.push("\n");
  }
  out.push(draftNotice(view));
  out.push(
    `## Context and Problem Statement\n\n${view.project.context.trim() || "No problem statement was written."}\n\n`,
  );
  out.push(`## Decision Drivers\n\n${drivers(view)}\n`);
  out.push(
    `## Considered Options\n\n${view.options.map((o) => `* ${cell(o.name)}`).join("\n")}\n\n`,
  );
  out.push(`## Decision Outcome\n\n${outcome(view)}\n`);
  const consequences = consequenceItems(view);
  if (consequences) out.push(`### Consequences\n\n${consequences}\n`);
  if (view.decision?.confirmation)
    out.push(`### Confirmation\n\n${view.decision.confirmation.trim()}\n\n`);
  out.push(`## Pros and Cons of the Options\n\n${prosAndCons(view)}`);
  out.push(`## More Information\n\n${moreInformation(view)}`);
  return `${out.join("").trimEnd()}\n`;
}

function drivers(view: RecordView): string {
  const byKey = new Map(view.result?.criteria.map((c) => [c.key, c]) ?? []);
  return `${view.criteria
    .map((c) => {
      const r = byKey.get(c.key);
      const weight = r
        ? `team weight ${pct(r.weight)}, importance ${r.importance.toFixed(1)} of 5`
        : `default weight ${c.defaultWeight}`;
      return `* ${cell(c.name)} (${weight})${c.mustHave ? ", a must-have" : ""}`;
    })
    .join("\n")}\n`;
}

function outcome(view: RecordView): string {
  const d = view.decision;
  const lines: string[] = [];
  if (d) {
    lines.push(
      `Chosen option: "${optionName(view, d.chosenOptionKey)}", because ${d.rationale.trim()}\n`,
    );
    if (d.justification && d.recommendedKey !== d.chosenOptionKey) {
      lines.push(
        `The team's recommendation was "${optionName(view, d.recommendedKey)}"; the team chose otherwise because ${d.justification.trim()}\n`,
      );
    }
  } else {
    const key = chosenKey(view);
    lines.push(
      key
        ? `Recommended option (not yet decided): "${optionName(view, key)}", because it has the highest weighted score of the team's votes.\n`
        : "No option is chosen yet.\n",
    );
  }
  lines.push(`${resultSentence(view)}\n`);
  return `${lines.join("\n")}`;
}

function consequenceItems(view: RecordView): string {
  const c = view.decision?.consequences;
  if (!c) return "";
  const items = [
    ...c.good.map((t) => `* Good, because ${because(t)}`),
    ...c.neutral.map((t) => `* Neutral, because ${because(t)}`),
    ...c.bad.map((t) => `* Bad, because ${because(t)}`),
  ];
  return items.length ? `${items.join("\n")}\n` : "";
}

/** A team score of 4 or more is a strength, 2 or less a weakness, in between neutral. */
const verdict = (score: number) => (score >= 4 ? "Good" : score <= 2 ? "Bad" : "Neutral");
const ORDER = { Good: 0, Neutral: 1, Bad: 2 } as const;

function prosAndCons(view: RecordView): string {
  const criteria = view.result?.criteria ?? [];
  return view.options
    .map((option) => {
      const items: { kind: keyof typeof ORDER; text: string }[] = [];
      for (const c of criteria) {
        const score = c.scores[option.key];
        if (score === undefined) continue;
        items.push({
          kind: verdict(score),
          text: `${cell(criterionName(view, c.key))}: the team scores it ${score.toFixed(1)} of 5`,
        });
      }
      // Members' own words, filed under how that member scored this option.
      for (const vote of view.votes ?? []) {
        const score = vote.scores[option.key];
        if (!vote.rationale?.trim() || score == null) continue;
        items.push({
          kind: verdict(score),
          text: `"${cell(vote.rationale)}" (${cell(vote.member)} on ${cell(criterionName(view, vote.criterionKey))})`,
        });
      }
      items.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
      const description = option.description.trim() ? `${option.description.trim()}\n\n` : "";
      const list = items.length
        ? items.map((i) => `* ${i.kind}, because ${i.text}`).join("\n")
        : "* Neutral, because nobody has scored it yet";
      return `### ${cell(option.name)}\n\n${description}${list}\n\n`;
    })
    .join("");
}

function moreInformation(view: RecordView): string {
  const out: string[] = [];
  const r = view.result;
  if (r) {
    const head = `| Criterion | Weight | ${view.options.map((o) => cell(o.name)).join(" | ")} |`;
    const rule = `| --- | ---: | ${view.options.map(() => "---:").join(" | ")} |`;
    const rows = r.criteria.map(
      (c) =>
        `| ${cell(criterionName(view, c.key))} | ${pct(c.weight)} | ${view.options
          .map((o) => (c.scores[o.key] ?? 3).toFixed(1))
          .join(" | ")} |`,
    );
    const totals = `| **Total (0 to 100)** | | ${view.options
      .map((o) => points(r.totals.find((t) => t.optionKey === o.key)?.score ?? 0))
      .join(" | ")} |`;
    out.push(
      `Team scores (1 to 5) per criterion, and each option's total:\n\n${[head, rule, ...rows, totals].join("\n")}\n`,
    );
    out.push(`${resultSentence(view)}\n`);
    const flips = r.criteria.filter((c) => c.flipAt !== null);
    out.push(
      flips.length
        ? `Sensitivity: the recommendation changes if\n\n${flips
            .map(
              (c) =>
                `* the importance of ${cell(criterionName(view, c.key))} goes ${(c.flipAt ?? 0) < c.importance ? "below" : "above"} ${(c.flipAt ?? 0).toFixed(1)} (now ${c.importance.toFixed(1)})`,
            )
            .join("\n")}\n`
        : "Sensitivity: no single criterion's importance between 0 and 5 changes the recommendation.\n",
    );
  } else {
    out.push(`${resultSentence(view)}\n`);
  }
  const p = view.participation;
  out.push(
    `Participation: ${p.voted} of ${p.eligible} members voted${p.quorum ? ` (quorum ${p.quorum}: ${p.quorumMet ? "met" : "not met"})` : ""}.\n`,
  );
  const d = view.decision;
  if (d) {
    out.push(
      `Recorded by ${d.decidedBy ?? "a former member"} on ${day(d.decidedAt)}${d.revision > 1 ? ` (revision ${d.revision})` : ""}.${d.reviewDate ? ` Review by ${day(d.reviewDate)}.` : ""}\n`,
    );
  }
  if (view.supersedes.length) out.push(`Supersedes ${view.supersedes.map(link).join(", ")}.\n`);
  if (view.supersededBy.length)
    out.push(`Superseded by ${view.supersededBy.map(link).join(", ")}.\n`);
  const links = d?.links ?? [];
  if (links.length) out.push(`${links.map((l) => `* [${cell(l.label)}](${l.url})`).join("\n")}\n`);
  if (view.url)
    out.push(`The decision project, with its votes, discussion and history: ${view.url}\n`);
  return out.join("\n");
}

function nygard(view: RecordView): string {
  const d = view.decision;
  const status = statusLine(view, link);
  const statusWord = status.charAt(0).toUpperCase() + status.slice(1);
  const statusLines = [statusWord, ...view.supersedes.map((p) => `Supersedes ${link(p)}`)].join(
    "\n\n",
  );
  const decision = d
    ? `We will use ${optionName(view, d.chosenOptionKey)}.\n\n${d.rationale.trim()}${d.justification && d.recommendedKey !== d.chosenOptionKey ? `\n\nThe team's recommendation was ${optionName(view, d.recommendedKey)}; we chose otherwise because ${d.justification.trim()}` : ""}\n\n${resultSentence(view)}`
    : `No decision has been recorded yet. ${resultSentence(view)}`;
  const consequences =
    consequenceItems(view).replace(/^\* /gm, "* ").trim() || "None recorded yet.";
  return `${[
    `# ${view.project.number}. ${cell(view.project.title)}`,
    `Date: ${date(view)}`,
    `## Status\n\n${statusLines}`,
    ...(view.draft ? [draftNotice(view).trim()] : []),
    `## Context\n\n${view.project.context.trim() || "No problem statement was written."}`,
    `## Decision\n\n${decision}`,
    `## Consequences\n\n${consequences}`,
  ].join("\n\n")}\n`;
}
