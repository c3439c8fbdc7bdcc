import {
  addsUpByCriterion,
  BORDA_BREAKDOWN,
  BORDA_SENSITIVITY,
  fewCountedSensitivity,
  flipFigures,
  recommendedBecause,
  tieBreaks,
  tieFigures,
  unscoredCanChange,
} from "@tradeoff/scoring";
import { stringify } from "yaml";
import { STATUS_PLACES } from "../record/record-source";
import type { RecordView } from "../record/record-view";
import {
  againstRecommendation,
  approvalSentence,
  chosenKey,
  coverageSentence,
  criterionName,
  day,
  HIDDEN_RECOMMENDATION,
  keptReasonSentence,
  methodOf,
  NOT_SCORED,
  notScoredLines,
  optionName,
  overrideSentence,
  participationBasis,
  personNames,
  recordedSentence,
  resultSentence,
  scoreText,
  signOffLines,
  statusLine,
  totalText,
  weightShares,
} from "./facts";
import { recordBaseName } from "./file-name";
import { markdownDestination, markdownHeading, markdownSafeView } from "./markdown-text";
import { SCORE_RULE, VERDICT_ORDER, type Verdict, verdictOf } from "./score-verdict";

/**
 * Architecture Decision Records in Markdown, as pure functions of a record view:
 * - `madr`: MADR 4 (YAML front matter, then the template's sections in its order);
 * - `log4brains`: the same body with the `- Status:` / `- Date:` / `- Deciders:` bullets that
 *   log4brains reads instead of front matter;
 * - `nygard`: Michael Nygard's original template as adr-tools writes it.
 * The templates read a view whose typed text is already safe Markdown (see markdown-text.ts);
 * the front matter is YAML written by a YAML serialiser from the text as typed.
 */
export type MarkdownVariant = "madr" | "log4brains" | "nygard";

/** List marker: MADR writes `*`; log4brains `-`, as in its `- Status:` bullets (markdownlint MD004). */
type Bullet = "*" | "-";

/** A record another one links to: its number and title, and its id where known. */
export type LinkTarget = { id?: string; number: number; title: string };
/** adr-tools' `[2. Title](file.md)`; `slug`: log4brains' `[file](file.md)`, whose text it reads as the slug. */
type Link = ((p: LinkTarget) => string) & { slug: (p: LinkTarget) => string };

/** The file a linked record is written to: by default MADR's and adr-tools' `NNNN-title.md`. */
export type FileNameOf = (p: LinkTarget) => string;
const defaultFileName: FileNameOf = (p) => `${recordBaseName({ project: p } as RecordView)}.md`;

/** A linked record in adr-tools' own form, `[2. Title](0002-title.md)`, which `adr` reads back. */
const linkTo = (fileOf: FileNameOf): Link =>
  Object.assign(
    (p: LinkTarget) =>
      `[${p.number}. ${markdownHeading(p.title)}](${markdownDestination(fileOf(p))})`,
    {
      slug: (p: LinkTarget) => {
        const file = fileOf(p);
        return `[${file.replace(/\.md$/, "")}](${markdownDestination(file)})`;
      },
    },
  );

/** One line per linked record, a blank line between: adr-tools reads one link per line. */
const linkLines = (link: Link, label: string, projects: LinkTarget[]) =>
  projects.map((p) => `${label} ${link(p)}`).join("\n\n");

/** The consequence as its author typed it: the export shows the same words, in the same case, as the page. */
const because = (text: string) => cell(text);

/** Table cells and one-line list items: no line breaks may escape them (pipes are escaped). */
const cell = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

const date = (view: RecordView) => day(view.decision?.decidedAt ?? view.generatedAt);

/**
 * A record as one Markdown file. `fileOf` names the files of linked records, so links resolve
 * in a folder of another naming (log4brains' `YYYYMMDD-title.md`, see folder.ts). `datedBy`
 * says what a record without a decision is dated by: the export (a download, the default) or
 * the project's last change (a folder, see toFolderMarkdown).
 */
