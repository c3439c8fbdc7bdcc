import type { RouterOutputs } from "@tradeoff/api";
import {
  addsUpByCriterion,
  BORDA_BREAKDOWN,
  coverageLine,
  METHODS,
  type Method,
  noConfidenceReason,
  recordViewCoverageLine,
  restsOnImportedFile,
  sharePercents,
} from "@tradeoff/scoring";
import { ScrollBox } from "~/components/app/scroll-box";
import { type RenderedMarkdown, RenderedText } from "~/components/markdown/rendered-text";
import { Badge } from "~/components/ui/badge";

export type RecordView = RouterOutputs["record"]["get"]["view"];

/**
 * The record's Markdown (rationale, justification, override reason, consequences and members'
 * reasons flowing into their sentence, more information as blocks), rendered by the server
 * page: `recordMarkdown`.
 */
export type RecordMarkdown = { inline: RenderedMarkdown; block: RenderedMarkdown };

/**
 * The record's dates and times are in UTC, as in its exports and share page, whoever reads it
 * and wherever it is rendered: a day here and a time in the revisions always agree.
 */
const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const when = (iso: string | null) => (iso ? day.format(new Date(iso)) : null);
const dateTime = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
/** A moment on the record page: "Dec 6, 2026, 6:59 AM UTC". */
export const recordTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

type Decision = NonNullable<RecordView["decision"]>;

/**
 * Approvals cover the revision they were given for: once the record was revised, which one, and
 * that the later text was not reviewed, with its author.
 */
function unreviewed(d: Decision): string {
  const approved = d.approvals?.[0]?.revision;
  if (approved === undefined || d.revision <= approved) return "";
  const by = `by ${d.revisedBy?.name ?? "a former member"}${d.revisedBy ? ` (${when(d.revisedBy.at)})` : ""}`;
  return d.revision === approved + 1
    ? ` for revision ${approved}; revision ${d.revision} ${by} was not reviewed`
    : ` for revision ${approved}; revisions ${approved + 1} to ${d.revision} were not reviewed (revision ${d.revision} ${by})`;
}

/** The line that names the decisions superseding this one. */
export const SUPERSEDED_BY_ID = "superseded-by";

export const STATUS_TEXT: Record<RecordView["project"]["status"], string> = {
  DRAFT: "Draft",
  OPEN: "Open for voting",
  DECIDED: "Decided",
  SUPERSEDED: "Superseded",
  ARCHIVED: "Archived",
};

/**
 * A decision this one supersedes or is superseded by. A share link's reader gets no id, and no
 * title unless that decision is shared too: it then reads "decision #3".
 */
type LinkedDecision = { id?: string; number: number; title: string | null };

/** Elements separated by commas. */
function joined(items: React.ReactNode[]) {
  const out: React.ReactNode[] = [];
  items.forEach((item, i) => {
    if (i) out.push(", ");
    out.push(item);
  });
  return out;
}

/** A figure of the result, or "not scored" where nobody scored it. */
const scoreText = (value: number | null | undefined) =>
  value == null ? "not scored" : value.toFixed(1);

