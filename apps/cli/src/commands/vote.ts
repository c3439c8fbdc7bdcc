import { type Command, InvalidArgumentError, Option } from "commander";
import { CliError, EXIT_USAGE, InputError } from "../errors";
import type { Io } from "../io";
import { call } from "../server/client";
import { connectToProject, PROJECT_ARGUMENT } from "../server/resolve";

type VoteOptions = {
  criterion: string;
  importance?: number;
  score?: Record<string, number>;
  /** false with --no-opinion (commander's negatable option). */
  opinion: boolean;
  json?: boolean;
  rationale?: string;
  team?: string;
};

// The web app's own messages (packages/api/src/schemas/vote.ts), said before anything is sent.
const IMPORTANCE_MESSAGE = "Importance is a whole number from 0 to 5.";
const SCORE_MESSAGE = "A score is a whole number from 1 to 5.";

// A well-formed value out of range is bad input (exit 1), as the web app would refuse it.
const parseImportance = (value: string) => {
  if (!/^[0-5]$/.test(value))
    throw new InputError([`--importance ${value}: ${IMPORTANCE_MESSAGE}`]);
  return Number(value);
};

const collectScore = (value: string, previous: Record<string, number> = {}) => {
  const match = value.match(/^([a-z0-9][a-z0-9-]*)=(.*)$/);
  if (!match?.[1])
    throw new InvalidArgumentError(`"${value}" should look like fastapi=4 (option=score).`);
  if (!/^[1-5]$/.test(match[2] ?? "")) throw new InputError([`--score ${value}: ${SCORE_MESSAGE}`]);
  return { ...previous, [match[1]]: Number(match[2]) };
};

/**
 * `tradeoff vote PROJECT --criterion KEY --importance N --score opt=N ...`: scripted voting;
 * `--no-opinion` instead marks the criterion as one the member has no opinion on, as the web
 * app's "No opinion" does: the ballot is complete there and nothing enters a mean.
 */
export function registerVote(program: Command, io: Io): void {
  program
    .command("vote")
    .summary("cast or change your vote on one criterion")
    .description(
      "Cast or change your vote on one criterion of an open project (needs a read-write token).\n" +
        "The vote replaces your previous one on the criterion: give every value to keep.",
    )
    .argument("<project>", PROJECT_ARGUMENT)
    .requiredOption("-c, --criterion <key>", "the criterion's key")
    .option(
      "-i, --importance <n>",
      "how much the criterion matters, 0 to 5 (default: none given, so the others' importance or the criterion's default weight counts)",
      parseImportance,
    )
    .option(
      "-s, --score <option=n>",
      "a score from 1 to 5 for an option; repeat for each (default: none, the option stays unscored)",
      collectScore,
    )
    .addOption(
      new Option(
        "--no-opinion",
        "say you have no opinion on the criterion: your ballot counts as complete there and your vote enters no mean (not with --importance or --score)",
      ).conflicts(["importance", "score"]),
    )
    .option("-r, --rationale <text>", "why, in a sentence")
    .option("-t, --team <slug>", "the team, when PROJECT is a number")
    .option("--json", "print the saved vote as JSON (for scripts)")
    .addHelpText(
      "after",
      "\nExamples:\n  tradeoff vote billing/1 --criterion performance --importance 4 --score drf=4 --score fastapi=5\n  tradeoff vote billing/1 --criterion admin-orm --no-opinion",
    )
    .action(async (ref: string, options: VoteOptions) => {
      // A vote replaces the previous one: with nothing in it, a forgotten option would wipe it.
      if (
        options.importance === undefined &&
        options.score === undefined &&
        options.opinion !== false &&
        !options.rationale
      )
        throw new CliError(
          EXIT_USAGE,
          `Say what your vote on ${options.criterion} is: --importance, --score (one per option), --no-opinion or --rationale. It replaces your previous vote there, so nothing was sent.`,
        );
      const { config, client, projectId } = await connectToProject(ref, options.team);
      const saved = await call(
        config,
        () =>
          client.vote.cast.mutate({
            projectId,
            criterionKey: options.criterion,
            weight: options.importance ?? null,
            scores: options.score ?? {},
            ...(options.rationale ? { rationale: options.rationale } : {}),
            ...(options.opinion === false ? { noOpinion: true } : {}),
          }),
        {
          criterionKey: "--criterion",
          weight: "--importance",
          scores: "--score",
          rationale: "--rationale",
          noOpinion: "--no-opinion",
        },
      );
      if (options.json) {
        io.stdout(`${JSON.stringify(saved, null, 2)}\n`);
        return;
      }
      if (saved.noOpinion) {
        io.stdout(`Saved your vote on ${options.criterion}: no opinion.\n`);
        return;
      }
      const scores = Object.entries(saved.scores as Record<string, number | null>)
        .map(([k, v]) => `${k}=${v ?? "-"}`)
        .join(" ");
      io.stdout(
        `Saved your vote on ${options.criterion}: importance ${saved.weight ?? "not given"}, ${scores}.\n`,
      );
    });
}