export function toMarkdown(
  view: RecordView,
  variant: MarkdownVariant,
  opts: { fileOf?: FileNameOf; datedBy?: "export" | "project" } = {},
): string {
  const link = linkTo(opts.fileOf ?? defaultFileName);
  if (view.source) return importedMarkdown(view, variant, link);
  const safe = markdownSafeView(view, { bullet: variant === "log4brains" ? "-" : "*" });
  const notice = draftNotice(view, opts.datedBy ?? "export");
  return variant === "nygard"
    ? nygard(safe, view, link, notice)
    : madr(safe, variant, view, link, notice);
}

/**
 * Whether a record is proposed with voting open: made here, not decided, and neither closed nor
 * replaced. Its outcome moves with every vote. (A project whose voting closed without a record
 * is proposed too, in MADR's words, but its outcome no longer moves: it is written whole.)
 */
export function isProposed(view: RecordView): boolean {
  return (
    !view.source && view.project.status !== "DECIDED" && statusLine(view, () => "") === "proposed"
  );
}

/**
 * A record as a file of a docs/decisions folder, which a repository commits and CI checks: what
 * changes only when the project does. A proposed record says voting is open and where its live
 * recommendation is, with its context, options and criteria, and no number that a vote moves
 * (weights, scores, totals, margin, sensitivity, participation), nor the day it was exported.
 * Every other record is written as `toMarkdown` writes it, dated by the project rather than by
 * the export: one closed or archived without a decision says "as of" its last change.
 */
export function toFolderMarkdown(
  view: RecordView,
  variant: MarkdownVariant,
  opts: { fileOf?: FileNameOf } = {},
): string {
  if (!isProposed(view))
    return toMarkdown({ ...view, generatedAt: lastChangedAt(view) }, variant, {
      ...opts,
      datedBy: "project",
    });
  const link = linkTo(opts.fileOf ?? defaultFileName);
  // Dated when the project was created, as the folder's index and log4brains' file name are.
  const stable: RecordView = { ...view, generatedAt: view.project.createdAt };
  const safe = markdownSafeView(stable, { bullet: variant === "log4brains" ? "-" : "*" });
  return variant === "nygard"
    ? proposedNygard(safe, stable, link)
    : proposedMadr(safe, variant, stable, link);
}

/**
 * When the project last changed what a record without a decision shows: voting closed, its
 * last vote, opened or created. None of these moves once voting is over.
 */
function lastChangedAt(view: RecordView): string {
  const times = [
    view.project.createdAt,
    view.project.openedAt,
    view.project.closedAt,
    ...(view.votes ?? []).map((v) => v.updatedAt),
  ];
  return (
    times
      .filter((time): time is string => Boolean(time))
      .sort()
      .at(-1) ?? view.generatedAt
  );
}

/** Where the live recommendation is: the project's page when the app's address is known. */
function liveSentence(view: RecordView): string {
  return view.url
    ? `Voting is open: the team's live recommendation, votes and discussion are on [the decision project](${markdownDestination(view.url)}).`
    : `Voting is open: the team's live recommendation, votes and discussion are in Tradeoff (project ${view.project.number} of ${view.team.name}).`;
}

const PROPOSED_NOTICE =
  "> **Proposed.** This decision has not been recorded yet, and its outcome is not written here while voting is open: this file changes only when the project does (edited, decided, closed or superseded).\n\n";

/** A criterion as the project defines it: name, default weight, must-have, description. */
function criterionLine(c: RecordView["criteria"][number], b: Bullet): string {
  const description = cell(c.description);
  return `${b} ${cell(c.name)} (default weight ${c.defaultWeight})${c.mustHave ? ", a must-have" : ""}${description ? `: ${description}` : ""}`;
}

/**
 * MADR's and log4brains' "Considered Options": each option's name alone, so that importing the
 * folder reads it back as the option's name (a description on its bullet would become part of it).
 */