/** Each option's figure on its own line, the best option marked: the result on a phone. */
function FiguresByOption({
  options,
  figure,
  best,
}: {
  options: readonly { key: string; name: string }[];
  figure: (optionKey: string) => string;
  best?: string | null;
}) {
  return (
    <dl className="mt-1 space-y-0.5">
      {options.map((o) => (
        <div key={o.key} className="flex items-baseline justify-between gap-3">
          <dt className="min-w-0 text-muted-foreground">{o.name}</dt>
          <dd className="whitespace-nowrap text-right tabular-nums">
            {figure(o.key)}
            {o.key === best ? (
              <Badge variant="success" className="ml-1">
                best
              </Badge>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function People({ label, people }: { label: string; people: { name: string }[] }) {
  if (people.length === 0) return null;
  return (
    <div>
      <dt className="font-medium text-sm">{label}</dt>
      <dd className="text-muted-foreground text-sm">{people.map((p) => p.name).join(", ")}</dd>
    </div>
  );
}

/**
 * The decision record, read-only: the same content as the exports (outcome, consequences,
 * people, totals, links). Used by the record page and by share links, so both read alike.
 */
export function RecordDocument({
  view,
  linkTo,
  markdown,
}: {
  view: Pick<
    RecordView,
    | "options"
    | "criteria"
    | "result"
    | "participation"
    | "coverage"
    | "status"
    | "decision"
    | "draft"
    | "votes"
  > & {
    /** Stored votes the result leaves out because they cannot be read; none when absent. */
    unreadableVotes?: number;
    project: Pick<RecordView["project"], "votingMode" | "method">;
    supersedes: LinkedDecision[];
    supersededBy: LinkedDecision[];
  };
  /** Where a linked (superseding or superseded) project opens; plain text when absent. */
  linkTo?: (projectId: string) => string;
  markdown?: RecordMarkdown | undefined;
}) {
  const inline = (text: string) => <RenderedText text={text} rendered={markdown?.inline} />;
  const name = (key: string | null) =>
    view.options.find((o) => o.key === key)?.name ?? key ?? "none";
  const d = view.decision;
  const r = view.result;
  // Under the Borda count no criterion has a share of the weight in the totals: each member's
  // own ranking makes them. Elsewhere the shares are rounded to add up to 100%.
  const byCriterion = addsUpByCriterion(
    (METHODS as readonly string[]).includes(view.project.method)
      ? (view.project.method as Method)
      : "weighted-mean",
  );
  const shares = sharePercents(r?.criteria.map((c) => (c.counted ? c.weight : 0)) ?? []);
  const criterionName = (key: string) => view.criteria.find((x) => x.key === key)?.name ?? key;
  const fromFile = d?.imported ? " (from the imported file)" : "";
  const linked = (p: LinkedDecision) => {
    const label = p.title === null ? `decision #${p.number}` : `#${p.number} ${p.title}`;
    return linkTo && p.id ? (
      <a key={p.number} href={linkTo(p.id)} className="underline underline-offset-2">
        {label}
      </a>
    ) : (
      <span key={p.number}>{label}</span>
    );
  };

  return (
    <article className="space-y-6" aria-label="Decision record">
      {view.draft ? (
        <p
          className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm"
          data-testid="draft-notice"
        >
          Draft: no decision has been recorded yet. The recommendation below is the team's current
          result, not a decision.
        </p>
      ) : null}
      {view.supersededBy.length ? (
        <p
          id={SUPERSEDED_BY_ID}
          // Focusable from script: marking the decision superseded moves the keyboard here.
          tabIndex={-1}
          className="text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          data-testid="superseded-by"
        >
          Superseded by {joined(view.supersededBy.map(linked))}
        </p>
      ) : null}
      {view.supersedes.length ? (
        <p className="text-muted-foreground text-sm">
          Supersedes {joined(view.supersedes.map(linked))}
        </p>
      ) : null}

      <section aria-labelledby="outcome" className="space-y-2">
        <h2 id="outcome" className="font-semibold text-lg">
          Decision outcome
        </h2>
        {d ? (
          <>
            <div className="wrap-anywhere" data-testid="chosen-option">
              Chosen option: <strong>{name(d.chosenOptionKey)}</strong>, because{" "}
              {inline(d.rationale)}
            </div>
            {d.recommendedKey && d.recommendedKey !== d.chosenOptionKey ? (
              <div className="wrap-anywhere text-sm" data-testid="against-recommendation">
                The team's recommendation was {name(d.recommendedKey)}; the team chose otherwise{" "}
                {d.justification?.trim() ? (
                  <>because {inline(d.justification)}</>
                ) : view.project.votingMode === "BLIND" ? (
                  "with no reason on record: the vote was blind, so the recommendation was not known when the decision was recorded."
                ) : (
                  "with no reason on record."
                )}
              </div>
            ) : d.justification?.trim() ? (
              // Typed while a blind vote hid the recommendation, which the choice turned out to
              // be (or there was none): kept, and shown for what it is, as the exports show it.
              <div className="wrap-anywhere text-sm" data-testid="kept-justification">
                Reason given{" "}
                {view.project.votingMode === "BLIND"
                  ? "while the vote was blind, before the recommendation was known"
                  : "for choosing against the recommendation"}{" "}
                (
                {d.recommendedKey
                  ? "the chosen option turned out to be the team's recommendation"
                  : "the vote left no recommendation"}
                ): {inline(d.justification)}
              </div>
            ) : null}
            <p className="text-muted-foreground text-sm">
              Recorded by {d.decidedBy ?? "a former member"}
              {d.imported ? " (from the imported file)" : ""} on {when(d.decidedAt)}
              {d.revision > 1
                ? d.revisedBy
                  ? `; revision ${d.revision} by ${d.revisedBy.name ?? "a former member"} on ${when(d.revisedBy.at)}`
                  : ` (revision ${d.revision})`
                : ""}
              {d.reviewDate ? `. Review by ${when(d.reviewDate)}` : ""}.
            </p>
            {d.imported ? (
              <p className="text-muted-foreground text-sm" data-testid="record-imported">
                Imported from a JSON export by {d.imported.by} on {when(d.imported.at)}.
              </p>
            ) : null}
            {d.approvals?.length ? (
              <p className="text-sm" data-testid="record-approvals">
                Approved by {d.approvals.map((a) => `${a.name} (${when(a.at)})`).join(", ")}
                {d.imported ? " (from the imported file)" : ""}
                {unreviewed(d)}.
              </p>
            ) : null}
            {d.overrideReason ? (
              <div className="wrap-anywhere text-sm">
                Accepted without every approval the team's rule asks for, because{" "}
                {inline(d.overrideReason)}
              </div>
            ) : null}
          </>
        ) : r ? (
          <>
            <p data-testid="record-recommended">
              {r.winner ? (
                <>
                  Recommended (not decided yet): <strong>{name(r.winner)}</strong>
                </>
              ) : r.totals.some((t) => t.score !== null) ? (
                // A tie recommends nothing, in the exports' words.
                "Not decided yet. The team's votes end in a tie: there is no recommendation."
              ) : (
                "Not decided yet. No criterion has a score for every option yet: there is no recommendation."
              )}
            </p>
            {/* The headline never stands bare: what it rests on sits right under it. */}
            <p className="text-muted-foreground text-sm" data-testid="record-headline-coverage">
              {coverageLine(view)}
            </p>
          </>
        ) : (
          // An open blind vote: the recommendation is hidden with the votes and totals.
          <p>Not yet decided: the recommendation stays hidden until this blind vote closes.</p>
        )}
      </section>

      {d &&
      (d.consequences.good.length || d.consequences.neutral.length || d.consequences.bad.length) ? (
        <section aria-labelledby="consequences" className="space-y-2">
          <h2 id="consequences" className="font-semibold text-lg">
            Consequences
          </h2>
          <ul className="list-disc space-y-1 wrap-anywhere pl-5 text-sm">
            {d.consequences.good.map((c) => (
              <li key={`g-${c}`}>Good, because {inline(c)}</li>
            ))}
            {d.consequences.neutral.map((c) => (
              <li key={`n-${c}`}>Neutral, because {inline(c)}</li>
            ))}
            {d.consequences.bad.map((c) => (
              <li key={`b-${c}`}>Bad, because {inline(c)}</li>
            ))}
          </ul>
          {d.confirmation ? (
            <p className="wrap-anywhere text-sm">Confirmation: {d.confirmation}</p>
          ) : null}
        </section>
      ) : null}

      {d?.moreInformation ? (
        <section aria-labelledby="more-information" className="space-y-2">
          <h2 id="more-information" className="font-semibold text-lg">
            More information
          </h2>
          <div className="wrap-anywhere text-sm">
            <RenderedText text={d.moreInformation} rendered={markdown?.block} />
          </div>
        </section>
      ) : null}

      {d ? (
        <dl className="grid gap-3 sm:grid-cols-3">
          {/* An imported record's people are the file's word, as its recorder and approvals are. */}
          <People label={`Decision-makers${fromFile}`} people={d.decisionMakers} />
          <People label={`Consulted${fromFile}`} people={d.consulted} />
          <People label={`Informed${fromFile}`} people={d.informed} />
        </dl>
      ) : null}

      <section aria-labelledby="totals" className="space-y-2">
        <h2 id="totals" className="font-semibold text-lg">
          The team's result
          {restsOnImportedFile(view) ? " (from the imported file)" : ""}
        </h2>
        {r ? (
          <>
            {/* On a phone a table of even two options leaves their figures off the screen: there,
                each criterion is a block with each option's figure on its own line, which fits
                any width and any number of options. */}
            <ol
              aria-label="The team's result, by criterion"
              data-testid="record-totals-list"
              className="divide-y text-sm sm:hidden"
            >
              {r.criteria.map((c, i) => (
                <li key={c.key} className="py-2">
                  <p className="font-medium">{criterionName(c.key)}</p>
                  {byCriterion ? (
                    <p className="text-muted-foreground">
                      Share of counted weight:{" "}
                      <span className="tabular-nums">{c.counted ? shares[i] : "not scored"}</span>
                    </p>
                  ) : null}
                  <FiguresByOption
                    options={view.options}
                    figure={(key) => scoreText(c.scores[key])}
                  />
                </li>
              ))}
              <li className="py-2">
                <p className="font-semibold">Total (0 to 100)</p>
                <FiguresByOption
                  options={view.options}
                  figure={(key) => scoreText(r.totals.find((t) => t.optionKey === key)?.score)}
                  best={r.winner}
                />
              </li>
            </ol>
            {/* Wider screens: a table. Six options or more can pass its width: the table then
                scrolls in its own box, never the page, and the box takes focus so the keyboard
                scrolls it too. */}
            <ScrollBox
              label="The team's result, by criterion"
              testId="record-totals"
              className="max-sm:hidden"
            >
              <table className="w-full text-sm [&_td:not(:first-child)]:pl-3 [&_th:not(:first-child)]:pl-3">
                <thead>
                  <tr className="text-left text-muted-foreground">
                    <th className="py-1 font-medium">Criterion</th>
                    {byCriterion ? (
                      <th className="py-1 text-right font-medium">Share of counted weight</th>
                    ) : null}
                    {view.options.map((o) => (
                      <th key={o.key} className="py-1 text-right font-medium">
                        {o.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {r.criteria.map((c, i) => (
                    <tr key={c.key} className="border-t">
                      <td className="py-1">{criterionName(c.key)}</td>
                      {byCriterion ? (
                        <td className="py-1 text-right tabular-nums">
                          {c.counted ? shares[i] : "not scored"}
                        </td>
                      ) : null}
                      {view.options.map((o) => (
                        <td key={o.key} className="py-1 text-right tabular-nums">
                          {scoreText(c.scores[o.key])}
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr className="border-t font-semibold">
                    <td className="py-1">Total (0 to 100)</td>
                    {byCriterion ? <td /> : null}
                    {view.options.map((o) => (
                      <td key={o.key} className="py-1 text-right tabular-nums">
                        {scoreText(r.totals.find((t) => t.optionKey === o.key)?.score)}
                        {o.key === r.winner ? (
                          <Badge variant="success" className="ml-1">
                            best
                          </Badge>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </ScrollBox>
          </>
        ) : (
          <p className="text-sm">The result stays hidden until this blind vote closes.</p>
        )}
        {r && !byCriterion ? (
          <p className="text-muted-foreground text-sm" data-testid="record-borda">
            {BORDA_BREAKDOWN}
          </p>
        ) : null}
        <p className="text-muted-foreground text-sm" data-testid="record-coverage">
          {restsOnImportedFile(view) ? "From the imported file: " : ""}
          {d?.coverage ? recordViewCoverageLine(d.coverage, view) : coverageLine(view)}
          {/* Confidence only with a ready result, next to what it rests on. */}
          {/* And never for a tie: there is no winner to be confident in. */}
          {/* With no figure, it says why (a counted criterion resting on one voter, say). */}
          {(d?.coverage?.status ?? view.status) === "ready" && r?.winner
            ? r.confidence != null
              ? ` Confidence ${Math.round(r.confidence * 100)}% (resampling ${r.confidenceVoters} voters).`
              : ` Confidence: ${noConfidenceReason({ ...r, coverage: view.coverage }) ?? "none"}.`
            : ""}
        </p>
      </section>

      {view.votes?.some((v) => v.rationale) ? (
        <section aria-labelledby="rationales" className="space-y-2">
          <h2 id="rationales" className="font-semibold text-lg">
            What members said
          </h2>
          <ul className="space-y-1 wrap-anywhere text-sm">
            {view.votes
              .filter((v) => v.rationale)
              .map((v) => (
                <li key={`${v.memberId}-${v.member}-${v.criterionKey}`}>
                  <span className="font-medium">{v.member}</span> on{" "}
                  {view.criteria.find((c) => c.key === v.criterionKey)?.name ?? v.criterionKey}: “
                  {v.rationale ? inline(v.rationale) : null}”
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {d?.links.length ? (
        <section aria-labelledby="links" className="space-y-1">
          <h2 id="links" className="font-semibold text-lg">
            Links
          </h2>
          <ul className="list-disc wrap-anywhere pl-5 text-sm">
            {d.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener noreferrer" className="underline underline-offset-2">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
