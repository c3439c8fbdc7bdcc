import {
  aggregate,
  coverageLine,
  type DecisionInput,
  type Method,
  recordedDecision,
  recordViewCoverageLine,
} from "@tradeoff/scoring";
import type { Command } from "commander";
import { wrapText } from "../format/fit";
import { ballotsLine } from "../format/labels";
import { tableReport } from "../format/table";
import { terminalText } from "../format/terminal";
import type { Io } from "../io";
import { call } from "../server/client";
import { connectToProject, PROJECT_ARGUMENT } from "../server/resolve";
import { decisionMade, statusWord } from "../server/status";

/** Whose votes the recommendation rests on, where it is not the team's voting members now. */
const BASIS_LINES: Record<"current" | "decision" | "import", string | null> = {
  current: null,
  decision:
    "As recorded: the recommendation and participation rest on the team's voting members when the decision was recorded.",
  import:
    "From the imported file: the recommendation and participation rest on the votes, voters and members the file lists (the exporting team's), not on this team's members.",
};

/**
 * `tradeoff show PROJECT`: the server's project scored with the same scoring package as
 * `tradeoff score`, printed as the same table.
 */
export function registerShow(program: Command, io: Io): void {
  program
    .command("show")
    .summary("show a project's recommendation")
    .description("Print a project's recommendation as the table of `tradeoff score`.")
    .argument("<project>", PROJECT_ARGUMENT)
    .option("-t, --team <slug>", "the team, when PROJECT is a number")
    .action(async (ref: string, options: { team?: string }) => {
      // Titles and names are teammates' text: shown, never obeyed by the terminal.
      const out = (text: string) => io.stdout(terminalText(text));
      const { config, client, projectId } = await connectToProject(ref, options.team);
      const { view } = await call(config, () => client.record.get.query({ projectId }));
      // A recorded decision may since have been superseded or archived: say both. An imported
      // record that was only proposed names its option, but as proposed, not decided.
      const decided = decisionMade(view);
      const state = statusWord(view.project.status, decided);
      const chosen = view.options.find((o) => o.key === view.decision?.chosenOptionKey)?.name;
      const status =
        view.draft || !chosen
          ? state
          : state === "decided"
            ? `decided: ${chosen}`
            : `${state}; ${decided ? "decided" : "proposed"}: ${chosen}`;
      const heading = terminalText(
        `${view.team.slug}/${view.project.number} ${view.project.title} (${status})`,
      );
      const width = io.columns();
      out(`${width === undefined ? heading : wrapText(heading, width)}\n\n`);
      // A record imported from a docs/decisions folder has no criteria (adr-tools names no
      // options either): there is nothing to score, as on its web page.
      if (view.criteria.length === 0 || view.options.length < 2) {
        out(
          view.source
            ? `No recommendation: this record was imported from ${view.source.fileName} and nobody scored it in Tradeoff.\n`
            : "No recommendation: this project has no criteria or options to score.\n",
        );
        return;
      }
      if (!view.votes) {
        out(
          `This is a blind vote that is still open: results stay hidden until it closes.\n${ballotsLine(view.participation)}\n`,
        );
        return;
      }
      // A choice against the recommendation says so, and why or why no reason is on record.
      const d = view.decision;
      if (d?.recommendedKey && d.recommendedKey !== d.chosenOptionKey) {
        const recommended =
          view.options.find((o) => o.key === d.recommendedKey)?.name ?? d.recommendedKey;
        const why = d.justification?.trim()
          ? `because ${d.justification.trim()}`
          : view.project.votingMode === "BLIND"
            ? "with no reason on record: the vote was blind, so the recommendation was not known when the decision was recorded."
            : "with no reason on record.";
        const line = `The team's recommendation was ${recommended}; the team chose otherwise ${why}`;
        out(`${width === undefined ? line : wrapText(line, width)}\n\n`);
      }
      const basis = BASIS_LINES[view.participation.basis];
      if (basis) out(`${width === undefined ? basis : wrapText(basis, width)}\n\n`);
      const voters = [...new Set(view.votes.map((v) => v.memberId))];
      // Members who have not voted count in participation, as on the project page.
      const absent = Array.from(
        { length: Math.max(0, view.participation.eligible - voters.length) },
        (_, i) => `absent-${i}`,
      );
      const decision: DecisionInput = {
        ...recordedDecision({ options: view.options, criteria: view.criteria, votes: view.votes }),
        members: [...voters, ...absent],
        ...(view.participation.quorum != null ? { quorum: view.participation.quorum } : {}),
      };
      const rec = aggregate(decision, { method: view.project.method as Method });
      // A recorded decision says what it was decided on, as its record page and exports do:
      // the coverage and ballots kept with the record, not what the votes come to today.
      const recorded = d?.coverage ?? null;
      const participation = {
        ...rec.participation,
        ...(recorded ? ballotCounts(view.participation) : {}),
        // A quorum set above the team's size is worded with the number that was set.
        quorumAsSet: view.participation.quorumAsSet ?? null,
      };
      // Stored votes the server left out because they cannot be read are said with the
      // coverage, as on the record page and in the exports: of a recorded decision, those of
      // when it was recorded (kept with it), and today's as today's when they differ.
      const unreadableVotes = view.unreadableVotes;
      const coverage = recorded
        ? recordViewCoverageLine(recorded, view)
        : coverageLine({ ...rec, participation, unreadableVotes });
      out(tableReport({ ...rec, participation }, decision, width, coverage));
    });
}

/** The ballot counts of a participation, as the record keeps them. */
function ballotCounts(p: { complete: number; partial: number; none: number; eligible: number }) {
  return { complete: p.complete, partial: p.partial, none: p.none, eligible: p.eligible };
}