function consideredOptions(view: RecordView, b: Bullet): string {
  return `## Considered Options\n\n${view.options.map((o) => `${b} ${cell(o.name)}`).join("\n")}\n\n`;
}

/**
 * What every MADR and log4brains record opens with: front matter or header, title, `notice`
 * (empty for a decided record), and the problem statement.
 */
function madrOpening(
  view: RecordView,
  variant: "madr" | "log4brains",
  typed: RecordView,
  link: Link,
  notice: string,
): string[] {
  const out: string[] = [];
  if (variant === "madr") out.push(frontMatter(typed, link));
  out.push(`# ${cell(view.project.title)}\n\n`);
  if (variant === "log4brains") out.push(log4brainsHeader(view, link));
  out.push(notice);
  out.push(
    `## Context and Problem Statement\n\n${view.project.context.trim() || "No problem statement was written."}\n\n`,
  );
  return out;
}

/** MADR and log4brains for a proposed record; `view` is Markdown-safe, `typed` as typed. */
function proposedMadr(
  view: RecordView,
  variant: "madr" | "log4brains",
  typed: RecordView,
  link: Link,
): string {
  const b: Bullet = variant === "log4brains" ? "-" : "*";
  const out = madrOpening(view, variant, typed, link, PROPOSED_NOTICE);
  out.push(
    `## Decision Drivers\n\n${view.criteria.map((c) => criterionLine(c, b)).join("\n")}\n\n`,
  );
  out.push(consideredOptions(view, b));
  out.push(`## Decision Outcome\n\nNo option is chosen yet. ${liveSentence(view)}\n\n`);
  const more = supersessionLines(view, link).map((lines) => `${lines}\n`);
  if (more.length) out.push(`## More Information\n\n${more.join("\n")}`);
  return `${out.join("").trimEnd()}\n`;
}

/** adr-tools' template for a proposed record: the options and criteria under Context. */
function proposedNygard(view: RecordView, typed: RecordView, link: Link): string {
  const b: Bullet = "*";
  const context = [
    view.project.context.trim() || "No problem statement was written.",
    `The options considered:\n\n${view.options.map((o) => `${b} ${cell(o.name)}`).join("\n")}`,
    `The criteria, with their default weights:\n\n${view.criteria.map((c) => criterionLine(c, b)).join("\n")}`,
  ].join("\n\n");
  return `${[
    `# ${view.project.number}. ${markdownHeading(typed.project.title)}`,
    `Date: ${date(view)}`,
    PROPOSED_NOTICE.trim(),
    `## Status\n\n${nygardStatus(view, link)}`,
    `## Context\n\n${context}`,
    `## Decision\n\nNo decision has been recorded yet. ${liveSentence(view)}`,
    "## Consequences\n\nNone recorded yet.",
  ].join("\n\n")}\n`;
}

/** The status as the formats write it: an imported record keeps its file's word. */
function status(view: RecordView, link: Link): string {
  const superseded = view.project.status === "SUPERSEDED" && view.supersededBy.length > 0;
  if (view.source && !superseded) {
    // An imported record archived here since is deprecated, unless its file already said so.
    const word = view.source.status.trim().split(/\s/)[0]?.toLowerCase();
    const archived = word === "rejected" || word === "deprecated";
    return view.project.status === "ARCHIVED" && !archived ? "deprecated" : view.source.status;
  }
  return statusLine(view, link);
}

/** log4brains holds one superseder: the latest; More Information lists them all. */
function log4brainsStatus(view: RecordView, link: Link): string {
  const latest = view.supersededBy.at(-1);
  if (view.draft && view.project.status !== "ARCHIVED") return "draft";
  // log4brains takes the link's text as the superseder's slug: its template's `[xxx](yyyymmdd-xxx.md)`.
  if (view.project.status === "SUPERSEDED" && latest) return `superseded by ${link.slug(latest)}`;
  return status(view, link);
}

/** log4brains' bullets: status, date, deciders and tags. */
function log4brainsHeader(view: RecordView, link: Link): string {
  const out = [`- Status: ${log4brainsStatus(view, link)}`, `- Date: ${date(view)}`];
  const deciders = personNames(view.decision?.decisionMakers ?? []);
  if (deciders.length) out.push(`- Deciders: ${deciders.map(cell).join(", ")}`);
  if (view.project.tags.length) out.push(`- Tags: ${view.project.tags.join(", ")}`);
  return `${out.join("\n")}\n\n`;
}

/** adr-tools' Status section lines: one "Superseded by" or "Supersedes" line per linked record. */
function nygardStatus(view: RecordView, link: Link): string {
  const superseded = view.project.status === "SUPERSEDED" && view.supersededBy.length > 0;
  const word = status(view, link);
  return [
    superseded
      ? linkLines(link, "Superseded by", view.supersededBy)
      : word.charAt(0).toUpperCase() + word.slice(1),
    ...(view.supersedes.length ? [linkLines(link, "Supersedes", view.supersedes)] : []),
  ].join("\n\n");
}

/**
 * An imported adr-tools record's Status section in its file's order, its status word and
 * supersede lines written from the record: the same file again while nothing changed here, and
 * the lines adr-tools adds elsewhere kept (`adr link`'s "Amends [..](..)").
 */
function importedNygardStatus(view: RecordView, link: Link): string {
  const layout = view.source?.statusLayout;
  if (!layout) return nygardStatus(view, link);
  const superseded = view.project.status === "SUPERSEDED" && view.supersededBy.length > 0;
  const word = status(view, link);
  const written = new Map<string, string | null>([
    [STATUS_PLACES.status, superseded ? null : word.charAt(0).toUpperCase() + word.slice(1)],
    [
      STATUS_PLACES.supersedes,
      view.supersedes.length ? linkLines(link, "Supersedes", view.supersedes) : null,
    ],
    [
      STATUS_PLACES.supersededBy,
      superseded ? linkLines(link, "Superseded by", view.supersededBy) : null,
    ],
  ]);
  const lines: string[] = [];
  const place = (key: string) => {
    const line = written.get(key);
    written.delete(key);
    if (line) lines.push(line);
  };
  // What the file had no line for yet goes where adr-tools puts it: the status word first, the
  // records it supersedes after the word, "Superseded by" last.
  if (!layout.includes(STATUS_PLACES.status)) place(STATUS_PLACES.status);
  const places = new Set<string>(Object.values(STATUS_PLACES));
  for (const part of layout) {
    if (!places.has(part)) lines.push(part);
    else place(part);
    if (part === STATUS_PLACES.status && !layout.includes(STATUS_PLACES.supersedes))
      place(STATUS_PLACES.supersedes);
  }
  place(STATUS_PLACES.supersedes);
  place(STATUS_PLACES.supersededBy);
  return lines.join("\n\n");
}

/** The supersede lines of More Information, one per linked record. */
function supersessionLines(view: RecordView, link: Link): string[] {
  const out: string[] = [];
  if (view.supersedes.length) out.push(linkLines(link, "Supersedes", view.supersedes));
  if (view.supersededBy.length) out.push(linkLines(link, "Superseded by", view.supersededBy));
  return out;
}

/**
 * An imported record: the header in the asked format from the record's fields, then the file's
 * own body as it was imported, with the supersede lines written where the file had them.
 */
function importedMarkdown(view: RecordView, variant: MarkdownVariant, link: Link): string {
  const source = view.source as NonNullable<RecordView["source"]>;
  const lines = supersessionLines(view, link).join("\n\n");
  const [before = "", after] = source.body;
  const body =
    after === undefined
      ? lines && variant !== "nygard"
        ? `${before.trimEnd()}\n\n${lines}\n`
        : before
      : lines
        ? `${before}${lines}${after}`
        : `${before.trimEnd()}${after}`;
  // Title and names escaped as for a record made here, so an export imported and exported again
  // reads the same.
  const safe = markdownSafeView(view, { bullet: variant === "log4brains" ? "-" : "*" });
  const head =
    variant === "nygard"
      ? `# ${view.project.number}. ${markdownHeading(view.project.title)}\n\nDate: ${date(view)}\n\n## Status\n\n${importedNygardStatus(view, link)}\n\n`
      : variant === "madr"
        ? `${frontMatter(view, link)}# ${cell(safe.project.title)}\n\n`
        : `# ${cell(safe.project.title)}\n\n${log4brainsHeader(safe, link)}`;
  return `${head}${body.trim()}\n`;
}

function frontMatter(view: RecordView, link: Link): string {
  // MADR's fields, in its order; people as YAML lists; empty ones are left out, never null.
  const fields: Record<
    string,
    string | string[] | { name: string; date: string }[] | Record<string, string | string[]>
  > = {
    status: status(view, link),
    date: date(view),
  };
  const d = view.decision;
  if (d) {
    const lists = {
      "decision-makers": personNames(d.decisionMakers),
      consulted: personNames(d.consulted),
      informed: personNames(d.informed),
    };
    for (const [key, names] of Object.entries(lists)) if (names.length) fields[key] = names;
  }
  // Who of the decision-makers approved the accepted draft, and when: a list of mappings next
  // to MADR's plain list of names, which importers read as it is.
  const approvals = d?.approvals ?? [];
  if (approvals.length)
    fields.approvals = approvals.map((a) => ({
      name: a.name,
      date: day(a.at),
      // The revision approved: a revised record's later text was not reviewed by them.
      ...(a.revision === undefined ? {} : { revision: a.revision }),
    }));
  if (d?.overrideReason) fields["accepted-without-approval"] = d.overrideReason;
  if (view.project.tags.length) fields.tags = view.project.tags;
  // An imported record's people, approvals and override are the file's word, unchecked here
  // (anyone who imports can edit the file first): say so next to them, as the body does.
  if (d?.imported) {
    const fromFile = ["decision-makers", "consulted", "informed", "approvals"].filter(
      (key) => key in fields,
    );
    if (d.overrideReason) fromFile.push("accepted-without-approval");
    fields.imported = {
      from: "a Tradeoff JSON export",
      by: d.imported.by,
      date: day(d.imported.at),
      ...(fromFile.length ? { "as-the-file-names-them": fromFile } : {}),
    };
  }
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n`;
}

/** `datedBy`: whether `generatedAt` is the day of the export or when the project last changed. */
function draftNotice(view: RecordView, datedBy: "export" | "project"): string {
  // Voting closed without a record: still proposed (it can be recorded), and its outcome is
  // the recommendation voting closed on, which no vote moves any more.
  if (view.draft && view.project.status === "DECIDED" && view.project.closedAt)
    return `> **Proposed.** Voting closed on ${day(view.project.closedAt)} and the decision has not been recorded yet: the outcome below is the team's recommendation when voting closed, not a decision.\n\n`;
  const when = `${datedBy === "export" ? "exported" : "as of"} ${day(view.generatedAt)}`;
  if (view.draft && !view.result)
    return `> **Draft.** This decision has not been recorded yet, and the team's recommendation stays hidden until this blind vote closes (${when}).\n\n`;
  return view.draft
    ? `> **Draft.** This decision has not been recorded yet: the outcome below is the team's current recommendation, not a decision (${when}).\n\n`
    : "";
}

/** `view` is the Markdown-safe view; `typed` the same record as typed, for the YAML front matter. */
function madr(
  view: RecordView,
  variant: "madr" | "log4brains",
  typed: RecordView,
  link: Link,
  notice: string,
): string {
  const b: Bullet = variant === "log4brains" ? "-" : "*";
  const out = madrOpening(view, variant, typed, link, notice);
  out.push(`## Decision Drivers\n\n${drivers(view, b)}\n`);
  out.push(consideredOptions(view, b));
  out.push(`## Decision Outcome\n\n${outcome(view)}\n`);
  const consequences = consequenceItems(view, b);
  if (consequences) out.push(`### Consequences\n\n${consequences}\n`);
  if (view.decision?.confirmation)
    out.push(`### Confirmation\n\n${view.decision.confirmation.trim()}\n\n`);
  out.push(`## Pros and Cons of the Options\n\n${prosAndCons(view, b)}`);
  out.push(`## More Information\n\n${moreInformation(view, b, link)}`);
  return `${out.join("").trimEnd()}\n`;
}

function drivers(view: RecordView, b: Bullet): string {
  const byKey = new Map(view.result?.criteria.map((c) => [c.key, c]) ?? []);
  const shares = weightShares(view);
  // The Borda count ranks by each member's own importances: no team weight enters its totals.
  const byCriterion = addsUpByCriterion(methodOf(view));
  return `${view.criteria
    .map((c) => {
      const r = byKey.get(c.key);
      // Where nobody gave an importance, the criterion's default weight stands in: never as
      // if it were the team's.
      const importance =
        r?.meanImportance === null
          ? `default weight ${c.defaultWeight}, nobody gave an importance`
          : `importance ${r?.importance.toFixed(1)} of 5`;
      const weight = !r
        ? `default weight ${c.defaultWeight}`
        : !r.counted
          ? `${NOT_SCORED} yet, ${importance}`
          : byCriterion
            ? `team weight ${shares.get(c.key)}, ${importance}`
            : importance;
      return `${b} ${cell(c.name)} (${weight})${c.mustHave ? ", a must-have" : ""}`;
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
    const against = againstRecommendation(view);
    if (against) {
      lines.push(
        `The team's recommendation was "${against.recommended}"; the team chose otherwise ${against.because}\n`,
      );
    }
    const kept = keptReasonSentence(view);
    if (kept) lines.push(`${kept}\n`);
  } else {
    const key = chosenKey(view);
    lines.push(
      !view.result
        ? `${HIDDEN_RECOMMENDATION}\n`
        : key
          ? `Recommended option (not yet decided): "${optionName(view, key)}", because ${recommendedBecause(methodOf(view))}.\n`
          : "No option is chosen yet.\n",
    );
  }
  lines.push(`${resultSentence(view)} ${coverageSentence(view)}\n`);
  for (const extra of [approvalSentence(view), overrideSentence(view)])
    if (extra) lines.push(`${extra}\n`);
  return `${lines.join("\n")}`;
}

function consequenceItems(view: RecordView, b: Bullet): string {
  const c = view.decision?.consequences;
  if (!c) return "";
  const items = [
    ...c.good.map((t) => `${b} Good, because ${because(t)}`),
    ...c.neutral.map((t) => `${b} Neutral, because ${because(t)}`),
    ...c.bad.map((t) => `${b} Bad, because ${because(t)}`),
  ];
  return items.length ? `${items.join("\n")}\n` : "";
}

function prosAndCons(view: RecordView, b: Bullet): string {
  const criteria = view.result?.criteria ?? [];
  const options = view.options
    .map((option) => {
      const items: { verdict: Verdict; text: string }[] = [];
      for (const c of criteria) {
        const score = c.scores[option.key];
        if (score == null) continue;
        items.push({
          verdict: verdictOf(score),
          text: `the team scores it ${score.toFixed(1)} of 5 on ${cell(criterionName(view, c.key))}`,
        });
      }
      // Members' own words, filed under the score that member gave this option, which they say.
      for (const vote of view.votes ?? []) {
        const score = vote.scores[option.key];
        if (!vote.rationale?.trim() || score == null) continue;
        items.push({
          verdict: verdictOf(score),
          text: `"${cell(vote.rationale)}" (${cell(vote.member)} on ${cell(criterionName(view, vote.criterionKey))}, scoring ${cell(option.name)} ${score} of 5)`,
        });
      }
      items.sort((x, y) => VERDICT_ORDER[x.verdict] - VERDICT_ORDER[y.verdict]);
      const description = option.description.trim() ? `${option.description.trim()}\n\n` : "";
      // A blind vote still open has scores, but none may show: say so, never that none exist.
      const list = items.length
        ? items.map((i) => `${b} ${i.verdict}, because ${i.text}`).join("\n")
        : view.result === null
          ? `${b} The team's scores stay hidden until this blind vote closes.`
          : `${b} Not scored yet: nobody has scored it.`;
      return `### ${cell(option.name)}\n\n${description}${list}\n\n`;
    })
    .join("");
  return `The team's score of each option on each criterion, then each member's reason under the score they gave that option: ${SCORE_RULE}.\n\n${options}`;
}

function moreInformation(view: RecordView, b: Bullet, link: Link): string {
  const out: string[] = [];
  if (view.decision?.moreInformation) out.push(`${view.decision.moreInformation.trim()}\n`);
  const r = view.result;
  if (r) {
    out.push(resultTable(view, r));
    out.push(`${resultSentence(view)}\n`);
    const missing = notScoredLines(view);
    if (missing.length) {
      out.push(
        `Not counted in the totals:\n\n${missing.map((line) => `${b} ${cell(line)}`).join("\n")}\n`,
      );
    }
    out.push(sensitivityText(view, r, b));
  } else {
    out.push(`${resultSentence(view)}\n`);
  }
  const p = view.participation;
  out.push(
    `Participation${participationBasis(view)}: ${p.complete} complete, ${p.partial} partial and ${p.none} not started, of ${p.eligible} member${p.eligible === 1 ? "" : "s"}. ${coverageSentence(view)}\n`,
  );
  const d = view.decision;
  if (d) {
    out.push(
      `${recordedSentence(d)}.${d.imported ? ` Imported from a JSON export by ${d.imported.by} on ${day(d.imported.at)}.` : ""}${d.reviewDate ? ` Review by ${day(d.reviewDate)}.` : ""}\n`,
    );
  }
  for (const lines of supersessionLines(view, link)) out.push(`${lines}\n`);
  const links = d?.links ?? [];
  if (links.length)
    out.push(`${links.map((l) => `${b} [${cell(l.label)}](${l.url})`).join("\n")}\n`);
  if (view.url)
    out.push(
      `[The decision project](${markdownDestination(view.url)}), with its votes, discussion and history.\n`,
    );
  return out.join("\n");
}

type Result = NonNullable<RecordView["result"]>;

/**
 * The team scores per criterion and each option's total. Under the weighted mean and the median
 * each criterion's share of the counted weight (rounded to add up to 100%) makes the totals;
 * under the Borda count no criterion adds points of its own, and the table says so.
 */
function resultTable(view: RecordView, r: Result): string {
  const byCriterion = addsUpByCriterion(methodOf(view));
  const shares = weightShares(view);
  const options = view.options.map((o) => cell(o.name)).join(" | ");
  // The same words as the record page: the number is a share of the counted criteria's weight.
  const head = byCriterion
    ? `| Criterion | Share of counted weight | ${options} |`
    : `| Criterion | ${options} |`;
  const rule = `| --- | ${byCriterion ? "---: | " : ""}${view.options.map(() => "---:").join(" | ")} |`;
  const rows = r.criteria.map(
    (c) =>
      `| ${cell(criterionName(view, c.key))} | ${byCriterion ? `${c.counted ? shares.get(c.key) : NOT_SCORED} | ` : ""}${view.options
        .map((o) => scoreText(c.scores[o.key]))
        .join(" | ")} |`,
  );
  const totals = `| **Total (0 to 100)** | ${byCriterion ? "| " : ""}${view.options
    .map((o) => totalText(view, o.key))
    .join(" | ")} |`;
  const intro = byCriterion
    ? "Team scores (1 to 5) per criterion, and each option's total:"
    : `Team scores (1 to 5) per criterion, and each option's total. ${BORDA_BREAKDOWN}`;
  return `${intro}\n\n${[head, rule, ...rows, totals].join("\n")}\n`;
}

/** What would change the recommendation, or break a tie: nothing a reader could not recompute. */
function sensitivityText(view: RecordView, r: Result, b: Bullet): string {
  const method = methodOf(view);
  if (!addsUpByCriterion(method)) return `Sensitivity: ${BORDA_SENSITIVITY}\n`;
  if (r.totals.every((t) => t.score === null))
    return "Sensitivity: there is no recommendation, so no importance can change it.\n";
  if (!r.winner) {
    const breaks = tieBreaks({ method, totals: r.totals, criteria: r.criteria });
    if (!breaks.length)
      return "Sensitivity: the top options tie, and no single criterion's importance, moved a little either way, breaks the tie.\n";
    return `Sensitivity: the top options tie, and the tie breaks if one criterion's importance moves a little:\n\n${breaks
      .map((t) => {
        const sides = [
          t.above ? `higher puts ${cell(optionName(view, t.above))} ahead` : null,
          t.below ? `lower puts ${cell(optionName(view, t.below))} ahead` : null,
        ].filter(Boolean);
        return `${b} ${cell(criterionName(view, t.criterionKey))} (importance now ${t.importance.toFixed(1)}): ${sides.join(", ")}`;
      })
      .join("\n")}\n`;
  }
  const flips = r.criteria.filter((c) => c.flipAt !== null || c.tiesAt != null);
  if (!flips.length)
    return `Sensitivity: ${fewCountedSensitivity(view.coverage) ?? `no single counted criterion's importance between 0 and 5 changes the recommendation.${unscoredCanChange(view.coverage)}`}\n`;
  return `Sensitivity: the recommendation changes if\n\n${flips
    .flatMap((c) => {
      const name = cell(criterionName(view, c.key));
      const lines: string[] = [];
      if (c.flipAt !== null) {
        const { at, now } = flipFigures(c.flipAt, c.importance);
        lines.push(
          `${b} the importance of ${name} goes ${c.flipAt < c.importance ? "below" : "above"} ${at} (now ${now})`,
        );
      }
      // At an end of the range the winner only draws level: nothing lies beyond 0 or 5.
      if (c.tiesAt != null) {
        const { at, now } = tieFigures(c.tiesAt, c.importance);
        lines.push(
          `${b} the importance of ${name} is ${at} (now ${now}): there the recommended option ties with another, without falling behind`,
        );
      }
      return lines;
    })
    .join("\n")}\n`;
}

/** `view` is the Markdown-safe view; `typed` the same record as typed, for the title. */
function nygard(view: RecordView, typed: RecordView, link: Link, notice: string): string {
  const d = view.decision;
  // As adr-tools writes it: one "Superseded by" or "Supersedes" line per linked record.
  const statusLines = nygardStatus(view, link);
  const against = againstRecommendation(view);
  const kept = keptReasonSentence(view);
  const decision = d
    ? `We will use ${optionName(view, d.chosenOptionKey)}, because ${d.rationale.trim()}${against ? `\n\nThe team's recommendation was ${against.recommended}; we chose otherwise ${against.because}` : ""}${kept ? `\n\n${kept}` : ""}\n\n${resultSentence(view)} ${coverageSentence(view)}`
    : `No decision has been recorded yet. ${resultSentence(view)} ${coverageSentence(view)}`;
  const signOff = signOffLines(view).join("\n\n");
  const consequences = consequenceItems(view, "*").trim() || "None recorded yet.";
  return `${[
    `# ${view.project.number}. ${markdownHeading(typed.project.title)}`,
    `Date: ${date(view)}`,
    // Before the Status section: adr-tools reads everything in it as the status.
    ...(notice ? [notice.trim()] : []),
    `## Status\n\n${statusLines}`,
    `## Context\n\n${view.project.context.trim() || "No problem statement was written."}`,
    `## Decision\n\n${decision}${signOff ? `\n\n${signOff}` : ""}`,
    `## Consequences\n\n${consequences}`,
  ].join("\n\n")}\n`;
}
